package cn.cqs.client.reports.sections;

import static cn.cqs.client.reports.sections.SectionFixtures.errors;
import static cn.cqs.client.reports.sections.SectionFixtures.fields;
import static cn.cqs.client.reports.sections.SectionFixtures.header;
import static cn.cqs.client.reports.sections.SectionFixtures.line;
import static org.assertj.core.api.Assertions.assertThat;

import cn.cqs.client.i18n.AppLanguage;
import cn.cqs.client.i18n.Localization;
import cn.cqs.contract.reports.ReportHeader;
import cn.cqs.contract.reports.mortar.MortarGrade;
import cn.cqs.contract.reports.mortar.MortarReport;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The mortar section with the worked example of docs/rules/mortar.md. */
@org.junit.jupiter.api.extension.ExtendWith(ListenerExceptions.class)
class MortarSectionViewModelTest {
    static final ReportHeader HEADER = header("2026-SJ-000003", MortarReport.STANDARD, LocalDate.of(2026, 2, 1),
            LocalDate.of(2026, 3, 1));
    MortarSectionViewModel vm;

    @BeforeEach
    void setUp() {
        Localization.setLanguage(AppLanguage.CHINESE);
        vm = new MortarSectionViewModel();
        vm.choice("designGrade").set(MortarGrade.M7_5);
        vm.text("mortarKind").set("水泥混合砂浆");
        vm.text("representativeQuantityM3").set("250");
    }

    void loads(String a, String b, String c) {
        vm.text("failureLoadsKn[0]").set(a);
        vm.text("failureLoadsKn[1]").set(b);
        vm.text("failureLoadsKn[2]").set(c);
    }

    @Test
    void meanMiddleValueAndInvalidGroups() {
        loads("40.0", "42.0", "41.0");
        MortarReport report = vm.content(HEADER);
        assertThat(report).isEqualTo(new MortarReport(HEADER, "M7.5", "水泥混合砂浆", new BigDecimal("250"), 28,
                java.util.List.of(new BigDecimal("40.0"), new BigDecimal("42.0"), new BigDecimal("41.0"))));
        assertThat(errors(vm, HEADER)).isEmpty();
        vm.showResult(report);
        assertThat(line(vm, "specimenStrength1")).isEqualTo("10.8");
        assertThat(line(vm, "specimenStrength3")).isEqualTo("11.1");
        assertThat(line(vm, "methodValue")).isEqualTo("三个试件的平均值");
        assertThat(line(vm, "strengthValue")).isEqualTo("11.1");
        assertThat(line(vm, "percentValue")).isEqualTo("148%");
        assertThat(vm.conclusionProperty().get()).isEqualTo("合格");

        loads("40.0", "42.0", "55.0");
        vm.showResult(vm.content(HEADER));
        assertThat(line(vm, "strengthValue")).isEqualTo("11.3");
        assertThat(line(vm, "methodValue")).startsWith("取中间值");

        loads("30.0", "42.0", "55.0");
        vm.showResult(vm.content(HEADER));
        assertThat(line(vm, "strengthValue")).isEqualTo("—");
        assertThat(vm.conclusionProperty().get()).isEqualTo("试验结果无效");
    }

    @Test
    void aMissingLoadIsReportedAtItsRow() {
        loads("40.0", "", "41.0");
        vm.text("curingAgeDays").set("");
        assertThat(fields(errors(vm, HEADER))).containsExactly("curingAgeDays", "failureLoadsKn[1]");
        assertThat(vm.errorTarget("failureLoadsKn[1]")).containsSame(vm.error("failureLoadsKn[1]"));
        vm.showResult(vm.content(HEADER));
        assertThat(vm.results()).extracting(ResultLine::id).containsExactly("incompleteNote");
    }
}
