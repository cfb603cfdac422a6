package cn.cqs.contract.reports.splice;

import static cn.cqs.contract.reports.validation.FieldChecks.requiredInRange;

import cn.cqs.contract.problem.Problem.FieldError;
import cn.cqs.contract.reports.ReportHeaderValidator;
import cn.cqs.contract.reports.rebar.NominalDiameter;
import cn.cqs.contract.reports.rebar.RebarGrade;
import cn.cqs.contract.reports.validation.ErrorCodes;
import cn.cqs.contract.reports.validation.FieldChecks;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Checks a {@link SpliceReport} before it is saved for sign-off and returns every failing field,
 * with paths such as {@code specimens[2].failureMode}.
 */
public final class SpliceReportValidator {
    /** Longest splice type text. */
    public static final int MAX_SPLICE_TYPE = 50;
    /** Largest mechanical splice lot: 500 joints, extendable to 1000 after ten passing lots (JGJ 107-2016). */
    public static final int MAX_MECHANICAL_LOT = 1000;
    /** Largest welded joint lot: 300 joints (JGJ 18-2012). */
    public static final int MAX_WELDED_LOT = 300;

    private SpliceReportValidator() {
    }

    /** Every problem with {@code report}, in field order; empty when it may be saved for sign-off. */
    public static List<FieldError> validate(SpliceReport report) {
        Objects.requireNonNull(report, "report");
        String expected = report.kind() == null ? null : report.kind().standard();
        List<FieldError> errors = new ArrayList<>(ReportHeaderValidator.validate("header", report.header(), expected));
        if (report.kind() != null) {
            requiredInRange(errors, "lotSize", report.lotSize(), 1,
                    report.kind() == SpliceKind.MECHANICAL ? MAX_MECHANICAL_LOT : MAX_WELDED_LOT);
        } else {
            FieldChecks.required(errors, "lotSize", report.lotSize());
        }
        errors.addAll(testDataErrors(report));
        return List.copyOf(errors);
    }

    /** The problems with the fields {@link SpliceReport#evaluate()} needs. */
    static List<FieldError> testDataErrors(SpliceReport report) {
        List<FieldError> errors = new ArrayList<>();
        FieldChecks.required(errors, "kind", report.kind());
        RebarGrade.check("barGrade", report.barGrade()).ifPresent(errors::add);
        NominalDiameter.check("nominalDiameterMm", report.nominalDiameterMm()).ifPresent(errors::add);
        if (report.kind() == SpliceKind.MECHANICAL) {
            FieldChecks.required(errors, "spliceGrade", report.spliceGrade());
            FieldChecks.requiredText(errors, "spliceType", report.spliceType(), MAX_SPLICE_TYPE);
            FieldChecks.absent(errors, "weldingMethod", report.weldingMethod(), "a mechanical splice is not welded");
        } else if (report.kind() == SpliceKind.WELDED) {
            FieldChecks.absent(errors, "spliceGrade", report.spliceGrade(), "welded joints have no splice grade");
            FieldChecks.absent(errors, "spliceType", report.spliceType(), "the welding method describes a welded joint");
            FieldChecks.required(errors, "weldingMethod", report.weldingMethod());
        }
        if (report.testRound() == null) {
            errors.add(new FieldError("testRound", ErrorCodes.REQUIRED, "Required"));
        }
        errors.addAll(SpliceRule.checkSpecimens(report.kind(), report.testRound(), report.specimens()));
        return errors;
    }
}
