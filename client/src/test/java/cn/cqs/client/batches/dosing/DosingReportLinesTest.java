package cn.cqs.client.batches.dosing;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cqs.client.i18n.AppLanguage;
import cn.cqs.client.i18n.Localization;
import cn.cqs.contract.batches.MaterialKind;
import cn.cqs.contract.batches.MixQuantity;
import cn.cqs.contract.batches.dosing.DosingComparison;
import cn.cqs.contract.batches.dosing.DosingRecord;
import cn.cqs.contract.batches.dosing.DosingReport;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The deviation report's table lines: a line per plate and the cumulative line, findings flagged. */
class DosingReportLinesTest {
    private static final String SERIAL = "20261124-776049653-000017";

    @BeforeEach
    void chinese() {
        Localization.setLanguage(AppLanguage.CHINESE);
    }

    private static DosingReport report(boolean computerControlled, Map<MaterialKind, BigDecimal> plate2) {
        List<MixQuantity> design = List.of(new MixQuantity(MaterialKind.CEMENT, new BigDecimal("300")),
                new MixQuantity(MaterialKind.SAND, new BigDecimal("800")),
                new MixQuantity(MaterialKind.WATER, new BigDecimal("170")));
        Instant t = Instant.parse("2026-11-24T01:00:00Z");
        DosingRecord p1 = new DosingRecord(SERIAL, 1, t, new BigDecimal("2"), Map.of(MaterialKind.CEMENT,
                new BigDecimal("600"), MaterialKind.SAND, new BigDecimal("1600"), MaterialKind.WATER, new BigDecimal("340")));
        DosingRecord p2 = new DosingRecord(SERIAL, 2, t.plusSeconds(120), new BigDecimal("2"), plate2);
        return DosingComparison.compare(design, List.of(p1, p2), computerControlled);
    }

    @Test
    void aPlateOutOfToleranceAndAMissingMaterialAreFindingsTheOthersAreNot() {
        DosingReport report = report(true, Map.of(MaterialKind.CEMENT, new BigDecimal("615"), MaterialKind.SAND,
                new BigDecimal("1600")));
        List<DosingReportLines.Line> lines = DosingReportLines.lines(report);
        assertThat(lines).hasSize(3);
        assertThat(DosingReportLines.materials(report)).containsExactly(MaterialKind.CEMENT, MaterialKind.SAND,
                MaterialKind.WATER);
        DosingReportLines.Line second = lines.get(1);
        assertThat(second.label()).isEqualTo("2");
        assertThat(second.cell(MaterialKind.CEMENT).text()).isEqualTo("615 (+2.50%)");
        assertThat(second.cell(MaterialKind.CEMENT).finding()).isTrue();
        assertThat(second.cell(MaterialKind.WATER).text()).isEqualTo("未称量");
        assertThat(second.cell(MaterialKind.WATER).finding()).isTrue();
        assertThat(second.cell(MaterialKind.SAND).finding()).isFalse();
        assertThat(lines.get(0).cell(MaterialKind.CEMENT).text()).isEqualTo("600 (0.00%)");
        DosingReportLines.Line cumulative = lines.get(2);
        assertThat(cumulative.cumulative()).isTrue();
        assertThat(cumulative.label()).isEqualTo("累计");
        assertThat(cumulative.volume()).isEqualTo("4");
        assertThat(DosingReportLines.conclusion(report)).contains("超出允许偏差").contains("共 2 盘，1 盘超差")
                .contains("水泥");
    }

    @Test
    void withinToleranceSaysSo() {
        DosingReport report = report(false, Map.of(MaterialKind.CEMENT, new BigDecimal("606"), MaterialKind.SAND,
                new BigDecimal("1600"), MaterialKind.WATER, new BigDecimal("340")));
        assertThat(DosingReportLines.lines(report)).flatExtracting(l -> l.cells().values())
                .noneMatch(DosingReportLines.Cell::finding);
        assertThat(DosingReportLines.conclusion(report)).isEqualTo("结论：2 盘全部在允许偏差内（每盘及累计）。");
    }
}
