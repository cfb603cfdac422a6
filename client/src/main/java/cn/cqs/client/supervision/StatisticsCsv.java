package cn.cqs.client.supervision;

import cn.cqs.client.i18n.Localization;
import cn.cqs.contract.supervision.ReportStatistics;
import cn.cqs.contract.supervision.ReportStatisticsRow;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the statistics table as CSV or as an Excel workbook ({@link #writeXlsx}). CSV: RFC 4180: comma-separated, CRLF line ends, fields with a
 * comma, quote or line break quoted) in UTF-8 with a byte order mark, so Excel opens the Chinese
 * lab names correctly. Columns follow the grouping (lab name and USCC, type), then the counts and
 * rates (percent, as the server rounded them); the last line holds the totals. Headers are in the
 * user's language. No JavaFX.
 */
public final class StatisticsCsv {
    /** The UTF-8 byte order mark Excel looks for. */
    public static final char BOM = '\uFEFF';

    private StatisticsCsv() {
    }

    /** The CSV text, starting with the BOM. */
    public static String content(ReportStatistics stats) {
        StringBuilder out = new StringBuilder().append(BOM);
        line(out, header(stats));
        for (List<Object> row : rows(stats)) {
            line(out, row.stream().map(c -> c == null ? "" : c instanceof java.math.BigDecimal d ? d.toPlainString()
                    : c.toString()).toList());
        }
        return out.toString();
    }

    /** Writes the same table as an Excel workbook, counts and rates as numbers. */
    public static void writeXlsx(Path file, ReportStatistics stats) throws IOException {
        cn.cqs.client.export.XlsxWorkbook.write(file, Localization.get("supervision.stats.export.sheet"),
                header(stats), rows(stats));
    }

    /** The column headings in the user's language. */
    static List<String> header(ReportStatistics stats) {
        List<String> header = new ArrayList<>();
        if (stats.groupBy().byLab()) {
            header.add(Localization.get("supervision.stats.column.lab"));
            header.add(Localization.get("supervision.stats.column.uscc"));
        }
        if (stats.groupBy().byType()) {
            header.add(Localization.get("supervision.stats.column.type"));
        }
        header.addAll(List.of(Localization.get("supervision.stats.column.reports"),
                Localization.get("supervision.stats.column.unqualified"),
                Localization.get("supervision.stats.column.unqualifiedRate"),
                Localization.get("supervision.stats.column.late"),
                Localization.get("supervision.stats.column.lateRate")));
        return header;
    }

    /** The rows, then the totals: texts as strings, counts as longs, rates as BigDecimal percent (or null). */
    static List<List<Object>> rows(ReportStatistics stats) {
        List<List<Object>> rows = new ArrayList<>();
        for (ReportStatisticsRow row : stats.rows()) {
            rows.add(cells(stats, row, false));
        }
        rows.add(cells(stats, stats.totals(), true));
        return rows;
    }

    /** Writes {@link #content} to {@code file} (through a temporary file, so a failure leaves no half file). */
    public static void write(Path file, ReportStatistics stats) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".statistics", ".csv.tmp");
        try {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                w.write(content(stats));
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static List<Object> cells(ReportStatistics stats, ReportStatisticsRow row, boolean totals) {
        List<Object> cells = new ArrayList<>();
        if (stats.groupBy().byLab()) {
            cells.add(totals ? Localization.get("supervision.stats.totals") : row.lab().name());
            cells.add(totals || row.lab().uscc() == null ? "" : row.lab().uscc());
        }
        if (stats.groupBy().byType()) {
            cells.add(totals ? (stats.groupBy().byLab() ? "" : Localization.get("supervision.stats.totals"))
                    : SupervisionTexts.type(row.type().name()));
        }
        cells.add(row.reports());
        cells.add(row.unqualified());
        cells.add(row.unqualifiedRatePercent());
        cells.add(row.late());
        cells.add(row.lateRatePercent());
        return cells;
    }

    private static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(escape(cells.get(i)));
        }
        out.append("\r\n");
    }

    static String escape(String cell) {
        String c = cell == null ? "" : cell;
        // a leading = + - @ would make Excel evaluate the cell as a formula: quote it as text
        boolean formula = !c.isEmpty() && "=+-@".indexOf(c.charAt(0)) >= 0;
        if (formula) {
            c = "'" + c;
        }
        if (c.contains(",") || c.contains("\"") || c.contains("\n") || c.contains("\r")) {
            return "\"" + c.replace("\"", "\"\"") + "\"";
        }
        return c;
    }
}
