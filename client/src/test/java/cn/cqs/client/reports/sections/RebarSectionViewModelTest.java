package cn.cqs.client.reports.sections;

import static cn.cqs.client.reports.sections.SectionFixtures.errors;
import static cn.cqs.client.reports.sections.SectionFixtures.fields;
import static cn.cqs.client.reports.sections.SectionFixtures.header;
import static cn.cqs.client.reports.sections.SectionFixtures.line;
import static org.assertj.core.api.Assertions.assertThat;

import cn.cqs.client.i18n.AppLanguage;
import cn.cqs.client.i18n.Localization;
import cn.cqs.contract.reports.ReportHeader;
import cn.cqs.contract.reports.TestRound;
import cn.cqs.contract.reports.rebar.RebarGrade;
import cn.cqs.contract.reports.rebar.RebarReport;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The rebar section with the numbers of docs/rules/rebar.md: typing builds the right
 * {@link RebarReport}, the rule's values and conclusions show live, the validator's errors arrive
 * at the specimen fields, and a retest switches to four specimens per item without a mass sample.
 */
@org.junit.jupiter.api.extension.ExtendWith(ListenerExceptions.class)
class RebarSectionViewModelTest {
    static final ReportHeader HEADER = header("2026-GJ-000001", RebarReport.STANDARD, LocalDate.of(2026, 3, 1),
            LocalDate.of(2026, 3, 2));
    RebarSectionViewModel vm;

    @BeforeEach
    void setUp() {
        Localization.setLanguage(AppLanguage.CHINESE);
        vm = new RebarSectionViewModel();
    }

    @AfterEach
    void reset() {
        Localization.setLanguage(AppLanguage.CHINESE);
    }

    void tensile(int i, String feL, String fm, String lu, String agt) {
        vm.text("tensileSpecimens[" + i + "].yieldLoadKn").set(feL);
        vm.text("tensileSpecimens[" + i + "].maxLoadKn").set(fm);
        vm.text("tensileSpecimens[" + i + "].gaugeLengthAfterFractureMm").set(lu);
        vm.text("tensileSpecimens[" + i + "].totalElongationAtMaxForcePercent").set(agt);
    }

    void fillWorkedExample() {
        vm.choice("grade").set(RebarGrade.HRB400E);
        vm.choice("nominalDiameterMm").set(20);
        vm.text("manufacturer").set("福建三钢闽光股份有限公司");
        vm.text("heatNumber").set("L24-0315");
        vm.text("batchMassT").set("58.6");
        tensile(0, "141.5", "190.0", "126.0", "12.3");
        tensile(1, "144.0", "192.5", "124.3", "11.0");
        vm.choice("bendSpecimens[0].crackFree").set(true);
        vm.choice("bendSpecimens[1].crackFree").set(true);
        vm.text("massSample.pieces").set("5");
        vm.text("massSample.totalLengthMm").set("2500");
        vm.text("massSample.totalMassKg").set("6.05");
    }

    @Test
    void typingTheWorkedExampleGivesTheContentRecordAndTheRulesResult() {
        fillWorkedExample();

        RebarReport report = vm.content(HEADER);
        assertThat(report.header()).isEqualTo(HEADER);
        assertThat(report.grade()).isEqualTo("HRB400E");
        assertThat(report.nominalDiameterMm()).isEqualTo(20);
        assertThat(report.testRound()).isEqualTo(TestRound.INITIAL);
        assertThat(report.tensileSpecimens()).containsExactly(
                new RebarReport.TensileSpecimen(new BigDecimal("141.5"), new BigDecimal("190.0"),
                        new BigDecimal("126.0"), new BigDecimal("12.3")),
                new RebarReport.TensileSpecimen(new BigDecimal("144.0"), new BigDecimal("192.5"),
                        new BigDecimal("124.3"), new BigDecimal("11.0")));
        assertThat(report.bendSpecimens()).containsExactly(new RebarReport.BendSpecimen(true),
                new RebarReport.BendSpecimen(true));
        assertThat(report.massSample()).isEqualTo(new RebarReport.MassSample(5, new BigDecimal("2500"),
                new BigDecimal("6.05")));
        assertThat(errors(vm, HEADER)).isEmpty();

        vm.showResult(report);
        assertThat(line(vm, "tensile1Value")).isEqualTo("ReL° 450 MPa，Rm° 605 MPa，A 26.0%，Agt 12.5%\n强屈比 1.34，超屈比 1.12");
        assertThat(line(vm, "tensile2Value")).startsWith("ReL° 458 MPa，Rm° 613 MPa，A 24.5%，Agt 11.0%");
        assertThat(line(vm, "mandrelValue")).isEqualTo("80 mm");
        assertThat(line(vm, "massDeviationValue")).isEqualTo("-2.0%（允许 ±4.5%）");
        assertThat(vm.results()).filteredOn(l -> l.id().startsWith("item-")).isNotEmpty()
                .allSatisfy(l -> assertThat(l.value()).startsWith("合格"));
        assertThat(vm.conclusionProperty().get()).isEqualTo("合格");

        tensile(0, "165.0", "190.0", "126.0", "12.3"); // 525 MPa: ratios 1.15 and 1.31 fail
        vm.showResult(vm.content(HEADER));
        assertThat(vm.conclusionProperty().get()).isEqualTo("需双倍复检");
        assertThat(line(vm, "item-strengthYieldRatio")).startsWith("需双倍复检");

        Localization.setLanguage(AppLanguage.ENGLISH);
        vm.showResult(vm.content(HEADER));
        assertThat(vm.conclusionProperty().get()).isEqualTo("Retest on double specimens required");
    }

    @Test
    void theValidatorsErrorsArriveAtTheSpecimenFields() {
        fillWorkedExample();
        tensile(1, "200", "192.5", "", "11.0"); // yield above the maximum force, no Lu
        vm.text("massSample.pieces").set("4");
        vm.choice("bendSpecimens[1].crackFree").set(null);

        assertThat(fields(errors(vm, HEADER))).contains("tensileSpecimens[1].yieldLoadKn",
                "tensileSpecimens[1].gaugeLengthAfterFractureMm", "bendSpecimens[1].crackFree", "massSample.pieces");
        assertThat(vm.errorTarget("tensileSpecimens[1].yieldLoadKn")).containsSame(vm.error("tensileSpecimens[1].yieldLoadKn"));
        assertThat(vm.errorTarget("bendSpecimens[1]")).containsSame(vm.error("bendSpecimens[1].crackFree"));
        assertThat(vm.errorTarget("tensileSpecimens")).containsSame(vm.error("tensileSpecimens"));

        vm.text("tensileSpecimens[0].maxLoadKn").set("19O.0"); // a letter O
        assertThat(vm.parseErrors()).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("tensileSpecimens[0].maxLoadKn");
            assertThat(e.code()).isEqualTo("number");
        });
        assertThat(vm.content(HEADER).tensileSpecimens().get(0).maxLoadKn()).isNull();
    }

    @Test
    void aRetestHasFourSpecimensPerRepeatedItemAndNoMassSample() {
        fillWorkedExample();
        assertThat(vm.tensileRowsProperty().get()).isEqualTo(2);

        vm.choice("testRound").set(TestRound.RETEST);

        assertThat(vm.tensileRowsProperty().get()).isEqualTo(4);
        assertThat(vm.bendRowsProperty().get()).isEqualTo(4);
        tensile(2, "142.0", "191.0", "125.0", "12.0");
        for (int i = 0; i < 4; i++) {
            vm.choice("bendSpecimens[" + i + "].crackFree").set(null); // the bend test is not repeated
        }
        RebarReport retest = vm.content(HEADER);
        assertThat(retest.testRound()).isEqualTo(TestRound.RETEST);
        assertThat(retest.tensileSpecimens()).hasSize(4);
        assertThat(retest.tensileSpecimens().get(3).maxLoadKn()).isNull();
        assertThat(retest.bendSpecimens()).isEmpty();
        assertThat(retest.massSample()).isNull();
        assertThat(fields(errors(vm, HEADER))).containsExactly("tensileSpecimens[3].yieldLoadKn",
                "tensileSpecimens[3].maxLoadKn", "tensileSpecimens[3].gaugeLengthAfterFractureMm",
                "tensileSpecimens[3].totalElongationAtMaxForcePercent");
        // the hidden mass sample is neither read nor a target for errors
        vm.text("massSample.pieces").set("x");
        assertThat(vm.parseErrors()).isEmpty();
        assertThat(vm.errorTarget("massSample")).isEmpty();

        tensile(3, "143.0", "192.0", "125.5", "11.5");
        vm.showResult(vm.content(HEADER));
        assertThat(vm.conclusionProperty().get()).isEqualTo("合格");
        assertThat(line(vm, "tensile4Value")).startsWith("ReL° 455 MPa");

        vm.choice("testRound").set(TestRound.INITIAL);
        assertThat(vm.content(HEADER).tensileSpecimens()).hasSize(2);
    }

    @Test
    void aStoredReportLoadsBackIntoTheSameInputs() {
        fillWorkedExample();
        RebarReport typed = vm.content(HEADER);
        RebarSectionViewModel reopened = new RebarSectionViewModel();
        reopened.load(typed);
        assertThat(reopened.content(HEADER)).isEqualTo(typed);
        assertThat(reopened.headerOf(typed)).isEqualTo(HEADER);
        assertThat(reopened.text("tensileSpecimens[1].gaugeLengthAfterFractureMm").get()).isEqualTo("124.3");
    }
}
