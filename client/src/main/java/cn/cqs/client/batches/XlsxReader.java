package cn.cqs.client.batches;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the first sheet of an Excel workbook ({@code .xlsx}, Office Open XML) as text cells: shared
 * and inline strings, numbers as written (no exponent), booleans, and cells whose style is a date
 * format as {@code yyyy-MM-dd HH:mm}. The reading side of {@code export.XlsxWorkbook}; enough for the
 * import of a plant's tables, not a general spreadsheet reader (no formulas are evaluated: a formula
 * cell gives its cached value).
 */
public final class XlsxReader {
    private static final java.time.LocalDate EXCEL_EPOCH = java.time.LocalDate.of(1899, 12, 30);
    /** Built-in number formats that are dates or times (ECMA-376 18.8.30). */
    private static final java.util.Set<Integer> DATE_FORMATS = java.util.Set.of(14, 15, 16, 17, 18, 19, 20, 21, 22, 45,
            46, 47);

    private XlsxReader() {
    }

    public static ImportTable read(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            List<String> shared = sharedStrings(zip);
            List<Boolean> dateStyles = dateStyles(zip);
            String sheet = firstSheet(zip);
            ZipEntry entry = zip.getEntry(sheet);
            if (entry == null) {
                throw new IOException(file.getFileName() + ": the workbook has no sheet " + sheet);
            }
            try (InputStream in = zip.getInputStream(entry)) {
                return sheet(in, shared, dateStyles);
            }
        } catch (java.util.zip.ZipException e) {
            throw new IOException(file.getFileName() + " is not an Excel workbook (.xlsx)", e);
        } catch (XMLStreamException e) {
            throw new IOException(file.getFileName() + ": the workbook's XML is unreadable: " + e.getMessage(), e);
        }
    }

    private static XMLStreamReader reader(InputStream in) throws XMLStreamException {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return f.createXMLStreamReader(in);
    }

    private static List<String> sharedStrings(ZipFile zip) throws IOException, XMLStreamException {
        ZipEntry e = zip.getEntry("xl/sharedStrings.xml");
        List<String> out = new ArrayList<>();
        if (e == null) {
            return out;
        }
        try (InputStream in = zip.getInputStream(e)) {
            XMLStreamReader r = reader(in);
            StringBuilder current = null;
            boolean inRunProperties = false;
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    switch (r.getLocalName()) {
                        case "si" -> current = new StringBuilder();
                        case "rPh" -> inRunProperties = true; // phonetic hints are not part of the text
                        case "t" -> {
                            if (current != null && !inRunProperties) {
                                current.append(r.getElementText());
                            }
                        }
                        default -> { }
                    }
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    if ("si".equals(r.getLocalName()) && current != null) {
                        out.add(current.toString());
                        current = null;
                    } else if ("rPh".equals(r.getLocalName())) {
                        inRunProperties = false;
                    }
                }
            }
        }
        return out;
    }

    /** For each cell style index: whether its number format is a date. */
    private static List<Boolean> dateStyles(ZipFile zip) throws IOException, XMLStreamException {
        ZipEntry e = zip.getEntry("xl/styles.xml");
        List<Boolean> out = new ArrayList<>();
        if (e == null) {
            return out;
        }
        Map<Integer, Boolean> customDates = new HashMap<>();
        try (InputStream in = zip.getInputStream(e)) {
            XMLStreamReader r = reader(in);
            boolean inCellXfs = false;
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    String name = r.getLocalName();
                    if ("numFmt".equals(name)) {
                        String code = r.getAttributeValue(null, "formatCode");
                        String plain = code == null ? "" : code.replaceAll("\"[^\"]*\"|\\[[^]]*]", "").toLowerCase();
                        customDates.put(Integer.parseInt(r.getAttributeValue(null, "numFmtId")),
                                plain.contains("y") || plain.contains("d") || plain.contains("h"));
                    } else if ("cellXfs".equals(name)) {
                        inCellXfs = true;
                    } else if ("xf".equals(name) && inCellXfs) {
                        String id = r.getAttributeValue(null, "numFmtId");
                        int fmt = id == null ? 0 : Integer.parseInt(id);
                        out.add(DATE_FORMATS.contains(fmt) || customDates.getOrDefault(fmt, false));
                    }
                } else if (ev == XMLStreamConstants.END_ELEMENT && "cellXfs".equals(r.getLocalName())) {
                    inCellXfs = false;
                }
            }
        }
        return out;
    }

    private static String firstSheet(ZipFile zip) throws IOException, XMLStreamException {
        String relId = null;
        ZipEntry wb = zip.getEntry("xl/workbook.xml");
        if (wb == null) {
            throw new IOException("no xl/workbook.xml: not an Excel workbook");
        }
        try (InputStream in = zip.getInputStream(wb)) {
            XMLStreamReader r = reader(in);
            while (r.hasNext() && relId == null) {
                if (r.next() == XMLStreamConstants.START_ELEMENT && "sheet".equals(r.getLocalName())) {
                    relId = r.getAttributeValue("http://schemas.openxmlformats.org/officeDocument/2006/relationships", "id");
                }
            }
        }
        ZipEntry rels = zip.getEntry("xl/_rels/workbook.xml.rels");
        if (relId == null || rels == null) {
            return "xl/worksheets/sheet1.xml";
        }
        try (InputStream in = zip.getInputStream(rels)) {
            XMLStreamReader r = reader(in);
            while (r.hasNext()) {
                if (r.next() == XMLStreamConstants.START_ELEMENT && "Relationship".equals(r.getLocalName())
                        && relId.equals(r.getAttributeValue(null, "Id"))) {
                    String target = r.getAttributeValue(null, "Target");
                    return target.startsWith("/") ? target.substring(1) : "xl/" + target;
                }
            }
        }
        return "xl/worksheets/sheet1.xml";
    }

    private static ImportTable sheet(InputStream in, List<String> shared, List<Boolean> dateStyles)
            throws XMLStreamException {
        XMLStreamReader r = reader(in);
        TreeMap<Integer, TreeMap<Integer, String>> rows = new TreeMap<>();
        int rowNumber = 0;
        String ref = null;
        String type = null;
        int style = 0;
        String value = null;
        while (r.hasNext()) {
            int ev = r.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                switch (r.getLocalName()) {
                    case "row" -> {
                        String n = r.getAttributeValue(null, "r");
                        rowNumber = n == null ? rowNumber + 1 : Integer.parseInt(n);
                    }
                    case "c" -> {
                        ref = r.getAttributeValue(null, "r");
                        type = r.getAttributeValue(null, "t");
                        String s = r.getAttributeValue(null, "s");
                        style = s == null ? 0 : Integer.parseInt(s);
                        value = null;
                    }
                    case "v" -> value = r.getElementText();
                    case "t" -> value = (value == null ? "" : value) + r.getElementText();
                    default -> { }
                }
            } else if (ev == XMLStreamConstants.END_ELEMENT && "c".equals(r.getLocalName())) {
                if (value != null && ref != null) {
                    String text = cellText(type, value, style, shared, dateStyles);
                    rows.computeIfAbsent(rowNumber, k -> new TreeMap<>()).put(column(ref), text);
                }
                ref = null;
            }
        }
        List<ImportTable.Line> lines = new ArrayList<>();
        for (Map.Entry<Integer, TreeMap<Integer, String>> row : rows.entrySet()) {
            int width = row.getValue().lastKey() + 1;
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < width; i++) {
                cells.add(row.getValue().getOrDefault(i, ""));
            }
            ImportTable.Line line = new ImportTable.Line(row.getKey(), cells);
            if (!line.blank()) {
                lines.add(line);
            }
        }
        if (lines.isEmpty()) {
            return new ImportTable(List.of(), List.of());
        }
        return new ImportTable(lines.get(0).cells(), lines.subList(1, lines.size()));
    }

    private static String cellText(String type, String value, int style, List<String> shared, List<Boolean> dateStyles) {
        if ("s".equals(type)) {
            int i = Integer.parseInt(value.strip());
            return i < shared.size() ? shared.get(i) : "";
        }
        if ("b".equals(type)) {
            return "1".equals(value.strip()) ? "TRUE" : "FALSE";
        }
        if ("inlineStr".equals(type) || "str".equals(type) || "e".equals(type)) {
            return value;
        }
        BigDecimal number;
        try {
            number = new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            return value;
        }
        if (style < dateStyles.size() && dateStyles.get(style)) {
            long days = number.longValue();
            long seconds = number.subtract(BigDecimal.valueOf(days)).multiply(BigDecimal.valueOf(86_400))
                    .setScale(0, java.math.RoundingMode.HALF_UP).longValue();
            LocalDateTime t = EXCEL_EPOCH.plusDays(days).atStartOfDay().plusSeconds(seconds);
            return PlantTexts.TIME.format(t);
        }
        return number.stripTrailingZeros().toPlainString();
    }

    /** The zero-based column of a cell reference such as {@code AB12}. */
    static int column(String ref) {
        int col = 0;
        for (int i = 0; i < ref.length() && Character.isLetter(ref.charAt(i)); i++) {
            col = col * 26 + (Character.toUpperCase(ref.charAt(i)) - 'A' + 1);
        }
        return col - 1;
    }
}
