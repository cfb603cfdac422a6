package cn.cqs.contract.reports.rebar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import cn.cqs.contract.json.Json;
import cn.cqs.contract.problem.Problem.FieldError;
import cn.cqs.contract.reports.Conclusion;
import cn.cqs.contract.reports.ReportFixtures;
import cn.cqs.contract.reports.ReportHeader;
import cn.cqs.contract.reports.TestRound;
import cn.cqs.contract.reports.rebar.RebarReport.BendSpecimen;
import cn.cqs.contract.reports.rebar.RebarReport.MassSample;
import cn.cqs.contract.reports.rebar.RebarReport.TensileSpecimen;
import cn.cqs.contract.reports.validation.ReportInputException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

public class RebarReportTest {

    public static RebarReport valid() {
        return new RebarReport(ReportFixtures.header("GB/T 1499.2-2018", LocalDate.of(2024, 5, 6)), "HRB400E", 20,
                "福建三钢闽光股份有限公司", "24A-01234", new BigDecimal("58.5"), TestRound.INITIAL, RebarRuleTest.GOOD,
                RebarRuleTest.BENT, RebarRuleTest.MASS);
    }

    public static RebarReport with(TestRound round, List<TensileSpecimen> tensile, List<BendSpecimen> bend, MassSample mass) {
        RebarReport r = valid();
        return new RebarReport(r.header(), r.grade(), r.nominalDiameterMm(), r.manufacturer(), r.heatNumber(),
                r.batchMassT(), round, tensile, bend, mass);
    }

    @Test
    void aCompleteReportIsValidAndEvaluates() {
        assertThat(RebarReportValidator.validate(valid())).isEmpty();
        assertThat(valid().evaluate().conclusion()).isEqualTo(Conclusion.QUALIFIED);
    }

    @Test
    void anEmptyReportListsEveryRequiredField() {
        RebarReport empty = new RebarReport(null, null, null, null, null, null, null, null, null, null);
        assertThat(RebarReportValidator.validate(empty)).extracting(FieldError::field, FieldError::code).containsExactly(
                tuple("header", "required"), tuple("manufacturer", "required"), tuple("heatNumber", "required"),
                tuple("batchMassT", "required"), tuple("grade", "required"), tuple("nominalDiameterMm", "required"),
                tuple("testRound", "required"), tuple("tensileSpecimens", "required"),
                tuple("bendSpecimens", "required"));
    }

    @Test
    void headerErrorsCarryTheHeaderPathAndTheStandardIsChecked() {
        ReportHeader h = valid().header();
        ReportHeader wrong = new ReportHeader("2024-GJ-0042", h.commissionNumber(), h.projectId(), " ", h.projectPart(),
                h.sampleName(), h.sampleId(), h.testDate().plusDays(1), h.testDate(), "GB 1499.2-2007",
                h.witnessName(), h.witnessCertificateNumber(), h.witnessOrganisation(), h.samplerName());
        RebarReport r = valid();
        RebarReport report = new RebarReport(wrong, r.grade(), r.nominalDiameterMm(), r.manufacturer(), r.heatNumber(),
                r.batchMassT(), r.testRound(), r.tensileSpecimens(), r.bendSpecimens(), r.massSample());
        assertThat(RebarReportValidator.validate(report)).extracting(FieldError::field, FieldError::code).containsExactly(
                tuple("header.reportNumber", "format"), tuple("header.projectName", "required"),
                tuple("header.testDate", "before_sampling"), tuple("header.standard", "not_allowed"));
    }

    @Test
    void gradeDiameterAndBatchAreChecked() {
        RebarReport r = valid();
        RebarReport bad = new RebarReport(r.header(), "HRB335", 24, r.manufacturer(), r.heatNumber(),
                new BigDecimal("61"), r.testRound(), r.tensileSpecimens(), r.bendSpecimens(), r.massSample());
        assertThat(RebarReportValidator.validate(bad)).extracting(FieldError::field, FieldError::code).containsExactly(
                tuple("batchMassT", "out_of_range"), tuple("grade", "not_allowed"),
                tuple("nominalDiameterMm", "not_allowed"));
        assertThat(RebarReportValidator.validate(bad).get(1).message()).contains("HRB400, HRB400E");
    }

    @Test
    void specimenCountsFollowTheTestRound() {
        assertThat(RebarReportValidator.validate(with(TestRound.INITIAL, RebarRuleTest.GOOD.subList(0, 1),
                RebarRuleTest.BENT, null))).extracting(FieldError::field, FieldError::code).containsExactly(
                tuple("tensileSpecimens", "wrong_count"), tuple("massSample", "required"));
        assertThat(RebarReportValidator.validate(with(TestRound.RETEST, RebarRuleTest.GOOD, List.of(),
                RebarRuleTest.MASS))).extracting(FieldError::field, FieldError::code).containsExactly(
                tuple("tensileSpecimens", "wrong_count"), tuple("massSample", "not_applicable"));
        assertThat(RebarReportValidator.validate(with(TestRound.RETEST, List.of(), List.of(), null)))
                .extracting(FieldError::field, FieldError::code).containsExactly(tuple("tensileSpecimens", "wrong_count"));
    }

    @Test
    void missingEntriesAreReportedByIndex() {
        List<TensileSpecimen> tensile = Arrays.asList(null, new TensileSpecimen(null, new BigDecimal("190"),
                new BigDecimal("126"), new BigDecimal("12")));
        List<BendSpecimen> bend = Arrays.asList(new BendSpecimen(null), null);
        MassSample mass = new MassSample(4, new BigDecimal("2400"), null);
        assertThat(RebarReportValidator.validate(with(TestRound.INITIAL, tensile, bend, mass)))
                .extracting(FieldError::field, FieldError::code).containsExactly(
                        tuple("tensileSpecimens[0]", "required"), tuple("tensileSpecimens[1].yieldLoadKn", "required"),
                        tuple("bendSpecimens[0].crackFree", "required"), tuple("bendSpecimens[1]", "required"),
                        tuple("massSample.pieces", "out_of_range"), tuple("massSample.totalMassKg", "required"));
        MassSample shortPieces = new MassSample(5, new BigDecimal("2400"), new BigDecimal("6"));
        assertThat(RebarReportValidator.validate(with(TestRound.INITIAL, RebarRuleTest.GOOD, RebarRuleTest.BENT,
                shortPieces))).extracting(FieldError::field, FieldError::code)
                .containsExactly(tuple("massSample.totalLengthMm", "out_of_range"));
    }

    @Test
    void evaluateRefusesUnusableTestDataByField() {
        assertThatThrownBy(() -> with(null, RebarRuleTest.GOOD, RebarRuleTest.BENT, RebarRuleTest.MASS).evaluate())
                .isInstanceOfSatisfying(ReportInputException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("testRound"));
    }

    @Test
    void itRoundTripsThroughJson() throws Exception {
        ObjectMapper mapper = Json.newMapper();
        String json = mapper.writeValueAsString(valid());
        assertThat(json).contains("\"header\":{\"reportNumber\":\"2024-GJ-000042\"").contains("\"testRound\":\"INITIAL\"");
        assertThat(mapper.readValue(json, RebarReport.class)).isEqualTo(valid());
    }
}
