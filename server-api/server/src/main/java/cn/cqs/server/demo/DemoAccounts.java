package cn.cqs.server.demo;

import static cn.cqs.contract.orgs.Permission.BATCHES_REGISTER;
import static cn.cqs.contract.orgs.Permission.BATCHES_SUPERVISE;
import static cn.cqs.contract.orgs.Permission.REPORTS_APPROVE;
import static cn.cqs.contract.orgs.Permission.REPORTS_AUTHOR;
import static cn.cqs.contract.orgs.Permission.REPORTS_REVIEW;
import static cn.cqs.contract.orgs.Permission.REPORTS_SUPERVISE;
import static cn.cqs.contract.orgs.Permission.USERS_ADMIN;
import static cn.cqs.contract.orgs.Permission.VERIFY;

import cn.cqs.contract.orgs.OrganisationKind;
import cn.cqs.contract.orgs.Permission;
import cn.cqs.contract.orgs.Role;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The demo organisations and accounts seeded with {@code --demo} (listed in the README). One
 * password for all of them: {@link #PASSWORD}.
 */
public final class DemoAccounts {
    public static final String PASSWORD = "Demo@2026";

    /** The demo organisations. */
    public enum Org {
        PROVINCE("福建省住房和城乡建设厅", OrganisationKind.REGULATOR, null, "350000"),
        FUZHOU("福州市城乡建设局", OrganisationKind.REGULATOR, null, "350100"),
        XIAMEN("厦门市建设局", OrganisationKind.REGULATOR, null, "350200"),
        GULOU("福州市鼓楼区住房和城乡建设局", OrganisationKind.REGULATOR, null, "350102"),
        /** 检测机构 in Xiamen. */
        LAB("厦门市建科工程检测有限公司", OrganisationKind.TESTING_AGENCY, "91350200776049653A", "350200"),
        /** 预拌混凝土企业, registered with an early pilot code whose check digit does not match. */
        PLANT("福州闽江商品混凝土有限公司", OrganisationKind.READY_MIX_PLANT, "91350100M0001TGQXM", "350100"),
        /** 施工企业实验室. */
        CONLAB("福建建工集团有限公司工地试验室", OrganisationKind.CONTRACTOR_LAB, "91350102MA2YQ5P73C", "350102");

        public final String displayName;
        public final OrganisationKind kind;
        public final String uscc;
        public final String regionCode;

        Org(String displayName, OrganisationKind kind, String uscc, String regionCode) {
            this.displayName = displayName;
            this.kind = kind;
            this.uscc = uscc;
            this.regionCode = regionCode;
        }
    }

    /** One demo login. */
    public record Account(String username, String displayName, Org organisation, Role role,
                          Set<Permission> permissions) {
    }

    public static final List<Account> ALL = List.of(
            admin("prov-admin", "林省管", Org.PROVINCE, REPORTS_SUPERVISE, BATCHES_SUPERVISE, VERIFY),
            user("prov-inspector", "陈督查", Org.PROVINCE, REPORTS_SUPERVISE, BATCHES_SUPERVISE, VERIFY),
            admin("fz-admin", "郑福州", Org.FUZHOU, REPORTS_SUPERVISE, BATCHES_SUPERVISE, VERIFY),
            user("fz-inspector", "黄监督", Org.FUZHOU, REPORTS_SUPERVISE, BATCHES_SUPERVISE, VERIFY),
            admin("xm-admin", "吴厦门", Org.XIAMEN, REPORTS_SUPERVISE, BATCHES_SUPERVISE, VERIFY),
            user("xm-inspector", "许监督", Org.XIAMEN, REPORTS_SUPERVISE, BATCHES_SUPERVISE, VERIFY),
            admin("gl-admin", "王鼓楼", Org.GULOU, REPORTS_SUPERVISE, BATCHES_SUPERVISE, VERIFY),
            user("gl-inspector", "刘监督", Org.GULOU, REPORTS_SUPERVISE, BATCHES_SUPERVISE, VERIFY),
            admin("lab-admin", "杨主任", Org.LAB, REPORTS_AUTHOR, REPORTS_REVIEW, REPORTS_APPROVE, VERIFY),
            user("lab-clerk", "张检测", Org.LAB, REPORTS_AUTHOR, VERIFY),
            user("lab-reviewer", "李审核", Org.LAB, REPORTS_REVIEW, VERIFY),
            user("lab-approver", "王批准", Org.LAB, REPORTS_APPROVE, VERIFY),
            admin("plant-admin", "周厂长", Org.PLANT, REPORTS_AUTHOR, REPORTS_REVIEW, REPORTS_APPROVE, BATCHES_REGISTER,
                    VERIFY),
            user("plant-clerk", "赵试验", Org.PLANT, REPORTS_AUTHOR, BATCHES_REGISTER, VERIFY),
            admin("conlab-admin", "蔡主任", Org.CONLAB, REPORTS_AUTHOR, REPORTS_REVIEW, REPORTS_APPROVE, VERIFY),
            user("conlab-clerk", "钟试验", Org.CONLAB, REPORTS_AUTHOR, VERIFY));

    private DemoAccounts() {
    }

    public static Account byUsername(String username) {
        return ALL.stream().filter(a -> a.username().equals(username)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No demo account " + username));
    }

    private static Account admin(String username, String name, Org org, Permission... permissions) {
        EnumSet<Permission> set = EnumSet.of(USERS_ADMIN, permissions);
        return new Account(username, name, org, Role.ADMINISTRATOR, set);
    }

    private static Account user(String username, String name, Org org, Permission first, Permission... rest) {
        return new Account(username, name, org, Role.ORDINARY, EnumSet.of(first, rest));
    }
}
