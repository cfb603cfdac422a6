package cn.cqs.contract.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import cn.cqs.contract.json.Json;
import cn.cqs.contract.problem.Problem.FieldError;
import cn.cqs.contract.reports.CubeStrengthReport.Specimen;
import cn.cqs.contract.reports.cube.CubeConclusion;
import cn.cqs.contract.reports.cube.CubeInputException;
import cn.cqs.contract.reports.cube.CubeStrengthResult;
import cn.cqs.contract.reports.cube.EvaluationMethod;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CubeStrengthReportTest {

    static final UUID PROJECT = UUID.fromString("6f1c2a9e-3b7d-4c5e-9a10-2b3c4d5e6f70");

    static CubeStrengthReport valid() {
        return new CubeStrengthReport("2024-HNT-000123", "WT2024-0456", PROJECT, "福州市某住宅小区3号楼",
                "3号楼五层梁板", "混凝土试块", "HNT-2024-0456-1", new BigDecimal("100"),
                LocalDate.of(2024, 4, 1), LocalDate.of(2024, 4, 29), 28, "GB/T 50081-2019", "C30", 150,
                List.of(new Specimen(new BigDecimal("720.0")), new Specimen(new BigDecimal("747.0")),
                        new Specimen(new BigDecimal("765.0"))),
                null, "张三", "JZ-350100-000123", "福州某监理有限公司", "李四");
    }

    /** The same report with some fields replaced, by building it field by field. */
    static CubeStrengthReport with(String grade, Integer sizeMm, List<Specimen> specimens, BigDecimal factor) {
        CubeStrengthReport r = valid();
        return new CubeStrengthReport(r.reportNumber(), r.commissionNumber(), r.projectId(), r.projectName(),
                r.projectPart(), r.sampleName(), r.sampleId(), r.representativeQuantityM3(), r.samplingDate(),
                r.testDate(), r.curingAgeDays(), r.standard(), grade, sizeMm, specimens, factor, r.witnessName(),
                r.witnessCertificateNumber(), r.witnessOrganisation(), r.samplerName());
    }

    static List<Specimen> specimens(String... kn) {
        return Arrays.stream(kn).map(v -> v == null ? null : new Specimen(new BigDecimal(v))).toList();
    }

    @Test
    void aCompleteReportIsValidAndEvaluates() {
        assertThat(CubeStrengthReportValidator.validate(valid())).isEmpty();
        CubeStrengthResult result = valid().evaluate();
        assertThat(result.method()).isEqualTo(EvaluationMethod.MEAN);
        assertThat(result.representativeStrengthMpa()).isEqualTo(new BigDecimal("33.1"));
        assertThat(result.conclusion()).isEqualTo(CubeConclusion.MEETS_GRADE);
    }

    @Test
    void anEmptyReportListsEveryRequiredField() {
        CubeStrengthReport empty = new CubeStrengthReport(null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null);
        List<FieldError> errors = CubeStrengthReportValidator.validate(empty);
        assertThat(errors).extracting(FieldError::field).containsExactly("reportNumber", "commissionNumber",
                "projectId", "projectName", "projectPart", "sampleName", "sampleId", "representativeQuantityM3",
                "samplingDate", "testDate", "curingAgeDays", "standard", "designGrade", "specimenSizeMm",
                "specimens", "witnessName", "witnessCertificateNumber", "witnessOrganisation", "samplerName");
        assertThat(errors).extracting(FieldError::code).containsOnly("required");
        assertThat(errors).allSatisfy(e -> assertThat(e.message()).isNotBlank());
    }

    @Test
    void blankTextIsMissing() {
        CubeStrengthReport r = valid();
        CubeStrengthReport blank = new CubeStrengthReport(r.reportNumber(), "  ", r.projectId(), r.projectName(),
                r.projectPart(), r.sampleName(), r.sampleId(), r.representativeQuantityM3(), r.samplingDate(),
                r.testDate(), r.curingAgeDays(), r.standard(), r.designGrade(), r.specimenSizeMm(), r.specimens(),
                null, r.witnessName(), r.witnessCertificateNumber(), r.witnessOrganisation(), "\t");
        assertThat(CubeStrengthReportValidator.validate(blank)).extracting(FieldError::field, FieldError::code)
                .containsExactly(tuple("commissionNumber", "required"), tuple("samplerName", "required"));
    }

    @Test
    void overlongTextIsNamed() {
        CubeStrengthReport r = valid();
        CubeStrengthReport longText = new CubeStrengthReport(r.reportNumber(), "W".repeat(33), r.projectId(),
                "工".repeat(201), r.projectPart(), r.sampleName(), r.sampleId(), r.representativeQuantityM3(),
                r.samplingDate(), r.testDate(), r.curingAgeDays(), r.standard(), r.designGrade(),
                r.specimenSizeMm(), r.specimens(), null, "张".repeat(51), r.witnessCertificateNumber(),
                r.witnessOrganisation(), r.samplerName());
        List<FieldError> errors = CubeStrengthReportValidator.validate(longText);
        assertThat(errors).extracting(FieldError::field, FieldError::code).containsExactly(
                tuple("commissionNumber", "too_long"), tuple("projectName", "too_long"),
                tuple("witnessName", "too_long"));
        assertThat(errors.get(1).message()).isEqualTo("At most 200 characters, got 201");
        // exactly the limit is fine
        CubeStrengthReport atLimit = new CubeStrengthReport(r.reportNumber(), "W".repeat(32), r.projectId(),
                "工".repeat(200), r.projectPart(), r.sampleName(), r.sampleId(), r.representativeQuantityM3(),
                r.samplingDate(), r.testDate(), r.curingAgeDays(), r.standard(), r.designGrade(),
                r.specimenSizeMm(), r.specimens(), null, "张".repeat(50), r.witnessCertificateNumber(),
                r.witnessOrganisation(), r.samplerName());
        assertThat(CubeStrengthReportValidator.validate(atLimit)).isEmpty();
    }

    @Test
    void datesAgeQuantityStandardAndNumber() {
        CubeStrengthReport r = valid();
        CubeStrengthReport bad = new CubeStrengthReport("2024-HNT-123", r.commissionNumber(), r.projectId(),
                r.projectName(), r.projectPart(), r.sampleName(), r.sampleId(), BigDecimal.ZERO,
                LocalDate.of(2024, 4, 1), LocalDate.of(2024, 3, 31), 366, "GB/T 50081-2002", r.designGrade(),
                r.specimenSizeMm(), r.specimens(), null, r.witnessName(), r.witnessCertificateNumber(),
                r.witnessOrganisation(), r.samplerName());
        assertThat(CubeStrengthReportValidator.validate(bad)).extracting(FieldError::field, FieldError::code)
                .containsExactly(tuple("reportNumber", "format"), tuple("representativeQuantityM3", "out_of_range"),
                        tuple("testDate", "before_sampling"), tuple("curingAgeDays", "out_of_range"),
                        tuple("standard", "not_allowed"));

        CubeStrengthReport sameDayAgeOne = new CubeStrengthReport(r.reportNumber(), r.commissionNumber(),
                r.projectId(), r.projectName(), r.projectPart(), r.sampleName(), r.sampleId(), new BigDecimal("0.5"),
                LocalDate.of(2024, 4, 1), LocalDate.of(2024, 4, 1), 1, " GB/T 50081-2019 ", r.designGrade(),
                r.specimenSizeMm(), r.specimens(), null, r.witnessName(), r.witnessCertificateNumber(),
                r.witnessOrganisation(), r.samplerName());
        assertThat(CubeStrengthReportValidator.validate(sameDayAgeOne)).isEmpty();

        CubeStrengthReport ageZero = new CubeStrengthReport(r.reportNumber(), r.commissionNumber(), r.projectId(),
                r.projectName(), r.projectPart(), r.sampleName(), r.sampleId(), new BigDecimal("10000.01"),
                r.samplingDate(), r.testDate(), 0, r.standard(), r.designGrade(), r.specimenSizeMm(), r.specimens(),
                null, r.witnessName(), r.witnessCertificateNumber(), r.witnessOrganisation(), r.samplerName());
        assertThat(CubeStrengthReportValidator.validate(ageZero)).extracting(FieldError::field)
                .containsExactly("representativeQuantityM3", "curingAgeDays");
    }

    @Test
    void testDataErrorsUseTheReportsPaths() {
        List<FieldError> errors = CubeStrengthReportValidator.validate(
                with("C33", 120, specimens("700.0", "0", null, "-5"), null));
        assertThat(errors).extracting(FieldError::field, FieldError::code).containsExactly(
                tuple("designGrade", "not_allowed"), tuple("specimenSizeMm", "not_allowed"),
                tuple("specimens", "wrong_count"), tuple("specimens[1].failureLoadKn", "out_of_range"),
                tuple("specimens[2]", "required"), tuple("specimens[3].failureLoadKn", "out_of_range"));

        assertThat(CubeStrengthReportValidator.validate(with("thirty", 150, specimens("700.0", "710.0"), null)))
                .extracting(FieldError::field, FieldError::code)
                .containsExactly(tuple("designGrade", "format"), tuple("specimens", "wrong_count"));

        List<Specimen> missingLoad = Arrays.asList(new Specimen(new BigDecimal("700.0")), new Specimen(null),
                new Specimen(new BigDecimal("710.0")));
        assertThat(CubeStrengthReportValidator.validate(with("C30", 150, missingLoad, null)))
                .containsExactly(new FieldError("specimens[1].failureLoadKn", "required", "Required"));
    }

    @Test
    void testedSizeFactorIsCheckedAgainstGradeAndSize() {
        assertThat(CubeStrengthReportValidator.validate(with("C60", 100, specimens("650.0", "660.0", "670.0"), null)))
                .extracting(FieldError::field, FieldError::code).containsExactly(tuple("testedSizeFactor", "required"));
        assertThat(CubeStrengthReportValidator.validate(
                with("C30", 100, specimens("331.0", "335.0", "340.0"), new BigDecimal("0.95"))))
                .extracting(FieldError::field, FieldError::code)
                .containsExactly(tuple("testedSizeFactor", "not_applicable"));
        CubeStrengthReport tested = with("C60", 100, specimens("650.0", "660.0", "670.0"), new BigDecimal("0.92"));
        assertThat(CubeStrengthReportValidator.validate(tested)).isEmpty();
        assertThat(tested.evaluate().representativeStrengthMpa()).isEqualTo(new BigDecimal("60.7"));
    }

    @Test
    void evaluateRefusesUnusableTestDataByPath() {
        assertThatThrownBy(() -> with("C30", 150, specimens("700.0", "-1", "710.0"), null).evaluate())
                .isInstanceOf(CubeInputException.class)
                .satisfies(e -> assertThat(((CubeInputException) e).errors()).extracting(FieldError::field)
                        .containsExactly("specimens[1].failureLoadKn"));
        assertThatThrownBy(() -> with("C60", 200, specimens("1300", "1320", "1340"), null).evaluate())
                .isInstanceOf(CubeInputException.class).hasMessageContaining("testedSizeFactor required");
    }

    @Test
    void specimensListIsACopy() {
        java.util.ArrayList<Specimen> list = new java.util.ArrayList<>(specimens("700.0", "710.0", "720.0"));
        CubeStrengthReport r = with("C30", 150, list, null);
        list.clear();
        assertThat(r.specimens()).hasSize(3);
        assertThatThrownBy(() -> r.specimens().add(null)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void roundTripsThroughTheProjectMapper() throws Exception {
        ObjectMapper mapper = Json.newMapper();
        CubeStrengthReport tested = with("C60", 100, specimens("650.00", "660.0", "670.05"), new BigDecimal("0.920"));
        for (CubeStrengthReport report : List.of(valid(), tested)) {
            String json = mapper.writeValueAsString(report);
            CubeStrengthReport back = mapper.readValue(json, CubeStrengthReport.class);
            assertThat(back).isEqualTo(report);
        }
        String json = mapper.writeValueAsString(tested);
        assertThat(json).contains("\"samplingDate\":\"2024-04-01\"", "\"failureLoadKn\":650.00",
                "\"testedSizeFactor\":0.920", "\"projectId\":\"" + PROJECT + "\"", "\"designGrade\":\"C60\"");
    }

    @Test
    void readsTheDocumentedWireShape() throws Exception {
        String json = """
                {"reportNumber":"2024-HNT-000123","commissionNumber":"WT2024-0456",
                 "projectId":"6f1c2a9e-3b7d-4c5e-9a10-2b3c4d5e6f70","projectName":"福州市某住宅小区3号楼",
                 "projectPart":"3号楼五层梁板","sampleName":"混凝土试块","sampleId":"HNT-2024-0456-1",
                 "representativeQuantityM3":100,"samplingDate":"2024-04-01","testDate":"2024-04-29",
                 "curingAgeDays":28,"standard":"GB/T 50081-2019","designGrade":"C30","specimenSizeMm":150,
                 "specimens":[{"failureLoadKn":720.0},{"failureLoadKn":747.0},{"failureLoadKn":765.0}],
                 "testedSizeFactor":null,"witnessName":"张三","witnessCertificateNumber":"JZ-350100-000123",
                 "witnessOrganisation":"福州某监理有限公司","samplerName":"李四"}""";
        assertThat(Json.newMapper().readValue(json, CubeStrengthReport.class)).isEqualTo(valid());
    }

    @Test
    void unknownPropertiesAreRejected() {
        String json = "{\"reportNumber\":\"2024-HNT-000123\",\"designGrade\":\"C30\",\"testerName\":\"王五\"}";
        assertThatThrownBy(() -> Json.newMapper().readValue(json, CubeStrengthReport.class))
                .isInstanceOf(UnrecognizedPropertyException.class).hasMessageContaining("testerName");
    }

    @Test
    void nullSpecimenInJsonIsKeptForTheValidator() throws Exception {
        String json = "{\"designGrade\":\"C30\",\"specimenSizeMm\":150,"
                + "\"specimens\":[{\"failureLoadKn\":720.0},null,{\"failureLoadKn\":765.0}]}";
        CubeStrengthReport r = Json.newMapper().readValue(json, CubeStrengthReport.class);
        assertThat(CubeStrengthReportValidator.validate(r)).extracting(FieldError::field).contains("specimens[1]");
    }
}
