package cn.cqs.client.rendering;

import cn.cqs.client.qrimage.QrBitmap;
import cn.cqs.client.qrimage.QrCodes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import net.sf.jasperreports.engine.JRBand;
import net.sf.jasperreports.engine.JRElement;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRFrame;
import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.JRPrintElement;
import net.sf.jasperreports.engine.JRPrintFrame;
import net.sf.jasperreports.engine.JRPrintPage;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;
import net.sf.jasperreports.engine.util.JRLoader;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.SimplePdfExporterConfiguration;
import net.sf.jasperreports.pdf.type.PdfPrintScalingEnum;

/**
 * Renders a test report of any type (see {@link ReportPrints}) to PDF with JasperReports: the
 * type's template compiled at build time, the embedded "CQS Sans SC" font for every character,
 * and the verification QR code at a fixed printed size. The PDF asks viewers not to scale it when
 * printing ("fit to page" off), so the code prints at its size.
 *
 * <p>Loads each compiled template once, on first use, and checks its QR box; an instance is
 * thread-safe and meant to be reused.
 */
public final class ReportPdfRenderer {

    /** The compiled concrete cube template on the class path (compiled from the .jrxml by the build). */
    public static final String TEMPLATE_RESOURCE = CubeReportPrint.TEMPLATE_RESOURCE;
    /** Key of the QR image element in every template. */
    public static final String QR_ELEMENT_KEY = "qrCode";
    /** Smallest printed side of the QR symbol (quiet zone excluded) the system allows. */
    public static final BigDecimal MIN_QR_SYMBOL_SIDE_MM = new BigDecimal("25");
    /** Pixels per module of the QR bitmap put into the PDF (sharp at any zoom; printers see 1-bit). */
    public static final int QR_MODULE_PX = 8;

    /** What an empty value prints as: the usual mark for an empty cell on Chinese test reports. */
    static final String EMPTY_CELL = "/";
    /** The parameter carrying the QR bitmap in every template. */
    static final String QR_IMAGE_PARAMETER = "qrImage";

    private static final BigDecimal MM_PER_POINT = new BigDecimal("25.4").divide(new BigDecimal("72"), 10, RoundingMode.HALF_EVEN);
    /** A version-1 code has the smallest symbol share of its bitmap: 21 of 21 + 2 x 4 modules. */
    private static final BigDecimal SMALLEST_SYMBOL_SHARE = new BigDecimal("21").divide(new BigDecimal("29"), 10, RoundingMode.DOWN);

    private final Map<String, LoadedTemplate> templates = new ConcurrentHashMap<>();

    /** A compiled template with the side of its QR box and the text parameters it declares. */
    private record LoadedTemplate(JasperReport report, int qrSidePoints, Set<String> textParameters) {
    }

    /** Loads the cube template from {@link #TEMPLATE_RESOURCE} and checks its QR box; other templates load on first use. */
    public ReportPdfRenderer() {
        template(TEMPLATE_RESOURCE);
    }

    /**
     * Renders the report.
     *
     * @return the PDF bytes (one A4 page for an ordinary report; more only if texts are very long)
     * @throws ReportRenderingException when JasperReports fails
     */
    public byte[] render(ReportPrint report) {
        return renderLaidOut(report).pdf();
    }

    /**
     * Renders the report and tells where the QR code landed, so the signer can place the seal
     * (检测专用章) beside it without covering it.
     *
     * @throws ReportRenderingException when the template is missing, its parameters and the print's
     *                                  do not match, JasperReports fails or the filled report has no QR code
     */
    public RenderedReport renderLaidOut(ReportPrint report) {
        Objects.requireNonNull(report, "report");
        LoadedTemplate template = template(report.templateResource());
        QrBitmap qr = QrCodes.encode(report.qrPayload(), QR_MODULE_PX);
        if (qr.symbolSideMm(BigDecimal.valueOf(template.qrSidePoints())).compareTo(MIN_QR_SYMBOL_SIDE_MM) < 0) {
            throw new IllegalStateException("QR symbol would print below " + MIN_QR_SYMBOL_SIDE_MM + " mm");
        }
        Map<String, Object> parameters = parameters(report, template, qr);
        try {
            JasperPrint print = JasperFillManager.fillReport(template.report(), parameters, rows(report.rows()));
            PrintedBox qrBox = printedBox(print, QR_ELEMENT_KEY);
            return new RenderedReport(export(print, report), print.getPages().size(), print.getPageWidth(),
                    print.getPageHeight(), qrBox);
        } catch (JRException e) {
            throw new ReportRenderingException("rendering report " + report.reportNumber() + " failed: " + e.getMessage(), e);
        }
    }

    /** Printed side of the cube template's QR image (quiet zone included) in millimetres. */
    public BigDecimal qrPrintedSideMm() {
        return qrPrintedSideMm(TEMPLATE_RESOURCE);
    }

    /** Printed side of the cube template's QR image (quiet zone included) in PDF points (1/72 inch). */
    public int qrPrintedSidePoints() {
        return qrPrintedSidePoints(TEMPLATE_RESOURCE);
    }

    /** Printed side of a template's QR image (quiet zone included) in millimetres, as laid out by the template. */
    public BigDecimal qrPrintedSideMm(String templateResource) {
        return BigDecimal.valueOf(qrPrintedSidePoints(templateResource)).multiply(MM_PER_POINT)
                .setScale(2, RoundingMode.DOWN);
    }

    /** Printed side of a template's QR image (quiet zone included) in PDF points (1/72 inch). */
    public int qrPrintedSidePoints(String templateResource) {
        return template(templateResource).qrSidePoints();
    }

    private LoadedTemplate template(String resource) {
        Objects.requireNonNull(resource, "templateResource");
        return templates.computeIfAbsent(resource, ReportPdfRenderer::load);
    }

    private static LoadedTemplate load(String resource) {
        JasperReport report = loadTemplate(resource);
        Set<String> texts = new TreeSet<>();
        for (JRParameter parameter : report.getParameters()) {
            if (!parameter.isSystemDefined() && String.class.getName().equals(parameter.getValueClassName())) {
                texts.add(parameter.getName());
            }
        }
        return new LoadedTemplate(report, checkQrElement(report), Set.copyOf(texts));
    }

    /** Every text parameter the template declares must be given, and nothing it does not declare. */
    private static Map<String, Object> parameters(ReportPrint r, LoadedTemplate template, QrBitmap qr) {
        Map<String, String> texts = r.textParameters();
        Set<String> missing = new TreeSet<>(template.textParameters());
        missing.removeAll(texts.keySet());
        Set<String> unknown = new TreeSet<>(texts.keySet());
        unknown.removeAll(template.textParameters());
        if (!missing.isEmpty() || !unknown.isEmpty()) {
            throw new ReportRenderingException("template " + r.templateResource() + " and its print model disagree: "
                    + (missing.isEmpty() ? "" : "missing parameters " + missing + " ")
                    + (unknown.isEmpty() ? "" : "parameters the template does not declare " + unknown));
        }
        Map<String, Object> p = new HashMap<>();
        p.put(JRParameter.REPORT_LOCALE, Locale.SIMPLIFIED_CHINESE);
        texts.forEach((name, value) -> p.put(name, orEmptyCell(value, name)));
        p.put(QR_IMAGE_PARAMETER, qr.image());
        return p;
    }

    private static JRMapCollectionDataSource rows(List<Map<String, String>> rows) {
        List<Map<String, ?>> cells = new ArrayList<>(rows.size());
        for (Map<String, String> row : rows) {
            Map<String, String> printed = new HashMap<>();
            row.forEach((field, value) -> printed.put(field, orEmptyCell(value, field)));
            cells.add(printed);
        }
        return new JRMapCollectionDataSource(cells);
    }

    private static String orEmptyCell(String value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + ": must not be null (use an empty string when unknown)");
        }
        return value.isBlank() ? EMPTY_CELL : value.strip();
    }

    private static byte[] export(JasperPrint print, ReportPrint report) throws JRException {
        SimplePdfExporterConfiguration configuration = new SimplePdfExporterConfiguration();
        configuration.setMetadataTitle(report.documentTitle());
        configuration.setMetadataAuthor(report.labName());
        configuration.setMetadataSubject(report.projectName());
        configuration.setMetadataCreator("CQS client");
        configuration.setDisplayMetadataTitle(Boolean.TRUE);
        configuration.setPrintScaling(PdfPrintScalingEnum.NONE);
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        JRPdfExporter exporter = new JRPdfExporter();
        exporter.setExporterInput(new SimpleExporterInput(print));
        exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
        exporter.setConfiguration(configuration);
        exporter.exportReport();
        return out.toByteArray();
    }

    /** The last printed element with {@code key}, in PDF coordinates (Jasper measures from the top). */
    static PrintedBox printedBox(JasperPrint print, String key) {
        List<JRPrintPage> pages = print.getPages();
        for (int i = pages.size() - 1; i >= 0; i--) {
            float[] box = findPrinted(pages.get(i).getElements(), key, 0, 0);
            if (box != null) {
                return new PrintedBox(i + 1, box[0], print.getPageHeight() - box[1] - box[3], box[2], box[3]);
            }
        }
        throw new ReportRenderingException("report " + print.getName() + " printed no element with key '" + key + "'");
    }

    private static float[] findPrinted(List<JRPrintElement> elements, String key, int offsetX, int offsetY) {
        for (int i = elements.size() - 1; i >= 0; i--) {
            JRPrintElement e = elements.get(i);
            if (key.equals(e.getKey())) {
                return new float[] {offsetX + e.getX(), offsetY + e.getY(), e.getWidth(), e.getHeight()};
            }
            if (e instanceof JRPrintFrame frame) {
                int left = Objects.requireNonNullElse(frame.getLineBox().getLeftPadding(), 0);
                int top = Objects.requireNonNullElse(frame.getLineBox().getTopPadding(), 0);
                float[] inside = findPrinted(frame.getElements(), key, offsetX + frame.getX() + left,
                        offsetY + frame.getY() + top);
                if (inside != null) {
                    return inside;
                }
            }
        }
        return null;
    }

    private static JasperReport loadTemplate(String resource) {
        try (InputStream in = ReportPdfRenderer.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new ReportRenderingException("compiled report template " + resource
                        + " is not on the class path; it is made from the .jrxml by the Maven build (process-classes)");
            }
            return (JasperReport) JRLoader.loadObject(in);
        } catch (IOException | JRException | ClassCastException e) {
            throw new ReportRenderingException("compiled report template " + resource + " cannot be loaded: "
                    + e.getMessage(), e);
        }
    }

    /** The QR box must be square and big enough that even a version-1 symbol prints at 25 mm or more. */
    private static int checkQrElement(JasperReport report) {
        JRElement qr = null;
        for (JRBand band : bands(report)) {
            qr = find(band.getElements(), QR_ELEMENT_KEY);
            if (qr != null) {
                break;
            }
        }
        if (qr == null) {
            throw new ReportRenderingException("template " + report.getName() + " has no image element with key '"
                    + QR_ELEMENT_KEY + "'");
        }
        if (qr.getWidth() != qr.getHeight()) {
            throw new ReportRenderingException("template " + report.getName() + ": the QR box is not square ("
                    + qr.getWidth() + " x " + qr.getHeight() + " pt)");
        }
        BigDecimal smallestSymbolMm = BigDecimal.valueOf(qr.getWidth()).multiply(MM_PER_POINT).multiply(SMALLEST_SYMBOL_SHARE);
        if (smallestSymbolMm.compareTo(MIN_QR_SYMBOL_SIDE_MM) < 0) {
            throw new ReportRenderingException("template " + report.getName() + ": the QR box of " + qr.getWidth()
                    + " pt would print a small symbol below " + MIN_QR_SYMBOL_SIDE_MM + " mm");
        }
        return qr.getWidth();
    }

    private static List<JRBand> bands(JasperReport report) {
        List<JRBand> bands = new ArrayList<>();
        for (JRBand band : new JRBand[] {report.getTitle(), report.getPageHeader(), report.getColumnHeader(),
                report.getColumnFooter(), report.getPageFooter(), report.getLastPageFooter(), report.getSummary()}) {
            if (band != null) {
                bands.add(band);
            }
        }
        if (report.getDetailSection() != null && report.getDetailSection().getBands() != null) {
            bands.addAll(List.of(report.getDetailSection().getBands()));
        }
        return bands;
    }

    private static JRElement find(JRElement[] elements, String key) {
        if (elements == null) {
            return null;
        }
        for (JRElement element : elements) {
            if (key.equals(element.getKey())) {
                return element;
            }
            if (element instanceof JRFrame frame) {
                JRElement inside = find(frame.getElements(), key);
                if (inside != null) {
                    return inside;
                }
            }
        }
        return null;
    }
}
