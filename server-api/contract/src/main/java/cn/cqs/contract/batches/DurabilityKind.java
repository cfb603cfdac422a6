package cn.cqs.contract.batches;

import java.util.List;

/**
 * The durability properties a {@link ConcreteMarking} may state (耐久性能等级), with the grades
 * JGJ/T 193-2009 (混凝土耐久性检验评定标准) defines for each, which GB/T 14902-2012 refers to. In a
 * marking the codes follow the slump, e.g. {@code P8}, {@code F250Q-III}, {@code P8F150}. The
 * declaration order here is the canonical order in which {@link ConcreteMarking#render()} writes
 * them.
 */
public enum DurabilityKind {
    /** 抗渗等级 (water impermeability), P4–P12. */
    IMPERMEABILITY("P", "抗渗等级", "impermeability", List.of("4", "6", "8", "10", "12")),
    /** 抗冻等级 (快冻法, rapid freeze-thaw cycles), F50–F400. */
    FREEZE_THAW("F", "抗冻等级（快冻法）", "freeze-thaw (rapid)",
            List.of("50", "100", "150", "200", "250", "300", "350", "400")),
    /** 抗冻标号 (慢冻法, slow freeze-thaw cycles), D50–D200. */
    FREEZE_THAW_SLOW("D", "抗冻标号（慢冻法）", "freeze-thaw (slow)", List.of("50", "100", "150", "200")),
    /** 抗硫酸盐等级 (sulfate resistance, dry-wet cycles), KS30–KS150. */
    SULFATE("KS", "抗硫酸盐等级", "sulfate resistance", List.of("30", "60", "90", "120", "150")),
    /** 抗氯离子渗透性能等级, RCM method (chloride migration coefficient), RCM-I to RCM-V. */
    CHLORIDE_RCM("RCM-", "抗氯离子渗透性能等级（RCM法）", "chloride penetration (RCM)", Roman.ALL),
    /** 抗氯离子渗透性能等级, electric flux method (电通量法), Q-I to Q-V. */
    CHLORIDE_FLUX("Q-", "抗氯离子渗透性能等级（电通量法）", "chloride penetration (electric flux)", Roman.ALL),
    /** 抗碳化性能等级 (carbonation resistance), T-I to T-V. */
    CARBONATION("T-", "抗碳化性能等级", "carbonation resistance", Roman.ALL),
    /** 早期抗裂性能等级 (early-age cracking resistance), L-I to L-V. */
    EARLY_CRACKING("L-", "早期抗裂性能等级", "early-age cracking resistance", Roman.ALL);

    private final String prefix;
    private final String chineseName;
    private final String englishName;
    private final List<String> grades;

    DurabilityKind(String prefix, String chineseName, String englishName, List<String> grades) {
        this.prefix = prefix;
        this.chineseName = chineseName;
        this.englishName = englishName;
        this.grades = grades;
    }

    /** What the code starts with: {@code P}, {@code F}, {@code D}, {@code KS}, {@code RCM-}, ... */
    public String prefix() {
        return prefix;
    }

    public String chineseName() {
        return chineseName;
    }

    public String englishName() {
        return englishName;
    }

    /** The grade values that may follow the prefix, e.g. {@code 4, 6, 8, 10, 12} or {@code I … V}. */
    public List<String> grades() {
        return grades;
    }

    /** The allowed codes as text, e.g. {@code P4, P6, P8, P10, P12}. */
    public String allowedCodes() {
        return String.join(", ", grades.stream().map(g -> prefix + g).toList());
    }

    private static final class Roman {
        static final List<String> ALL = List.of("I", "II", "III", "IV", "V");
    }
}
