package cn.cqs.contract.reports.rebar;

import static cn.cqs.contract.reports.validation.FieldChecks.requiredPositiveAtMost;
import static cn.cqs.contract.reports.validation.FieldChecks.requiredText;

import cn.cqs.contract.problem.Problem.FieldError;
import cn.cqs.contract.reports.ReportHeaderValidator;
import cn.cqs.contract.reports.validation.ErrorCodes;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks a {@link RebarReport} before it is saved for sign-off and returns every failing field,
 * with paths such as {@code tensileSpecimens[1].maxLoadKn}. The limits of the test data come from
 * {@link RebarRule}.
 */
public final class RebarReportValidator {
    /** Longest manufacturer name or heat number. */
    public static final int MAX_PRODUCT_TEXT = 100;
    /** Largest batch (检验批) in tonnes: GB/T 1499.2 batches are at most 60 t. */
    public static final BigDecimal MAX_BATCH_MASS_T = new BigDecimal("60");

    private RebarReportValidator() {
    }

    /** Every problem with {@code report}, in field order; empty when it may be saved for sign-off. */
    public static List<FieldError> validate(RebarReport report) {
        Objects.requireNonNull(report, "report");
        List<FieldError> errors = new ArrayList<>(
                ReportHeaderValidator.validate("header", report.header(), RebarReport.STANDARD));
        requiredText(errors, "manufacturer", report.manufacturer(), MAX_PRODUCT_TEXT);
        requiredText(errors, "heatNumber", report.heatNumber(), MAX_PRODUCT_TEXT);
        if (report.batchMassT() != null && report.batchMassT().compareTo(MAX_BATCH_MASS_T) > 0) {
            errors.add(new FieldError("batchMassT", ErrorCodes.OUT_OF_RANGE, "A batch is at most 60 t (a larger one"
                    + " needs one more tensile and bend specimen per further 40 t, which this report does not"
                    + " model), got " + report.batchMassT().toPlainString() + " t"));
        } else {
            requiredPositiveAtMost(errors, "batchMassT", report.batchMassT(), MAX_BATCH_MASS_T);
        }
        errors.addAll(testDataErrors(report));
        return List.copyOf(errors);
    }

    /** The problems with the fields {@link RebarReport#evaluate()} needs. */
    static List<FieldError> testDataErrors(RebarReport report) {
        List<FieldError> errors = new ArrayList<>();
        Optional<FieldError> gradeError = RebarGrade.check("grade", report.grade());
        gradeError.ifPresent(errors::add);
        Optional<FieldError> diameterError = NominalDiameter.check("nominalDiameterMm", report.nominalDiameterMm());
        diameterError.ifPresent(errors::add);
        if (report.testRound() == null) {
            errors.add(new FieldError("testRound", ErrorCodes.REQUIRED, "Required"));
        }
        NominalDiameter diameter = diameterError.isEmpty() ? NominalDiameter.requireMm(report.nominalDiameterMm()) : null;
        errors.addAll(RebarRule.checkTestData(diameter, report.testRound(), report.tensileSpecimens(),
                report.bendSpecimens(), report.massSample()));
        return errors;
    }
}
