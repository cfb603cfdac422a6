package cn.cqs.server.demo;

import cn.cqs.contract.orgs.Organisation;
import cn.cqs.contract.orgs.OrganisationKind;
import cn.cqs.contract.orgs.User;
import cn.cqs.contract.projects.Project;
import cn.cqs.server.auth.PasswordHasher;
import cn.cqs.server.orgs.OrganisationService;
import cn.cqs.server.orgs.UserService;
import cn.cqs.server.projects.ProjectService;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seeds the demo data into an empty database (no organisations yet): Fujian's province, Fuzhou,
 * Xiamen and Gulou regulators, a testing agency, a ready-mix plant and a construction-company lab,
 * the {@link DemoAccounts} users, and a few projects in Xiamen and Fuzhou linked to the labs.
 */
public final class DemoSeed {
    private static final Logger LOG = LoggerFactory.getLogger(DemoSeed.class);
    private final Jdbi jdbi;
    private final PasswordHasher hasher;
    private final Clock clock;

    public DemoSeed(Jdbi jdbi, PasswordHasher hasher, Clock clock) {
        this.jdbi = jdbi;
        this.hasher = hasher;
        this.clock = clock;
    }

    /** @return true when it seeded, false when the database already held organisations */
    public boolean seedIfEmpty() {
        return jdbi.inTransaction(h -> {
            h.execute("lock table organisation in exclusive mode");
            boolean empty = h.createQuery("select not exists (select 1 from organisation)").mapTo(Boolean.class).one();
            if (!empty) {
                return false;
            }
            seed(h);
            LOG.info("Demo data seeded: {} accounts, password {}", DemoAccounts.ALL.size(), DemoAccounts.PASSWORD);
            return true;
        });
    }

    private void seed(Handle h) {
        Instant now = clock.instant();
        Map<DemoAccounts.Org, UUID> ids = new EnumMap<>(DemoAccounts.Org.class);
        for (DemoAccounts.Org org : DemoAccounts.Org.values()) {
            UUID parent = switch (org) {
                case FUZHOU, XIAMEN -> ids.get(DemoAccounts.Org.PROVINCE);
                case GULOU -> ids.get(DemoAccounts.Org.FUZHOU);
                default -> null;
            };
            UUID id = UUID.randomUUID();
            ids.put(org, id);
            OrganisationService.insert(h, new Organisation(id, org.displayName, org.kind, org.uscc, org.regionCode,
                    org.kind == OrganisationKind.REGULATOR ? parent : null, now, 1));
        }
        String hash = hasher.hash(DemoAccounts.PASSWORD);
        for (DemoAccounts.Account a : DemoAccounts.ALL) {
            UserService.insert(h, new User(UUID.randomUUID(), ids.get(a.organisation()), a.username(), a.displayName(),
                    a.role(), a.permissions(), true, now, 1), hash);
        }
        UUID lab = ids.get(DemoAccounts.Org.LAB);
        UUID plant = ids.get(DemoAccounts.Org.PLANT);
        UUID conlab = ids.get(DemoAccounts.Org.CONLAB);
        project(h, now, "翔安区保障性住房二期工程", "350213", "厦门市翔安区新店镇洪钟大道与翔安南路交叉口",
                "厦门安居集团有限公司", "中建海峡建设发展有限公司", "厦门基业衡信咨询有限公司", lab);
        project(h, now, "湖里区创新园三号楼", "350206", "厦门市湖里区安岭二路",
                "厦门湖里建设发展有限公司", "厦门特房建设工程集团有限公司", "厦门长实建设监理有限公司", lab);
        UUID fuzhouSchool = project(h, now, "鼓楼区实验小学教学楼改扩建工程", "350102", "福州市鼓楼区湖东路",
                "福州市鼓楼区教育局", "福建建工集团有限公司", "福建省建设监理有限公司", conlab);
        ProjectService.linkUnchecked(h, fuzhouSchool, plant, now);
        ProjectService.linkUnchecked(h, fuzhouSchool, lab, now);
        UUID cangshan = project(h, now, "仓山区城市综合体项目一标段", "350104", "福州市仓山区浦上大道",
                "福州仓山城市建设投资有限公司", "中铁海峡建设集团有限公司", "福州成建工程监理有限公司", plant);
        ProjectService.linkUnchecked(h, cangshan, conlab, now);
    }

    private static UUID project(Handle h, Instant now, String name, String region, String address, String owner,
                                String contractor, String supervisor, UUID createdBy) {
        UUID id = UUID.randomUUID();
        ProjectService.insert(h, new Project(id, name, region, address, owner, contractor, supervisor, createdBy,
                now, now, 1));
        return id;
    }
}
