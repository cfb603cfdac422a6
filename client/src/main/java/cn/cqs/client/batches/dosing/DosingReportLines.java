package cn.cqs.client.batches.dosing;

import cn.cqs.client.i18n.Localization;
import cn.cqs.contract.batches.DosingState;
import cn.cqs.contract.batches.MaterialKind;
import cn.cqs.contract.batches.dosing.DosingReport;
import cn.cqs.contract.batches.dosing.DosingVerdict;
import cn.cqs.contract.batches.dosing.MaterialCheck;
import cn.cqs.contract.batches.dosing.PlateCheck;
import cn.cqs.contract.time.ChinaTime;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A deviation report (投料偏差报告) as table lines: one per plate and a last cumulative line (累计),
 * one cell per material with the weighed mass and the deviation, each cell saying whether it is a
 * finding (to highlight). Plain data, no controls, shared by the plant's import screen and the
 * regulators' drill-down.
 */
public final class DosingReportLines {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss")
            .withZone(ChinaTime.ZONE);

    private DosingReportLines() {
    }

    /** One cell: its text, its verdict and whether it is a finding. */
    public record Cell(String text, DosingVerdict verdict) {
        public boolean finding() {
            return verdict != null && verdict.isFinding();
        }
    }

    /**
     * One line of the table.
     *
     * @param label      the plate number, or 累计 for the cumulative line
     * @param cumulative whether this is the cumulative line
     */
    public record Line(String label, String time, String volume, boolean cumulative, Map<MaterialKind, Cell> cells) {
        public Cell cell(MaterialKind kind) {
            return cells.get(kind);
        }
    }

    /** The materials the report has columns for, in the enum's order. */
    public static List<MaterialKind> materials(DosingReport report) {
        return report.cumulative().stream().map(MaterialCheck::kind).sorted().toList();
    }

    /** The plates' lines, then the cumulative line. */
    public static List<Line> lines(DosingReport report) {
        List<Line> lines = new ArrayList<>();
        for (PlateCheck plate : report.plates()) {
            lines.add(new Line(Integer.toString(plate.plateNo()), TIME.format(plate.time()), plain(plate.volumeM3()),
                    false, cells(plate.materials())));
        }
        lines.add(new Line(Localization.get("dosing.report.cumulative"), "", plain(report.totalVolumeM3()), true,
                cells(report.cumulative())));
        return lines;
    }

    /** The conclusion in words: within tolerance, or how many plates and cumulative materials are out. */
    public static String conclusion(DosingReport report) {
        if (report.state() == DosingState.WITHIN_TOLERANCE) {
            return Localization.get("dosing.report.conclusion.within", report.plateCount());
        }
        String cumulative = report.cumulativeFindings().stream()
                .map(c -> material(c.kind())).reduce((a, b) -> a + "、" + b)
                .orElse(Localization.get("dosing.report.none"));
        return Localization.get("dosing.report.conclusion.out", report.plateCount(),
                report.platesOutOfTolerance().size(), cumulative);
    }

    /** The material's name in the current language. */
    public static String material(MaterialKind kind) {
        return Localization.get("dosing.material." + kind.name());
    }

    private static Map<MaterialKind, Cell> cells(List<MaterialCheck> checks) {
        Map<MaterialKind, Cell> cells = new EnumMap<>(MaterialKind.class);
        for (MaterialCheck c : checks) {
            cells.put(c.kind(), new Cell(text(c), c.verdict()));
        }
        return cells;
    }

    /** e.g. {@code 609.0 (+1.50%)}, {@code 未称量}, {@code 12.0 (配合比外)}. */
    static String text(MaterialCheck c) {
        if (c.verdict() == DosingVerdict.MISSING || c.actualKg() == null) {
            return Localization.get("dosing.report.missing");
        }
        String actual = plain(c.actualKg());
        if (c.verdict() == DosingVerdict.NOT_IN_DESIGN) {
            return actual + " (" + Localization.get("dosing.report.notInDesign") + ")";
        }
        if (c.deviationPercent() == null) {
            return actual;
        }
        String sign = c.deviationPercent().signum() > 0 ? "+" : "";
        return actual + " (" + sign + c.deviationPercent().toPlainString() + "%)";
    }

    private static String plain(BigDecimal value) {
        BigDecimal v = value.stripTrailingZeros();
        return (v.scale() < 0 ? v.setScale(0) : v).toPlainString();
    }
}
