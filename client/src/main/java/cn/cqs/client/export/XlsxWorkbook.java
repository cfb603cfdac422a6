package cn.cqs.client.export;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Objects;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes one table as an Excel workbook (Office Open XML, {@code .xlsx}, ECMA-376): one sheet, the
 * header row bold and frozen, text as inline strings, numbers as numbers (so Excel sums and charts
 * them), column widths from the content. Only what a table export needs; no formulas are ever
 * written, so a cell starting with {@code =} stays text. No JavaFX.
 */
public final class XlsxWorkbook {
    /** Excel's limit on a sheet name. */
    private static final int MAX_SHEET_NAME = 31;

    private XlsxWorkbook() {
    }

    /**
     * Writes the table to {@code file} through a temporary file, so a failure leaves no half file.
     *
     * @param sheetName the sheet's name (cut to 31 characters; {@code []:*?/\} replaced)
     * @param header    the column headings
     * @param rows      the rows; each cell a {@link String}, a {@link Number} or null (empty)
     */
    public static void write(Path file, String sheetName, List<String> header, List<List<Object>> rows)
            throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".export", ".xlsx.tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                write(out, sheetName, header, rows);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Writes the workbook to {@code out} (which is finished, not closed). */
    public static void write(OutputStream out, String sheetName, List<String> header, List<List<Object>> rows)
            throws IOException {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(rows, "rows");
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        entry(zip, "[Content_Types].xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
                <Default Extension="xml" ContentType="application/xml"/>
                <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
                <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
                <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>
                </Types>""");
        entry(zip, "_rels/.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
                </Relationships>""");
        entry(zip, "xl/workbook.xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
                <sheets><sheet name="%s" sheetId="1" r:id="rId1"/></sheets>
                </workbook>""".formatted(escape(sheetName(sheetName))));
        entry(zip, "xl/_rels/workbook.xml.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
                <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
                </Relationships>""");
        entry(zip, "xl/styles.xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
                <fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>
                <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>
                <borders count="1"><border/></borders>
                <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
                <cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>
                </styleSheet>""");
        entry(zip, "xl/worksheets/sheet1.xml", sheet(header, rows));
        zip.finish();
    }

    private static String sheet(List<String> header, List<List<Object>> rows) {
        int columns = header.size();
        for (List<Object> row : rows) {
            columns = Math.max(columns, row.size());
        }
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
                <sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>
                """);
        if (columns > 0) {
            xml.append("<cols>");
            for (int c = 0; c < columns; c++) {
                xml.append("<col min=\"").append(c + 1).append("\" max=\"").append(c + 1).append("\" width=\"")
                        .append(width(header, rows, c)).append("\" customWidth=\"1\"/>");
            }
            xml.append("</cols>");
        }
        xml.append("<sheetData>");
        row(xml, 1, List.copyOf(header), true);
        int r = 2;
        for (List<Object> row : rows) {
            row(xml, r++, row, false);
        }
        return xml.append("</sheetData></worksheet>").toString();
    }

    private static void row(StringBuilder xml, int number, List<?> cells, boolean bold) {
        xml.append("<row r=\"").append(number).append("\">");
        for (int c = 0; c < cells.size(); c++) {
            Object value = cells.get(c);
            if (value == null || (value instanceof String s && s.isEmpty())) {
                continue;
            }
            String ref = column(c) + number;
            String style = bold ? " s=\"1\"" : "";
            if (value instanceof Number n) {
                xml.append("<c r=\"").append(ref).append('"').append(style).append("><v>").append(number(n))
                        .append("</v></c>");
            } else {
                xml.append("<c r=\"").append(ref).append('"').append(style).append(" t=\"inlineStr\"><is><t xml:space=\"preserve\">")
                        .append(escape(value.toString())).append("</t></is></c>");
            }
        }
        xml.append("</row>");
    }

    /** A1-style column letters: 0 → A, 25 → Z, 26 → AA. */
    static String column(int index) {
        StringBuilder letters = new StringBuilder();
        for (int i = index + 1; i > 0; i = (i - 1) / 26) {
            letters.insert(0, (char) ('A' + (i - 1) % 26));
        }
        return letters.toString();
    }

    private static String number(Number n) {
        if (n instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (n instanceof Double || n instanceof Float) {
            double v = n.doubleValue();
            if (Double.isNaN(v) || Double.isInfinite(v)) {
                throw new IllegalArgumentException("A cell cannot hold " + v);
            }
        }
        return n.toString();
    }

    /** Characters wide: the longest text, CJK characters counted twice, between 6 and 60. */
    private static int width(List<String> header, List<List<Object>> rows, int column) {
        int widest = column < header.size() ? displayWidth(header.get(column)) : 0;
        for (List<Object> row : rows) {
            if (column < row.size() && row.get(column) != null) {
                widest = Math.max(widest, displayWidth(row.get(column) instanceof BigDecimal d ? d.toPlainString()
                        : row.get(column).toString()));
            }
        }
        return Math.max(6, Math.min(60, widest + 2));
    }

    private static int displayWidth(String text) {
        return text.codePoints().map(cp -> cp >= 0x2E80 ? 2 : 1).sum();
    }

    private static String sheetName(String name) {
        String cleaned = (name == null || name.isBlank() ? "Sheet1" : name).replaceAll("[\\[\\]:*?/\\\\]", "_");
        return cleaned.length() > MAX_SHEET_NAME ? cleaned.substring(0, MAX_SHEET_NAME) : cleaned;
    }

    /** XML text: the five entities, and characters XML 1.0 cannot carry dropped. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            switch (cp) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    boolean legal = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF)
                            || (cp >= 0xE000 && cp <= 0xFFFD) || cp >= 0x10000;
                    if (legal) {
                        out.appendCodePoint(cp);
                    }
                }
            }
        });
        return out.toString();
    }

    private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
