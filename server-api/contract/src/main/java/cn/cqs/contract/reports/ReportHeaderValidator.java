package cn.cqs.contract.reports;

import static cn.cqs.contract.reports.validation.FieldChecks.required;
import static cn.cqs.contract.reports.validation.FieldChecks.requiredText;

import cn.cqs.contract.problem.Problem.FieldError;
import cn.cqs.contract.reports.validation.ErrorCodes;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a {@link ReportHeader}, with the same limits as the concrete cube report's own fields
 * ({@link CubeStrengthReportValidator}). Field paths are prefixed, e.g. {@code header.projectName}.
 */
public final class ReportHeaderValidator {
    private ReportHeaderValidator() {
    }

    /**
     * Every problem with {@code header}.
     *
     * @param path             the header's own path, e.g. {@code header}
     * @param header           the header; {@code null} is reported as {@code required}
     * @param expectedStandard the standard this report must name (检测依据), or {@code null} when
     *                         it cannot be known yet (the content deciding it is itself invalid)
     */
    public static List<FieldError> validate(String path, ReportHeader header, String expectedStandard) {
        List<FieldError> errors = new ArrayList<>();
        if (header == null) {
            errors.add(new FieldError(path, ErrorCodes.REQUIRED, "Required"));
            return errors;
        }
        String p = path + ".";
        ReportNumber.check(p + "reportNumber", header.reportNumber()).ifPresent(errors::add);
        requiredText(errors, p + "commissionNumber", header.commissionNumber(),
                CubeStrengthReportValidator.MAX_COMMISSION_NUMBER);
        required(errors, p + "projectId", header.projectId());
        requiredText(errors, p + "projectName", header.projectName(), CubeStrengthReportValidator.MAX_PROJECT_TEXT);
        requiredText(errors, p + "projectPart", header.projectPart(), CubeStrengthReportValidator.MAX_PROJECT_TEXT);
        requiredText(errors, p + "sampleName", header.sampleName(), CubeStrengthReportValidator.MAX_SAMPLE_NAME);
        requiredText(errors, p + "sampleId", header.sampleId(), CubeStrengthReportValidator.MAX_SAMPLE_ID);
        boolean sampled = required(errors, p + "samplingDate", header.samplingDate());
        boolean tested = required(errors, p + "testDate", header.testDate());
        if (sampled && tested && header.testDate().isBefore(header.samplingDate())) {
            errors.add(new FieldError(p + "testDate", ErrorCodes.BEFORE_SAMPLING,
                    "The test date " + header.testDate() + " is before the sampling date " + header.samplingDate()));
        }
        if (required(errors, p + "standard", header.standard()) && expectedStandard != null
                && !expectedStandard.equals(header.standard().strip())) {
            errors.add(new FieldError(p + "standard", ErrorCodes.NOT_ALLOWED,
                    "This report must follow " + expectedStandard + ", got '" + header.standard() + "'"));
        }
        requiredText(errors, p + "witnessName", header.witnessName(), CubeStrengthReportValidator.MAX_PERSON_NAME);
        requiredText(errors, p + "witnessCertificateNumber", header.witnessCertificateNumber(),
                CubeStrengthReportValidator.MAX_CERTIFICATE_NUMBER);
        requiredText(errors, p + "witnessOrganisation", header.witnessOrganisation(),
                CubeStrengthReportValidator.MAX_ORGANISATION);
        requiredText(errors, p + "samplerName", header.samplerName(), CubeStrengthReportValidator.MAX_PERSON_NAME);
        return errors;
    }
}
