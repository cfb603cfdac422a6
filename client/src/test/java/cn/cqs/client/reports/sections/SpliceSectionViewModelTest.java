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
import cn.cqs.contract.reports.splice.FailureLocation;
import cn.cqs.contract.reports.splice.FailureMode;
import cn.cqs.contract.reports.splice.SpliceGrade;
import cn.cqs.contract.reports.splice.SpliceKind;
import cn.cqs.contract.reports.splice.SpliceReport;
import cn.cqs.contract.reports.splice.WeldingMethod;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The splice section with the worked example of docs/rules/splice.md: a mechanical grade I
 * splice whose third specimen misses 1.10 fstk needs a retest on six; the kind decides the
 * standard and which fields are read; a welded joint needs each specimen's failure mode.
 */
@org.junit.jupiter.api.extension.ExtendWith(ListenerExceptions.class)
class SpliceSectionViewModelTest {
    static final ReportHeader MECHANICAL = header("2026-JT-000011", "JGJ 107-2016", LocalDate.of(2026, 3, 1),
            LocalDate.of(2026, 3, 2));
    SpliceSectionViewModel vm;

    @BeforeEach
    void setUp() {
        Localization.setLanguage(AppLanguage.CHINESE);
        vm = new SpliceSectionViewModel();
    }

    void specimen(int i, String load, FailureLocation where, FailureMode mode) {
        vm.text("specimens[" + i + "].maxLoadKn").set(load);
        vm.choice("specimens[" + i + "].location").set(where);
        vm.choice("specimens[" + i + "].failureMode").set(mode);
    }

    void fillMechanical() {
        vm.choice("kind").set(SpliceKind.MECHANICAL);
        vm.choice("barGrade").set(RebarGrade.HRB400);
        vm.choice("nominalDiameterMm").set(25);
        vm.choice("spliceGrade").set(SpliceGrade.I);
        vm.text("spliceType").set("滚轧直螺纹套筒");
        vm.text("lotSize").set("500");
        specimen(0, "280.0", FailureLocation.BASE_METAL, null);
        specimen(1, "295.0", FailureLocation.JOINT, null);
        specimen(2, "290.0", FailureLocation.JOINT, null);
    }

    @Test
    void oneSpecimenShortOfTheCouplerRequirementCallsForARetestOnSix() {
        SectionInput.Choice location = (SectionInput.Choice) vm.input("specimens[0].location").orElseThrow();
        assertThat(location.options()).containsExactly(FailureLocation.BASE_METAL, FailureLocation.JOINT);
        assertThat(vm.enabled("specimens[0].failureMode").get()).isFalse(); // a mechanical splice has no fracture mode
        assertThat(vm.enabled("specimens[0].maxLoadKn").get()).isTrue();
        fillMechanical();
        SpliceReport report = vm.content(MECHANICAL);
        assertThat(report.kind()).isEqualTo(SpliceKind.MECHANICAL);
        assertThat(report.barGrade()).isEqualTo("HRB400");
        assertThat(report.weldingMethod()).isNull();
        assertThat(report.specimens()).containsExactly(
                new SpliceReport.Specimen(new BigDecimal("280.0"), FailureLocation.BASE_METAL, null),
                new SpliceReport.Specimen(new BigDecimal("295.0"), FailureLocation.JOINT, null),
                new SpliceReport.Specimen(new BigDecimal("290.0"), FailureLocation.JOINT, null));
        assertThat(errors(vm, MECHANICAL)).isEmpty();
        assertThat(vm.requiredStandard(MECHANICAL)).contains("JGJ 107-2016");

        vm.showResult(report);
        assertThat(line(vm, "specimen1Value")).isEqualTo("570 MPa（要求 ≥540 MPa），钢筋拉断");
        assertThat(line(vm, "specimen3Value")).isEqualTo("591 MPa（要求 ≥594 MPa），连接件破坏");
        assertThat(vm.conclusionProperty().get()).isEqualTo("需双倍复检");

        vm.choice("testRound").set(TestRound.RETEST);
        assertThat(vm.specimenRowsProperty().get()).isEqualTo(6);
        assertThat(fields(errors(vm, MECHANICAL))).contains("specimens[3].maxLoadKn", "specimens[5].location");
    }

    @Test
    void aWeldedJointReadsTheWeldingMethodAndFailureModes() {
        fillMechanical();
        vm.choice("kind").set(SpliceKind.WELDED);
        assertThat(vm.enabled("specimens[0].failureMode").get()).isTrue();
        assertThat(((SectionInput.Choice) vm.input("specimens[0].location").orElseThrow()).options())
                .containsExactly((Object[]) FailureLocation.values());
        assertThat(vm.choice("specimens[1].location").get()).isEqualTo(FailureLocation.JOINT); // kept
        vm.choice("weldingMethod").set(WeldingMethod.FLASH_BUTT);
        vm.text("lotSize").set("300");
        ReportHeader welded = header("2026-JT-000012", "JGJ 18-2012", LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 3, 2));
        assertThat(vm.requiredStandard(welded)).contains("JGJ 18-2012");
        SpliceReport report = vm.content(welded);
        assertThat(report.spliceGrade()).isNull();
        assertThat(report.spliceType()).isNull();
        assertThat(fields(errors(vm, welded))).containsExactly("specimens[0].failureMode",
                "specimens[1].failureMode", "specimens[2].failureMode");
        assertThat(vm.errorTarget("specimens[1].failureMode")).containsSame(vm.error("specimens[1].failureMode"));
        // the splice grade is not a welded joint's field: an error there has no place
        assertThat(vm.errorTarget("spliceGrade")).isEmpty();

        specimen(0, "190.0", FailureLocation.BASE_METAL, FailureMode.DUCTILE);
        specimen(1, "192.0", FailureLocation.HEAT_AFFECTED_ZONE, FailureMode.DUCTILE);
        specimen(2, "191.0", FailureLocation.BASE_METAL, FailureMode.DUCTILE);
        vm.choice("nominalDiameterMm").set(20);
        assertThat(errors(vm, welded)).isEmpty();
        vm.showResult(vm.content(welded));
        assertThat(line(vm, "specimen2Value")).isEqualTo("611 MPa（要求 ≥540 MPa），断于热影响区，延性断裂");
        assertThat(vm.conclusionProperty().get()).isEqualTo("合格");
    }
}
