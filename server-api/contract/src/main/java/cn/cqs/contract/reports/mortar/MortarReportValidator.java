package cn.cqs.contract.reports.mortar;

import static cn.cqs.contract.reports.validation.FieldChecks.requiredInRange;
import static cn.cqs.contract.reports.validation.FieldChecks.requiredPositiveAtMost;
import static cn.cqs.contract.reports.validation.FieldChecks.requiredText;

import cn.cqs.contract.problem.Problem.FieldError;
import cn.cqs.contract.reports.CubeStrengthReportValidator;
import cn.cqs.contract.reports.ReportHeaderValidator;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Checks a {@link MortarReport} before it is saved for sign-off and returns every failing field,
 * with paths such as {@code failureLoadsKn[2]}.
 */
public final class MortarReportValidator {
    /** Longest mortar kind text. */
    public static final int MAX_MORTAR_KIND = 50;

    private MortarReportValidator() {
    }

    /** Every problem with {@code report}, in field order; empty when it may be saved for sign-off. */
    public static List<FieldError> validate(MortarReport report) {
        Objects.requireNonNull(report, "report");
        List<FieldError> errors = new ArrayList<>(
                ReportHeaderValidator.validate("header", report.header(), MortarReport.STANDARD));
        requiredText(errors, "mortarKind", report.mortarKind(), MAX_MORTAR_KIND);
        requiredPositiveAtMost(errors, "representativeQuantityM3", report.representativeQuantityM3(),
                CubeStrengthReportValidator.MAX_REPRESENTATIVE_QUANTITY_M3);
        requiredInRange(errors, "curingAgeDays", report.curingAgeDays(), CubeStrengthReportValidator.MIN_CURING_AGE_DAYS,
                CubeStrengthReportValidator.MAX_CURING_AGE_DAYS);
        errors.addAll(testDataErrors(report));
        return List.copyOf(errors);
    }

    /** The problems with the fields {@link MortarReport#evaluate()} needs. */
    static List<FieldError> testDataErrors(MortarReport report) {
        List<FieldError> errors = new ArrayList<>();
        MortarGrade.check("designGrade", report.designGrade()).ifPresent(errors::add);
        errors.addAll(MortarStrengthRule.checkFailureLoads("failureLoadsKn", report.failureLoadsKn()));
        return errors;
    }
}
