package cn.cqs.contract.reports;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What the platform keeps in columns of every report whatever its type, for lists, search,
 * statistics and the verification page: the shared header, the specification it was graded
 * against and the overall conclusion. Each type's {@link ReportTypeDefinition#summary} derives it
 * from a valid content.
 *
 * @param header                    the shared fields (for the concrete cube, taken from its flat fields)
 * @param grade                     the specification graded against, as printed: the design strength
 *                                  grade (C30, M7.5), the steel grade and diameter (HRB400E Φ20), the
 *                                  cement (P·O 42.5) or the splice (I 级 HRB400 Φ25)
 * @param representativeStrengthMpa the strength the conclusion rests on where the type has one (cube,
 *                                  mortar), else null
 * @param conclusion                the overall conclusion (检测结论) in the platform's common terms
 */
public record ReportSummary(ReportHeader header, String grade, BigDecimal representativeStrengthMpa,
                            Conclusion conclusion) {
    public ReportSummary {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(grade, "grade");
        Objects.requireNonNull(conclusion, "conclusion");
    }
}
