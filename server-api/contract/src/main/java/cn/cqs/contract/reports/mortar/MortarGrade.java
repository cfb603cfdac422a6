package cn.cqs.contract.reports.mortar;

import cn.cqs.contract.problem.Problem.FieldError;
import cn.cqs.contract.reports.validation.ErrorCodes;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The masonry mortar strength grades (砌筑砂浆强度等级) M5 to M30: the letter M and the design
 * strength f2 in MPa.
 */
public enum MortarGrade {
    M5("5"), M7_5("7.5"), M10("10"), M15("15"), M20("20"), M25("25"), M30("30");

    private final BigDecimal strengthMpa;

    MortarGrade(String strengthMpa) {
        this.strengthMpa = new BigDecimal(strengthMpa);
    }

    /** The design strength in MPa, e.g. 7.5. */
    public BigDecimal strengthMpa() {
        return strengthMpa;
    }

    /** The grade as written, e.g. {@code M7.5}. */
    public String code() {
        return "M" + strengthMpa.toPlainString();
    }

    /** The grade written as {@code text} ({@code M7.5}, {@code m10}), if any. */
    public static Optional<MortarGrade> find(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String key = text.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(g -> g.code().equals(key)).findFirst();
    }

    /** Checks a grade as entered: {@code required} when blank, {@code not_allowed} when unknown. */
    public static Optional<FieldError> check(String field, String text) {
        if (text == null || text.isBlank()) {
            return Optional.of(new FieldError(field, ErrorCodes.REQUIRED, "Required"));
        }
        if (find(text).isEmpty()) {
            return Optional.of(new FieldError(field, ErrorCodes.NOT_ALLOWED, "No mortar grade '" + text.strip()
                    + "'; grades are " + Arrays.stream(values()).map(MortarGrade::code).collect(Collectors.joining(", "))));
        }
        return Optional.empty();
    }
}
