package cn.cqs.client.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cqs.client.api.ApiProblemException;
import cn.cqs.client.dialogs.RecordingDialogService;
import cn.cqs.client.i18n.AppLanguage;
import cn.cqs.client.i18n.Localization;
import cn.cqs.client.sync.LocalStore;
import cn.cqs.contract.problem.Problem;
import cn.cqs.contract.reports.ReportType;
import cn.cqs.contract.supervision.ReportStatistics;
import cn.cqs.contract.supervision.ReportStatisticsRow;
import cn.cqs.contract.supervision.StatisticsGrouping;
import cn.cqs.contract.supervision.StatisticsLab;
import cn.cqs.contract.supervision.StatisticsPeriod;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The statistics screen's state: the period, what it asks the server, the table, totals and CSV. */
class ReportStatisticsViewModelTest {
    @TempDir
    Path dir;
    LocalStore store;
    RecordingDialogService dialogs;
    List<String> asked = new ArrayList<>();
    ReportStatistics answer;
    RuntimeException refusal;
    ReportStatisticsViewModel vm;

    static final StatisticsLab LAB = new StatisticsLab(SupervisionFixtures.LAB_A, "厦门市建科工程检测有限公司",
            "91350200776049653A");
    static final StatisticsLab ODD = new StatisticsLab(SupervisionFixtures.LAB_B, "某某检测\"有限\",公司", null);

    @BeforeEach
    void setUp() {
        Localization.setLanguage(AppLanguage.CHINESE);
        store = LocalStore.open(dir.resolve("regulator.db"));
        dialogs = new RecordingDialogService();
        vm = new ReportStatisticsViewModel(SupervisionFixtures.environment(store, this::fetch, dialogs));
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private ReportStatistics fetch(StatisticsPeriod period, StatisticsGrouping grouping) {
        asked.add(period.from() + ".." + period.to() + " " + grouping.parameter());
        if (refusal != null) {
            throw refusal;
        }
        return answer;
    }

    private static ReportStatistics byLab() {
        List<ReportStatisticsRow> rows = List.of(ReportStatisticsRow.of(LAB, null, 6, 2, 2),
                ReportStatisticsRow.of(ODD, null, 1, 0, 0));
        return new ReportStatistics(LocalDate.of(2026, 2, 19), LocalDate.of(2026, 3, 20), StatisticsGrouping.LAB, rows,
                ReportStatisticsRow.totalOf(rows));
    }

    @Test
    void theDefaultPeriodIsTheLast30DaysInChinaAndTheTableShowsTheServersRows() {
        answer = byLab();
        vm.start();
        assertThat(asked).containsExactly("2026-02-19..2026-03-20 lab");
        assertThat(vm.rows()).hasSize(2);
        assertThat(vm.rowLabel(vm.rows().get(0))).isEqualTo("厦门市建科工程检测有限公司");
        assertThat(vm.totalsProperty().get()).isEqualTo("合计：报告 7 份，不合格 2 份（28.6%），逾期上传 2 份（28.6%）");
        assertThat(vm.statusProperty().get()).isEqualTo("2026-02-19 至 2026-03-20 的统计");
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void anInvalidPeriodIsNotSentAndSaysWhy() {
        vm.fromProperty().set(LocalDate.of(2025, 1, 1));
        vm.toProperty().set(LocalDate.of(2026, 3, 20));
        assertThat(vm.periodErrorProperty().get()).isEqualTo("统计期间最长 366 天，请缩短。");
        vm.load();
        vm.fromProperty().set(LocalDate.of(2026, 3, 21));
        assertThat(vm.periodErrorProperty().get()).isEqualTo("结束日期早于起始日期，请修改。");
        vm.load();
        vm.fromProperty().set(null);
        assertThat(vm.periodErrorProperty().get()).isEqualTo("请选择统计期间的起止日期。");
        assertThat(asked).isEmpty();
        vm.fromProperty().set(LocalDate.of(2026, 3, 1));
        assertThat(vm.periodErrorProperty().get()).isEmpty();
    }

    @Test
    void groupingByTypeAsksForTypeAndLabelsRowsByType() {
        List<ReportStatisticsRow> rows = List.of(ReportStatisticsRow.of(null, ReportType.CONCRETE_CUBE, 7, 2, 2));
        answer = new ReportStatistics(LocalDate.of(2026, 2, 19), LocalDate.of(2026, 3, 20), StatisticsGrouping.TYPE,
                rows, ReportStatisticsRow.totalOf(rows));
        vm.groupingProperty().set(StatisticsGrouping.TYPE);
        vm.load();
        assertThat(asked).containsExactly("2026-02-19..2026-03-20 type");
        assertThat(vm.rowLabel(vm.rows().get(0))).isEqualTo("混凝土立方体抗压强度");
    }

    @Test
    void aRefusalShowsTheServersFieldErrors() {
        refusal = new ApiProblemException(new Problem("https://cqs/problems/validation", "Invalid", 422,
                "to is before from", "/x", "validation", List.of(new Problem.FieldError("to", "before_from",
                "to (2026-03-01) is before from (2026-03-02)"))));
        vm.load();
        assertThat(vm.statusProperty().get())
                .isEqualTo("服务器拒绝了该统计条件：to: to (2026-03-01) is before from (2026-03-02)");
        assertThat(vm.rows()).isEmpty();
    }

    @Test
    void csvIsUtf8WithBomQuotedWhereNeededWithTotals() throws Exception {
        answer = byLab();
        vm.load();
        Path file = dir.resolve("out").resolve("统计.csv");
        dialogs.answerFile(file);
        vm.export();
        byte[] bytes = Files.readAllBytes(file);
        assertThat(bytes).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        String text = new String(bytes, StandardCharsets.UTF_8).substring(1);
        assertThat(text).isEqualTo("检测机构,统一社会信用代码,报告数,不合格数,不合格率(%),逾期上传数,逾期上传率(%)\r\n"
                + "厦门市建科工程检测有限公司,91350200776049653A,6,2,33.3,2,33.3\r\n"
                + "\"某某检测\"\"有限\"\",公司\",,1,0,0.0,0,0.0\r\n"
                + "合计,,7,2,28.6,2,28.6\r\n");
        assertThat(vm.statusProperty().get()).isEqualTo("已导出到 " + file);
        // only the save chooser, suggesting a name with the period; no error
        assertThat(dialogs.shown()).extracting(RecordingDialogService.Shown::kind, RecordingDialogService.Shown::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("save", "报告统计_2026-02-19_2026-03-20.xlsx"));
    }

    @Test
    void anXlsxNameGivesAnExcelWorkbookWithNumbersAsNumbers() throws Exception {
        answer = byLab();
        vm.load();
        Path file = dir.resolve("统计.xlsx");
        dialogs.answerFile(file);
        vm.export();
        java.util.Map<String, String> sheet = cn.cqs.client.export.XlsxWorkbookTest.cells(file);
        assertThat(sheet).containsEntry("A1", "检测机构").containsEntry("G1", "逾期上传率(%)")
                .containsEntry("A2", "厦门市建科工程检测有限公司").containsEntry("C2", "#6").containsEntry("E2", "#33.3").containsEntry("F2", "#2")
                .containsEntry("A3", "某某检测\"有限\",公司").containsEntry("A4", "合计").containsEntry("C4", "#7");
        assertThat(sheet).doesNotContainKey("B4");
        assertThat(vm.statusProperty().get()).isEqualTo("已导出到 " + file);
    }

    @Test
    void csvByTypeHasNoLabColumnsAndEmptyTotalsHaveNoRates() {
        ReportStatistics none = new ReportStatistics(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 2),
                StatisticsGrouping.TYPE, List.of(), ReportStatisticsRow.totalOf(List.of()));
        assertThat(StatisticsCsv.content(none)).isEqualTo("\uFEFF报告类型,报告数,不合格数,不合格率(%),逾期上传数,逾期上传率(%)\r\n"
                + "合计,0,0,,0,\r\n");
        assertThat(StatisticsCsv.escape("=SUM(A1)")).isEqualTo("'=SUM(A1)");
        assertThat(StatisticsCsv.escape("a\nb")).isEqualTo("\"a\nb\"");
    }

    @Test
    void nothingToExportBeforeTheFirstLoad() {
        vm.export();
        assertThat(dialogs.shown()).isEmpty();
        assertThat(vm.statisticsProperty().get()).isNull();
    }
}
