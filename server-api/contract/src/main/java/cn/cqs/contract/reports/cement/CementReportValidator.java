package cn.cqs.contract.reports.cement;

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
 * Checks a {@link CementReport} before it is saved for sign-off and returns every failing field,
 * with paths such as {@code strength28d.compressiveLoadsKn[5]}.
 */
public final class CementReportValidator {
    /** Longest manufacturer name or batch number. */
    public static final int MAX_PRODUCT_TEXT = 100;
    /** Largest representative quantity in tonnes (a plausibility bound; bulk lots are at most 500 t). */
    public static final BigDecimal MAX_BATCH_MASS_T = new BigDecimal("500");

    private CementReportValidator() {
    }

    /** Every problem with {@code report}, in field order; empty when it may be saved for sign-off. */
    public static List<FieldError> validate(CementReport report) {
        Objects.requireNonNull(report, "report");
        String expected = report.header() == null || report.header().testDate() == null ? null
                : Gb175Edition.forTestDate(report.header().testDate()).standard();
        List<FieldError> errors = new ArrayList<>(ReportHeaderValidator.validate("header", report.header(), expected));
        requiredText(errors, "manufacturer", report.manufacturer(), MAX_PRODUCT_TEXT);
        requiredText(errors, "batchNumber", report.batchNumber(), MAX_PRODUCT_TEXT);
        requiredPositiveAtMost(errors, "batchMassT", report.batchMassT(), MAX_BATCH_MASS_T);
        errors.addAll(testDataErrors(report, false));
        return List.copyOf(errors);
    }

    /**
     * The problems with the fields {@link CementReport#evaluate()} needs.
     *
     * @param reportTestDate whether to report a missing test date (the header check already does)
     */
    static List<FieldError> testDataErrors(CementReport report, boolean reportTestDate) {
        List<FieldError> errors = new ArrayList<>();
        boolean dated = report.header() != null && report.header().testDate() != null;
        if (!dated && reportTestDate) {
            errors.add(new FieldError("header.testDate", ErrorCodes.REQUIRED,
                    "Required: the test date decides the edition of GB 175"));
        }
        Optional<FieldError> typeError = CementType.check("cementType", report.cementType());
        typeError.ifPresent(errors::add);
        if (typeError.isEmpty() && dated) {
            CementStrengthClasses.check("strengthClass", Gb175Edition.forTestDate(report.header().testDate()),
                    CementType.find(report.cementType()).orElseThrow(), report.strengthClass()).ifPresent(errors::add);
        } else if (report.strengthClass() == null || report.strengthClass().isBlank()) {
            errors.add(new FieldError("strengthClass", ErrorCodes.REQUIRED, "Required"));
        }
        errors.addAll(CementRule.checkTestData(report.initialSettingMin(), report.finalSettingMin(),
                report.soundnessQualified(), report.strength3d(), report.strength28d()));
        return errors;
    }
}
