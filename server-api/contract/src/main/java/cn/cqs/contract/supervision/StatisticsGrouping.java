package cn.cqs.contract.supervision;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How the report statistics are grouped: by lab (检测机构), by report type, or by both. The query
 * parameter and JSON value are {@code lab}, {@code type} and {@code lab,type}.
 */
public enum StatisticsGrouping {
    LAB("lab", true, false),
    TYPE("type", false, true),
    LAB_AND_TYPE("lab,type", true, true);

    private final String parameter;
    private final boolean byLab;
    private final boolean byType;

    StatisticsGrouping(String parameter, boolean byLab, boolean byType) {
        this.parameter = parameter;
        this.byLab = byLab;
        this.byType = byType;
    }

    /** The value of the {@code groupBy} parameter. */
    @JsonValue
    public String parameter() {
        return parameter;
    }

    public boolean byLab() {
        return byLab;
    }

    public boolean byType() {
        return byType;
    }

    /**
     * Reads a {@code groupBy} value: {@code lab}, {@code type}, {@code lab,type} or
     * {@code type,lab}, case and spaces ignored.
     */
    public static Optional<StatisticsGrouping> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.replace(" ", "").toLowerCase(Locale.ROOT);
        if (v.equals("type,lab")) {
            v = "lab,type";
        }
        String wanted = v;
        return Arrays.stream(values()).filter(g -> g.parameter.equals(wanted)).findFirst();
    }

    @JsonCreator
    static StatisticsGrouping fromJson(String value) {
        return parse(value).orElseThrow(() -> new IllegalArgumentException(
                "groupBy must be lab, type or lab,type, was '" + value + "'"));
    }
}
