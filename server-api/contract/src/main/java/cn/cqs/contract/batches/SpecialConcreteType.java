package cn.cqs.contract.batches;

import java.util.Arrays;
import java.util.Optional;

/**
 * The type codes of special concrete (特制品混凝土种类代号), GB/T 14902-2012 Table 1, written after
 * {@code B-} in a {@link ConcreteMarking}. A concrete may combine several, e.g. {@code SF}
 * (self-compacting fibre concrete) or {@code LF} (lightweight fibre concrete).
 */
public enum SpecialConcreteType {
    /** 高强混凝土: high-strength concrete, C60 and above. */
    H("高强混凝土", "high-strength"),
    /** 自密实混凝土: self-compacting concrete. */
    S("自密实混凝土", "self-compacting"),
    /** 纤维混凝土: fibre-reinforced concrete. */
    F("纤维混凝土", "fibre"),
    /** 轻骨料混凝土: lightweight-aggregate concrete, strength classes LC…. */
    L("轻骨料混凝土", "lightweight-aggregate"),
    /** 重混凝土: heavyweight concrete. */
    W("重混凝土", "heavyweight");

    private final String chineseName;
    private final String englishName;

    SpecialConcreteType(String chineseName, String englishName) {
        this.chineseName = chineseName;
        this.englishName = englishName;
    }

    /** The Chinese name, e.g. 自密实混凝土. */
    public String chineseName() {
        return chineseName;
    }

    /** The English name, e.g. self-compacting. */
    public String englishName() {
        return englishName;
    }

    /** The type for a one-letter code, if GB/T 14902-2012 defines it. */
    public static Optional<SpecialConcreteType> ofCode(char code) {
        return Arrays.stream(values()).filter(t -> t.name().charAt(0) == code).findFirst();
    }

    /** All codes with their names, for messages: {@code H 高强混凝土 (high-strength), S …}. */
    public static String describeAll() {
        StringBuilder sb = new StringBuilder();
        for (SpecialConcreteType t : values()) {
            sb.append(sb.length() == 0 ? "" : ", ").append(t.name()).append(' ').append(t.chineseName)
                    .append(" (").append(t.englishName).append(')');
        }
        return sb.toString();
    }
}
