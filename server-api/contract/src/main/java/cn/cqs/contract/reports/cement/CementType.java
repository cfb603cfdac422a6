package cn.cqs.contract.reports.cement;

import cn.cqs.contract.problem.Problem.FieldError;
import cn.cqs.contract.reports.validation.ErrorCodes;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The common portland cement types (通用硅酸盐水泥品种) of GB 175, by code. A code is accepted
 * with the middle dot (P·O), a full stop (P.O), a bullet or nothing between the letters (PO).
 */
public enum CementType {
    /** 硅酸盐水泥 P·I. */
    P_I("P·I", "硅酸盐水泥"),
    /** 硅酸盐水泥 P·II. */
    P_II("P·II", "硅酸盐水泥"),
    /** 普通硅酸盐水泥. */
    P_O("P·O", "普通硅酸盐水泥"),
    /** 矿渣硅酸盐水泥 A 型. */
    P_S_A("P·S·A", "矿渣硅酸盐水泥"),
    /** 矿渣硅酸盐水泥 B 型. */
    P_S_B("P·S·B", "矿渣硅酸盐水泥"),
    /** 火山灰质硅酸盐水泥. */
    P_P("P·P", "火山灰质硅酸盐水泥"),
    /** 粉煤灰硅酸盐水泥. */
    P_F("P·F", "粉煤灰硅酸盐水泥"),
    /** 复合硅酸盐水泥. */
    P_C("P·C", "复合硅酸盐水泥");

    private final String code;
    private final String nameZh;

    CementType(String code, String nameZh) {
        this.code = code;
        this.nameZh = nameZh;
    }

    /** The code as printed, e.g. {@code P·O}. */
    public String code() {
        return code;
    }

    /** The Chinese name, e.g. 普通硅酸盐水泥. */
    public String nameZh() {
        return nameZh;
    }

    /** Whether this is portland cement P·I or P·II, whose final setting limit is 390 min. */
    public boolean isPortland() {
        return this == P_I || this == P_II;
    }

    /** The type written as {@code text}, if any (see the class comment for the accepted spellings). */
    public static Optional<CementType> find(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String key = squeeze(text);
        return Arrays.stream(values()).filter(t -> squeeze(t.code).equals(key)).findFirst();
    }

    /** Checks a type as entered: {@code required} when blank, {@code not_allowed} when unknown. */
    public static Optional<FieldError> check(String field, String text) {
        if (text == null || text.isBlank()) {
            return Optional.of(new FieldError(field, ErrorCodes.REQUIRED, "Required"));
        }
        if (find(text).isEmpty()) {
            return Optional.of(new FieldError(field, ErrorCodes.NOT_ALLOWED, "No cement type '" + text.strip()
                    + "'; types are " + Arrays.stream(values()).map(CementType::code).collect(Collectors.joining(", "))));
        }
        return Optional.empty();
    }

    private static String squeeze(String text) {
        return text.strip().toUpperCase(Locale.ROOT).replaceAll("[·.•・\\s]", "");
    }
}
