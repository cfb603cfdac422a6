package cn.cqs.contract.reports;

import static cn.cqs.contract.reports.validation.FieldChecks.required;
import static cn.cqs.contract.reports.validation.FieldChecks.requiredInRange;
import static cn.cqs.contract.reports.validation.FieldChecks.requiredPositiveAtMost;
import static cn.cqs.contract.reports.validation.FieldChecks.requiredText;

import cn.cqs.contract.problem.Problem.FieldError;
import cn.cqs.contract.reports.cube.CubeStrengthRule;
import cn.cqs.contract.reports.cube.SpecimenSize;
import cn.cqs.contract.reports.cube.StrengthGrade;
import cn.cqs.contract.reports.validation.ErrorCodes;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks a {@link CubeStrengthReport} before it is saved for sign-off, and returns every failing
 * field (never just the first), with JSON paths such as {@code designGrade} or
 * {@code specimens[1].failureLoadKn} and the codes of {@link ErrorCodes}. Client and server run the
 * same checks; the limits of the test data come from {@link CubeStrengthRule}.
 */
public final class CubeStrengthReportValidator {
    /** Longest commission number (委托编号). */
    public static final int MAX_COMMISSION_NUMBER = 32;
    /** Longest project name or project part. */
    public static final int MAX_PROJECT_TEXT = 200;
    /** Longest sample name. */
    public static final int MAX_SAMPLE_NAME = 100;
    /** Longest sample id. */
    public static final int MAX_SAMPLE_ID = 64;
    /** Longest person's name (witness, sampler). */
    public static final int MAX_PERSON_NAME = 50;
    /** Longest witness certificate number. */
    public static final int MAX_CERTIFICATE_NUMBER = 50;
    /** Longest organisation name. */
    public static final int MAX_ORGANISATION = 200;
    /** Largest representative quantity in m³: a plausibility bound, far above any one sample's lot. */
    public static final BigDecimal MAX_REPRESENTATIVE_QUANTITY_M3 = new BigDecimal("10000");
    /** Shortest and longest curing age in days. */
    public static final int MIN_CURING_AGE_DAYS = 1;
    public static final int MAX_CURING_AGE_DAYS = 365;

    private CubeStrengthReportValidator() {
    }

    /** Every problem with {@code report}, in field order; empty when it may be saved for sign-off. */
    public static List<FieldError> validate(CubeStrengthReport report) {
        Objects.requireNonNull(report, "report");
        List<FieldError> errors = new ArrayList<>();
        ReportNumber.check("reportNumber", report.reportNumber()).ifPresent(errors::add);
        requiredText(errors, "commissionNumber", report.commissionNumber(), MAX_COMMISSION_NUMBER);
        required(errors, "projectId", report.projectId());
        requiredText(errors, "projectName", report.projectName(), MAX_PROJECT_TEXT);
        requiredText(errors, "projectPart", report.projectPart(), MAX_PROJECT_TEXT);
        requiredText(errors, "sampleName", report.sampleName(), MAX_SAMPLE_NAME);
        requiredText(errors, "sampleId", report.sampleId(), MAX_SAMPLE_ID);
        requiredPositiveAtMost(errors, "representativeQuantityM3", report.representativeQuantityM3(),
                MAX_REPRESENTATIVE_QUANTITY_M3);
        boolean sampled = required(errors, "samplingDate", report.samplingDate());
        boolean tested = required(errors, "testDate", report.testDate());
        if (sampled && tested && report.testDate().isBefore(report.samplingDate())) {
            errors.add(new FieldError("testDate", ErrorCodes.BEFORE_SAMPLING,
                    "The test date " + report.testDate() + " is before the sampling date " + report.samplingDate()));
        }
        requiredInRange(errors, "curingAgeDays", report.curingAgeDays(), MIN_CURING_AGE_DAYS, MAX_CURING_AGE_DAYS);
        if (required(errors, "standard", report.standard())
                && !CubeStrengthReport.STANDARD.equals(report.standard().strip())) {
            errors.add(new FieldError("standard", ErrorCodes.NOT_ALLOWED,
                    "This report type follows " + CubeStrengthReport.STANDARD + ", got '" + report.standard() + "'"));
        }
        errors.addAll(testDataErrors(report));
        requiredText(errors, "witnessName", report.witnessName(), MAX_PERSON_NAME);
        requiredText(errors, "witnessCertificateNumber", report.witnessCertificateNumber(), MAX_CERTIFICATE_NUMBER);
        requiredText(errors, "witnessOrganisation", report.witnessOrganisation(), MAX_ORGANISATION);
        requiredText(errors, "samplerName", report.samplerName(), MAX_PERSON_NAME);
        return List.copyOf(errors);
    }

    /** The problems with the fields {@link CubeStrengthReport#evaluate()} needs. */
    static List<FieldError> testDataErrors(CubeStrengthReport report) {
        List<FieldError> errors = new ArrayList<>();
        Optional<FieldError> gradeError = StrengthGrade.check("designGrade", report.designGrade());
        gradeError.ifPresent(errors::add);
        Optional<FieldError> sizeError = SpecimenSize.check("specimenSizeMm", report.specimenSizeMm());
        sizeError.ifPresent(errors::add);

        List<CubeStrengthReport.Specimen> specimens = report.specimens();
        if (specimens == null) {
            errors.add(new FieldError("specimens", ErrorCodes.REQUIRED, "Required"));
        } else {
            CubeStrengthRule.checkSpecimenCount("specimens", specimens.size()).ifPresent(errors::add);
            for (int i = 0; i < specimens.size(); i++) {
                CubeStrengthReport.Specimen specimen = specimens.get(i);
                if (specimen == null) {
                    errors.add(new FieldError("specimens[" + i + "]", ErrorCodes.REQUIRED, "Required"));
                } else {
                    CubeStrengthRule.checkFailureLoad("specimens[" + i + "].failureLoadKn", specimen.failureLoadKn())
                            .ifPresent(errors::add);
                }
            }
        }

        if (gradeError.isEmpty() && sizeError.isEmpty()) {
            CubeStrengthRule.checkTestedSizeFactor("testedSizeFactor",
                    SpecimenSize.requireSideMm(report.specimenSizeMm()), StrengthGrade.parse(report.designGrade()),
                    report.testedSizeFactor()).ifPresent(errors::add);
        }
        // with an unknown grade or size the tested factor cannot be judged; it is checked once they are fixed
        return errors;
    }
}
