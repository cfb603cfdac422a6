package cn.cqs.contract.reports.cement;

import static cn.cqs.contract.reports.cement.CementType.P_C;
import static cn.cqs.contract.reports.cement.CementType.P_F;
import static cn.cqs.contract.reports.cement.CementType.P_I;
import static cn.cqs.contract.reports.cement.CementType.P_II;
import static cn.cqs.contract.reports.cement.CementType.P_O;
import static cn.cqs.contract.reports.cement.CementType.P_P;
import static cn.cqs.contract.reports.cement.CementType.P_S_A;
import static cn.cqs.contract.reports.cement.CementType.P_S_B;

import cn.cqs.contract.problem.Problem.FieldError;
import cn.cqs.contract.reports.validation.ErrorCodes;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The strength classes (强度等级) of GB 175 and their minimum strengths in MPa: the one table of
 * these numbers in the system.
 *
 * <p>GB 175-2007 (table 3), as generally quoted:
 * <pre>
 * type                class  3d comp 28d comp 3d flex 28d flex
 * P·I, P·II           42.5    17.0    42.5     3.5     6.5
 *                     42.5R   22.0    42.5     4.0     6.5
 *                     52.5    23.0    52.5     4.0     7.0
 *                     52.5R   27.0    52.5     5.0     7.0
 *                     62.5    28.0    62.5     5.0     8.0
 *                     62.5R   32.0    62.5     5.5     8.0
 * P·O                 42.5 .. 52.5R as P·I/P·II
 * P·S, P·P, P·F, P·C  32.5    10.0    32.5     2.5     5.5
 *                     32.5R   15.0    32.5     3.5     5.5
 *                     42.5    15.0    42.5     3.5     6.5
 *                     42.5R   19.0    42.5     4.0     6.5
 *                     52.5    21.0    52.5     4.0     7.0
 *                     52.5R   23.0    52.5     4.5     7.0
 * </pre>
 * Uncertain rows and values (marked by {@link Requirement#threeDayCompressiveVerified()} or noted
 * here):
 * <ul>
 *   <li>P·C 32.5 under GB 175-2007: amendment No. 2 to the 2007 edition is remembered as having
 *       withdrawn it; not verified, so the row is kept.</li>
 *   <li>GB 175-2023 dropped P·C 32.5 and 32.5R (certain, from its foreword) and changed the 3-day
 *       compressive minimums of the classes (certain that they changed; the new values are not
 *       known here). Its rows therefore repeat the 2007 values with
 *       {@code threeDayCompressiveVerified = false}, and a result judged by them says so.
 *       The 28-day and flexural minimums are not listed among the 2023 changes and are taken as
 *       unchanged.</li>
 * </ul>
 */
public final class CementStrengthClasses {
    private static final List<CementType> PORTLAND = List.of(P_I, P_II);
    private static final List<CementType> ORDINARY = List.of(P_O);
    private static final List<CementType> BLENDED = List.of(P_S_A, P_S_B, P_P, P_F, P_C);

    /** Every row, for both editions. */
    public static final List<Requirement> TABLE = table();

    private CementStrengthClasses() {
    }

    /**
     * One strength class of one cement type in one edition.
     *
     * @param edition                      the GB 175 edition
     * @param type                         the cement type
     * @param strengthClass                e.g. {@code 42.5R}
     * @param min3dCompressiveMpa          3-day compressive minimum
     * @param min28dCompressiveMpa         28-day compressive minimum
     * @param min3dFlexuralMpa             3-day flexural minimum
     * @param min28dFlexuralMpa            28-day flexural minimum
     * @param threeDayCompressiveVerified  whether the 3-day compressive minimum is known to be the
     *                                     edition's own value (false for GB 175-2023, see above)
     */
    public record Requirement(Gb175Edition edition, CementType type, String strengthClass,
                              BigDecimal min3dCompressiveMpa, BigDecimal min28dCompressiveMpa,
                              BigDecimal min3dFlexuralMpa, BigDecimal min28dFlexuralMpa,
                              boolean threeDayCompressiveVerified) {
        public Requirement {
            Objects.requireNonNull(edition, "edition");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(strengthClass, "strengthClass");
            Objects.requireNonNull(min3dCompressiveMpa, "min3dCompressiveMpa");
            Objects.requireNonNull(min28dCompressiveMpa, "min28dCompressiveMpa");
            Objects.requireNonNull(min3dFlexuralMpa, "min3dFlexuralMpa");
            Objects.requireNonNull(min28dFlexuralMpa, "min28dFlexuralMpa");
        }
    }

    /** The row for this edition, type and class (class compared ignoring case and spaces: {@code 42.5r}). */
    public static Optional<Requirement> find(Gb175Edition edition, CementType type, String strengthClass) {
        if (strengthClass == null) {
            return Optional.empty();
        }
        String key = normalise(strengthClass);
        return TABLE.stream().filter(r -> r.edition() == edition && r.type() == type
                && r.strengthClass().equals(key)).findFirst();
    }

    /** The classes of {@code type} in {@code edition}, in table order. */
    public static List<String> classesOf(Gb175Edition edition, CementType type) {
        return TABLE.stream().filter(r -> r.edition() == edition && r.type() == type)
                .map(Requirement::strengthClass).toList();
    }

    /**
     * Checks a strength class for a type and edition: {@code required} when blank,
     * {@code not_allowed} when the edition has no such class for the type.
     */
    public static Optional<FieldError> check(String field, Gb175Edition edition, CementType type, String text) {
        if (text == null || text.isBlank()) {
            return Optional.of(new FieldError(field, ErrorCodes.REQUIRED, "Required"));
        }
        if (find(edition, type, text).isEmpty()) {
            return Optional.of(new FieldError(field, ErrorCodes.NOT_ALLOWED, type.code() + " has no strength class '"
                    + text.strip() + "' in " + edition.standard() + "; its classes are "
                    + String.join(", ", classesOf(edition, type))));
        }
        return Optional.empty();
    }

    private static String normalise(String text) {
        return text.strip().toUpperCase(Locale.ROOT).replaceAll("\\s", "");
    }

    private static List<Requirement> table() {
        List<Requirement> rows = new ArrayList<>();
        for (Gb175Edition edition : Gb175Edition.values()) {
            boolean verified = edition == Gb175Edition.GB_175_2007;
            for (CementType t : PORTLAND) {
                add(rows, edition, t, verified, "42.5", "17.0", "42.5", "3.5", "6.5");
                add(rows, edition, t, verified, "42.5R", "22.0", "42.5", "4.0", "6.5");
                add(rows, edition, t, verified, "52.5", "23.0", "52.5", "4.0", "7.0");
                add(rows, edition, t, verified, "52.5R", "27.0", "52.5", "5.0", "7.0");
                add(rows, edition, t, verified, "62.5", "28.0", "62.5", "5.0", "8.0");
                add(rows, edition, t, verified, "62.5R", "32.0", "62.5", "5.5", "8.0");
            }
            for (CementType t : ORDINARY) {
                add(rows, edition, t, verified, "42.5", "17.0", "42.5", "3.5", "6.5");
                add(rows, edition, t, verified, "42.5R", "22.0", "42.5", "4.0", "6.5");
                add(rows, edition, t, verified, "52.5", "23.0", "52.5", "4.0", "7.0");
                add(rows, edition, t, verified, "52.5R", "27.0", "52.5", "5.0", "7.0");
            }
            for (CementType t : BLENDED) {
                // GB 175-2023 dropped P·C 32.5 and 32.5R
                if (!(edition == Gb175Edition.GB_175_2023 && t == P_C)) {
                    add(rows, edition, t, verified, "32.5", "10.0", "32.5", "2.5", "5.5");
                    add(rows, edition, t, verified, "32.5R", "15.0", "32.5", "3.5", "5.5");
                }
                add(rows, edition, t, verified, "42.5", "15.0", "42.5", "3.5", "6.5");
                add(rows, edition, t, verified, "42.5R", "19.0", "42.5", "4.0", "6.5");
                add(rows, edition, t, verified, "52.5", "21.0", "52.5", "4.0", "7.0");
                add(rows, edition, t, verified, "52.5R", "23.0", "52.5", "4.5", "7.0");
            }
        }
        return List.copyOf(rows);
    }

    private static void add(List<Requirement> rows, Gb175Edition edition, CementType type, boolean verified,
                            String strengthClass, String c3, String c28, String f3, String f28) {
        rows.add(new Requirement(edition, type, strengthClass, new BigDecimal(c3), new BigDecimal(c28),
                new BigDecimal(f3), new BigDecimal(f28), verified));
    }
}
