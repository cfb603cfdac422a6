package cn.cqs.client.reports.sections;

import static cn.cqs.client.reports.sections.SectionFixtures.errors;
import static cn.cqs.client.reports.sections.SectionFixtures.fields;
import static cn.cqs.client.reports.sections.SectionFixtures.header;
import static cn.cqs.client.reports.sections.SectionFixtures.line;
import static org.assertj.core.api.Assertions.assertThat;

import cn.cqs.client.i18n.AppLanguage;
import cn.cqs.client.i18n.Localization;
import cn.cqs.contract.reports.ReportHeader;
import cn.cqs.contract.reports.cement.CementReport;
import cn.cqs.contract.reports.cement.CementType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The cement section with the worked example of docs/rules/cement.md: the content record, the
 * edition by test date, each age's group values (one discarded value shown), the items and the
 * conclusion, and the validator's errors at the load and setting time fields.
 */
@org.junit.jupiter.api.extension.ExtendWith(ListenerExceptions.class)
class CementSectionViewModelTest {
    static final LocalDate TESTED = LocalDate.of(2024, 5, 31);
    static final ReportHeader HEADER = header("2024-SN-000007", "GB 175-2007", LocalDate.of(2024, 5, 3), TESTED);
    CementSectionViewModel vm;

    @BeforeEach
    void setUp() {
        Localization.setLanguage(AppLanguage.CHINESE);
        vm = new CementSectionViewModel();
    }

    void loads(String age, String kind, String... values) {
        for (int i = 0; i < values.length; i++) {
            vm.text(age + "." + kind + "[" + i + "]").set(values[i]);
        }
    }

    void fillWorkedExample() {
        vm.choice("cementType").set(CementType.P_O);
        vm.choice("strengthClass").set("42.5");
        vm.text("manufacturer").set("福建水泥股份有限公司");
        vm.text("batchNumber").set("C24-0517");
        vm.text("batchMassT").set("200");
        loads("strength3d", "flexuralLoadsKn", "1.80", "1.85", "1.90");
        loads("strength3d", "compressiveLoadsKn", "35.0", "36.0", "34.5", "35.5", "36.5", "35.0");
        loads("strength28d", "flexuralLoadsKn", "3.00", "3.10", "2.60");
        loads("strength28d", "compressiveLoadsKn", "70.0", "71.0", "69.0", "70.5", "58.0", "70.0");
        vm.text("initialSettingMin").set("150");
        vm.text("finalSettingMin").set("210");
        vm.choice("soundnessQualified").set(true);
    }

    @Test
    void theWorkedExampleIsQualifiedWithOneValueDiscardedAt28Days() {
        fillWorkedExample();
        CementReport report = vm.content(HEADER);
        assertThat(report.cementType()).isEqualTo("P·O");
        assertThat(report.strengthClass()).isEqualTo("42.5");
        assertThat(report.strength28d().compressiveLoadsKn()).containsExactly(new BigDecimal("70.0"),
                new BigDecimal("71.0"), new BigDecimal("69.0"), new BigDecimal("70.5"), new BigDecimal("58.0"),
                new BigDecimal("70.0"));
        assertThat(report.initialSettingMin()).isEqualTo(150);
        assertThat(report.soundnessQualified()).isTrue();
        assertThat(errors(vm, HEADER)).isEmpty();

        vm.showResult(report);
        assertThat(line(vm, "editionValue")).isEqualTo("GB 175-2007");
        assertThat(line(vm, "flexural3dValue")).startsWith("4.3 MPa（平均值）");
        assertThat(line(vm, "compressive3dValue")).startsWith("22.2 MPa（平均值）");
        assertThat(line(vm, "flexural28dValue")).isEqualTo("7.2 MPa（剔除第 3 个后平均）\n7.0 / 7.3 / 6.1");
        assertThat(line(vm, "compressive28dValue")).startsWith("43.8 MPa（剔除第 5 个后平均）");
        assertThat(line(vm, "item-compressive28d")).isEqualTo("合格（≥42.5 MPa）");
        assertThat(line(vm, "item-finalSetting")).isEqualTo("合格（≤600 min）");
        assertThat(vm.conclusionProperty().get()).isEqualTo("合格");
        assertThat(vm.results()).noneMatch(l -> l.id().equals("provisionalValue"));
    }

    @Test
    void theEditionFollowsTheTestDate() {
        fillWorkedExample();
        assertThat(vm.requiredStandard(HEADER)).contains("GB 175-2007");
        LocalDate from2023Edition = LocalDate.of(2024, 6, 1);
        ReportHeader later = header("2024-SN-000008", "GB 175-2023", LocalDate.of(2024, 5, 4), from2023Edition);
        assertThat(vm.requiredStandard(later)).contains("GB 175-2023");
        vm.showResult(vm.content(later));
        assertThat(line(vm, "editionValue")).isEqualTo("GB 175-2023");
        assertThat(line(vm, "provisionalValue")).isEmpty();
        assertThat(vm.requiredStandard(header(null, null, null, null))).isEmpty();

        // P·C 32.5 is offered (GB 175-2007 has it) but refused when the 2023 edition applies
        vm.choice("cementType").set(CementType.P_C);
        assertThat(((SectionInput.Choice) vm.input("strengthClass").orElseThrow()).options()).contains("32.5");
        assertThat(vm.choice("strengthClass").get()).isEqualTo("42.5");
        vm.choice("strengthClass").set("32.5");
        assertThat(fields(errors(vm, later))).containsExactly("strengthClass");
        assertThat(fields(errors(vm, HEADER))).isEmpty();
    }

    @Test
    void errorsArriveAtTheLoadAndSettingFields() {
        fillWorkedExample();
        vm.text("strength3d.compressiveLoadsKn[4]").set("");
        vm.text("finalSettingMin").set("120"); // before the initial setting
        vm.text("initialSettingMin").set("45.5");

        assertThat(vm.parseErrors()).extracting(e -> e.field()).containsExactly("initialSettingMin");
        List<String> paths = fields(errors(vm, HEADER));
        assertThat(paths).contains("strength3d.compressiveLoadsKn[4]");
        assertThat(vm.errorTarget("strength3d.compressiveLoadsKn[4]"))
                .containsSame(vm.error("strength3d.compressiveLoadsKn[4]"));
        vm.showResult(vm.content(HEADER));
        assertThat(vm.conclusionProperty().get()).isEmpty();
    }
}
