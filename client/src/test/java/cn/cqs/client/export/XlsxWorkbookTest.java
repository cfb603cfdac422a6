package cn.cqs.client.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

public class XlsxWorkbookTest {
    @TempDir
    Path dir;

    /**
     * The sheet's cells by reference, read back with a plain XML parser: text as is, numbers as
     * {@code #<value>}. Every part of the package must be well-formed XML.
     */
    public static Map<String, String> cells(Path xlsx) throws Exception {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(xlsx))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                parts.put(e.getName(), zip.readAllBytes());
            }
        }
        assertThat(parts).containsKeys("[Content_Types].xml", "_rels/.rels", "xl/workbook.xml",
                "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/worksheets/sheet1.xml");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        for (Map.Entry<String, byte[]> part : parts.entrySet()) {
            try (InputStream in = new java.io.ByteArrayInputStream(part.getValue())) {
                factory.newDocumentBuilder().parse(in); // throws when not well-formed
            }
        }
        Document sheet = factory.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(parts.get("xl/worksheets/sheet1.xml")));
        Map<String, String> cells = new LinkedHashMap<>();
        NodeList cs = sheet.getElementsByTagNameNS("*", "c");
        for (int i = 0; i < cs.getLength(); i++) {
            Element c = (Element) cs.item(i);
            String value = "inlineStr".equals(c.getAttribute("t"))
                    ? c.getElementsByTagNameNS("*", "t").item(0).getTextContent()
                    : "#" + c.getElementsByTagNameNS("*", "v").item(0).getTextContent();
            cells.put(c.getAttribute("r"), value);
        }
        return cells;
    }

    @Test
    void writesTextNumbersAndEmptyCellsAtTheirReferences() throws Exception {
        Path file = dir.resolve("a").resolve("表.xlsx");
        List<List<Object>> rows = new ArrayList<>();
        rows.add(Arrays.asList("厦门 <检测> & \"实验\"", 6L, new BigDecimal("33.30"), null));
        rows.add(Arrays.asList("=SUM(A1)", 0, new BigDecimal("0.0"), "末"));
        XlsxWorkbook.write(file, "报告统计/2026", List.of("机构", "数", "率", "备注"), rows);
        Map<String, String> cells = cells(file);
        assertThat(cells).containsExactly(Map.entry("A1", "机构"), Map.entry("B1", "数"), Map.entry("C1", "率"),
                Map.entry("D1", "备注"), Map.entry("A2", "厦门 <检测> & \"实验\""), Map.entry("B2", "#6"),
                Map.entry("C2", "#33.30"), Map.entry("A3", "=SUM(A1)"), Map.entry("B3", "#0"), Map.entry("C3", "#0.0"),
                Map.entry("D3", "末"));
        assertThat(Files.list(file.getParent())).containsExactly(file); // no temporary file left
    }

    @Test
    void columnLettersGoPastZ() {
        assertThat(XlsxWorkbook.column(0)).isEqualTo("A");
        assertThat(XlsxWorkbook.column(25)).isEqualTo("Z");
        assertThat(XlsxWorkbook.column(26)).isEqualTo("AA");
        assertThat(XlsxWorkbook.column(701)).isEqualTo("ZZ");
        assertThat(XlsxWorkbook.column(702)).isEqualTo("AAA");
    }

    @Test
    void charactersXmlCannotCarryAreDropped() {
        assertThat(XlsxWorkbook.escape("a\u0001b\u0007c")).isEqualTo("abc");
    }
}
