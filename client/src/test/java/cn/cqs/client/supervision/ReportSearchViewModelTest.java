package cn.cqs.client.supervision;

import static cn.cqs.client.supervision.SupervisionFixtures.LAB_A;
import static cn.cqs.client.supervision.SupervisionFixtures.LAB_B;
import static org.assertj.core.api.Assertions.assertThat;

import cn.cqs.client.dialogs.RecordingDialogService;
import cn.cqs.client.i18n.AppLanguage;
import cn.cqs.client.i18n.Localization;
import cn.cqs.client.sync.LocalStore;
import cn.cqs.client.sync.Replica;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The search's filters over a real replica in SQLite, run inline (no stage). */
class ReportSearchViewModelTest {
    @TempDir
    Path dir;
    LocalStore store;
    ReportSearchViewModel vm;

    @BeforeEach
    void setUp() {
        Localization.setLanguage(AppLanguage.CHINESE);
        store = LocalStore.open(dir.resolve("regulator.db"));
        Replica replica = SupervisionFixtures.replica(store);
        // issue times in UTC: 2026-03-01T01:00Z is 09:00 on 1 March in China; 2026-03-09T17:00Z is 01:00 on 10 March
        SupervisionFixtures.put(replica, LAB_A, "2026-HNT-000001", "翔安区保障性住房二期工程", "MEETS_GRADE", false,
                "2026-03-01T01:00:00Z");
        SupervisionFixtures.put(replica, LAB_A, "2026-HNT-000002", "翔安区保障性住房二期工程", "BELOW_GRADE", true,
                "2026-03-05T01:00:00Z");
        SupervisionFixtures.put(replica, LAB_A, "2026-HNT-000003", "湖里区创新园三号楼", "INVALID_GROUP", false,
                "2026-03-09T17:00:00Z");
        SupervisionFixtures.put(replica, LAB_B, "2026-GD-000001", "鼓楼区实验小学教学楼改扩建工程", "MEETS_GRADE", true,
                "2026-03-12T01:00:00Z");
        vm = new ReportSearchViewModel(SupervisionFixtures.environment(store, (p, g) -> {
            throw new AssertionError("the search never asks for statistics");
        }, new RecordingDialogService()));
        vm.start();
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private List<String> numbers() {
        return vm.rows().stream().map(SupervisedReport::reportNumber).toList();
    }

    @Test
    void everythingNewestFirstAndTheLabsToChooseFrom() {
        assertThat(numbers()).containsExactly("2026-GD-000001", "2026-HNT-000003", "2026-HNT-000002", "2026-HNT-000001");
        assertThat(vm.summaryProperty().get()).isEqualTo("共 4 份报告");
        assertThat(vm.labs()).extracting(LabChoice::name)
                .containsExactly("厦门市建科工程检测有限公司", "福建建工集团有限公司工地试验室");
        assertThat(vm.types()).contains("CONCRETE_CUBE");
    }

    @Test
    void openPdfShowsTheReportFromTheServerWithItsHistoryAndRecordsPrintsAgainstIt() {
        java.util.List<cn.cqs.client.viewer.ReportDocument> opened = new java.util.ArrayList<>();
        ReportSearchViewModel search = new ReportSearchViewModel(SupervisionFixtures.environment(store, (p, g) -> {
            throw new AssertionError("the search never asks for statistics");
        }, new RecordingDialogService(), opened::add));
        search.start();
        search.openPdf(null);
        assertThat(opened).as("nothing chosen, nothing opened").isEmpty();
        SupervisedReport report = search.rows().get(1);
        search.openPdf(report);
        assertThat(search.selectedProperty().get()).isEqualTo(report);
        assertThat(opened).singleElement().satisfies(d -> {
            assertThat(d.title()).isEqualTo("2026-HNT-000003");
            assertThat(d.reportId()).isEqualTo(report.id());
            assertThat(d.localPdf()).isNull();
            assertThat(d.showHistory()).isTrue();
            assertThat(d.printTarget().printsPath()).isEqualTo("/api/v1/reports/" + report.id() + "/prints");
        });
        search.openPdf(null);
        assertThat(opened).as("the selected report again").hasSize(2);
    }

    @Test
    void projectTextMatchesProjectNameOrReportNumber() {
        vm.textProperty().set("翔安");
        assertThat(numbers()).containsExactly("2026-HNT-000002", "2026-HNT-000001");
        vm.textProperty().set("gd-000");
        assertThat(numbers()).containsExactly("2026-GD-000001");
        vm.textProperty().set("100%");
        assertThat(numbers()).isEmpty();
        assertThat(vm.summaryProperty().get()).isEqualTo("共 0 份报告");
    }

    @Test
    void labTypeConclusionAndLateFiltersCombine() {
        vm.labProperty().set(vm.labs().get(0));
        assertThat(numbers()).hasSize(3).allMatch(n -> n.contains("HNT"));
        vm.conclusionProperty().set(ConclusionFilter.UNQUALIFIED);
        assertThat(numbers()).containsExactly("2026-HNT-000003", "2026-HNT-000002");
        vm.lateOnlyProperty().set(true);
        assertThat(numbers()).containsExactly("2026-HNT-000002");
        vm.typeProperty().set("REBAR_TENSILE");
        assertThat(numbers()).isEmpty();
        vm.clearFilters();
        assertThat(numbers()).hasSize(4);
        vm.conclusionProperty().set(ConclusionFilter.QUALIFIED);
        assertThat(numbers()).containsExactly("2026-GD-000001", "2026-HNT-000001");
    }

    @Test
    void theDateRangeIsTheIssueDayInChinaTime() {
        vm.fromProperty().set(LocalDate.of(2026, 3, 5));
        vm.toProperty().set(LocalDate.of(2026, 3, 10));
        // 2026-03-09T17:00Z is already 10 March in China
        assertThat(numbers()).containsExactly("2026-HNT-000003", "2026-HNT-000002");
        vm.toProperty().set(LocalDate.of(2026, 3, 9));
        assertThat(numbers()).containsExactly("2026-HNT-000002");
        vm.fromProperty().set(LocalDate.of(2026, 3, 11));
        assertThat(vm.summaryProperty().get()).isEqualTo("起始日期晚于结束日期，请修改。");
        assertThat(numbers()).containsExactly("2026-HNT-000002"); // the last valid result stays
    }

    @Test
    void openingAReportShowsItsDetails() {
        SupervisedReport late = vm.rows().stream().filter(r -> r.reportNumber().equals("2026-HNT-000002")).findFirst()
                .orElseThrow();
        vm.open(late);
        assertThat(vm.details()).extracting(DetailLine::label, DetailLine::value).contains(
                org.assertj.core.groups.Tuple.tuple("报告编号", "2026-HNT-000002"),
                org.assertj.core.groups.Tuple.tuple("检测机构", "厦门市建科工程检测有限公司（91350200776049653A）"),
                org.assertj.core.groups.Tuple.tuple("检测结论", "未达到设计强度等级"),
                org.assertj.core.groups.Tuple.tuple("签发时间", "2026-03-05 09:00"),
                org.assertj.core.groups.Tuple.tuple("上传时间", "2026-03-06 15:00"),
                org.assertj.core.groups.Tuple.tuple("24 小时内上传", "否（逾期上传）"),
                org.assertj.core.groups.Tuple.tuple("强度代表值", "33.1 MPa"),
                org.assertj.core.groups.Tuple.tuple("状态", "有效"));
        assertThat(late.unqualified()).isTrue();
        // a new search keeps the opened report open while it is still listed
        vm.textProperty().set("翔安");
        assertThat(vm.selectedProperty().get()).isNotNull();
        vm.textProperty().set("鼓楼");
        assertThat(vm.selectedProperty().get()).isNull();
        assertThat(vm.details()).isEmpty();
    }
}
