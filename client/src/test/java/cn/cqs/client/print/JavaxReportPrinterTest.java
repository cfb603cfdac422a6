package cn.cqs.client.print;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import cn.cqs.client.rendering.SampleReportPdfs;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real javax.print path, with a PostScript {@link javax.print.StreamPrintService} as the
 * printer: a rendered report prints on A4 at 100 % (every drawing transform is one point per point,
 * the QR code keeps its 35.3 mm side), with the copies asked for; a page larger than the paper is
 * refused before anything is printed; no printer is said clearly.
 */
class JavaxReportPrinterTest {
    private static final Pattern PAGE_SIZE = Pattern.compile("/PageSize \\[([0-9.]+) ([0-9.]+)]");
    private static final Pattern COPIES = Pattern.compile("/NumCopies (\\d+)");
    private static final Pattern DEVICE = Pattern.compile("\\[72 ([0-9.]+) div 0 0 72 \\1 div 0 0]concat");
    private static final Pattern MATRIX = Pattern.compile("\\[(-?[0-9.]+) (-?[0-9.]+) (-?[0-9.]+) (-?[0-9.]+) "
            + "(-?[0-9.]+) (-?[0-9.]+)] ?concat\\s*(\\S+ \\S+ \\S+\\[[^]]*]/imageSrc load false 3 colorimage)?");
    private static byte[] report;

    @BeforeAll
    static void render() {
        report = SampleReportPdfs.render();
    }

    @Test
    void aReportPrintsOnA4AtActualSizeWithTheCopiesAskedFor() throws Exception {
        PostScriptProbe probe = new PostScriptProbe();
        probe.printer().print(new PrintJobRequest(report, "JC-1", probe.service.getName(), PaperSize.A4, 2));
        String ps = probe.postScript();
        Files.createDirectories(Path.of("target", "print"));
        Files.writeString(Path.of("target", "print", "report-a4.ps"), ps, StandardCharsets.ISO_8859_1);

        Matcher size = PAGE_SIZE.matcher(ps);
        assertThat(size.find()).as("the job names its paper").isTrue();
        assertThat(Double.parseDouble(size.group(1))).isCloseTo(595.28, within(0.01));
        assertThat(Double.parseDouble(size.group(2))).isCloseTo(841.89, within(0.01));
        Matcher copies = COPIES.matcher(ps);
        assertThat(copies.find()).isTrue();
        assertThat(copies.group(1)).isEqualTo("2");
        assertThat(ps.split("%%Page: ", -1)).as("one page").hasSize(2);

        Matcher device = DEVICE.matcher(ps);
        assertThat(device.find()).as("the device resolution").isTrue();
        double pointsPerUnit = 72 / Double.parseDouble(device.group(1));

        // every transform PDFBox draws with: scale 1 (one PDF point per printed point), so nothing shrank
        List<Double> scales = new ArrayList<>();
        Double qrSide = null;
        Matcher m = MATRIX.matcher(ps);
        while (m.find()) {
            double a = Double.parseDouble(m.group(1));
            double d = Double.parseDouble(m.group(4));
            if (m.group(7) != null) {
                // the QR image: drawn into a square of a × a device units
                qrSide = a * pointsPerUnit;
            } else {
                scales.add(Math.abs(a) * pointsPerUnit);
                scales.add(Math.abs(d) * pointsPerUnit);
            }
        }
        assertThat(scales).hasSizeGreaterThan(100).allSatisfy(s -> assertThat(s).isCloseTo(1.0, within(1e-5)));
        assertThat(qrSide).as("the QR code image is printed").isNotNull();
        assertThat(qrSide).isCloseTo(SampleReportPdfs.qrSidePoints(), within(0.01));
        assertThat(PaperSize.pointsToMm(qrSide)).isGreaterThanOrEqualTo(new BigDecimal("25.0"));
    }

    @Test
    void anA4PageIsNotPrintedOnLetterPaperRatherThanShrunk() {
        PostScriptProbe probe = new PostScriptProbe();
        PrinterChoice printer = probe.printer().printers().get(0);
        PaperSize letter = printer.papers().stream().filter(p -> p.name().equals("na-letter")).findFirst().orElseThrow();
        assertThat(letter.heightMm()).isEqualByComparingTo("279.4");
        assertThatThrownBy(() -> probe.printer().print(new PrintJobRequest(report, "JC-2", printer.name(), letter, 1)))
                .isInstanceOfSatisfying(PrintRefusedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(PrintRefusedException.Reason.PAGE_TOO_LARGE);
                    assertThat(e.getMessage()).contains("page 1 (209.9 × 297.0 mm)").contains("Letter 215.9 × 279.4 mm");
                });
        assertThat(probe.out.size()).as("nothing went to the printer").isZero();
    }

    @Test
    void aLandscapePageGoesOnPortraitPaperTurnedAndAnA3PageIsRefusedOnA4() throws Exception {
        PostScriptProbe probe = new PostScriptProbe();
        byte[] landscape = blankPdf(new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth()));
        probe.printer().print(new PrintJobRequest(landscape, "L", probe.service.getName(), PaperSize.A4, 1));
        Matcher size = PAGE_SIZE.matcher(probe.postScript());
        assertThat(size.find()).isTrue();
        assertThat(Double.parseDouble(size.group(1))).as("portrait A4 sheet").isLessThan(Double.parseDouble(size.group(2)));

        PostScriptProbe second = new PostScriptProbe();
        assertThatThrownBy(() -> second.printer().print(new PrintJobRequest(blankPdf(PDRectangle.A3), "A3",
                second.service.getName(), PaperSize.A4, 1)))
                .isInstanceOfSatisfying(PrintRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(PrintRefusedException.Reason.PAGE_TOO_LARGE));
    }

    @Test
    void withoutPrinterOrWithAGonePrinterOrAnUnreadablePdfNothingPrints() {
        JavaxReportPrinter none = new JavaxReportPrinter(List::of, Optional::empty);
        assertThat(none.printers()).isEmpty();
        assertThatThrownBy(() -> none.print(new PrintJobRequest(report, "R", "HP", PaperSize.A4, 1)))
                .isInstanceOfSatisfying(PrintRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(PrintRefusedException.Reason.NO_PRINTER));
        PostScriptProbe probe = new PostScriptProbe();
        assertThatThrownBy(() -> probe.printer().print(new PrintJobRequest(report, "R", "Gone", PaperSize.A4, 1)))
                .isInstanceOfSatisfying(PrintRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(PrintRefusedException.Reason.PRINTER_NOT_FOUND));
        assertThatThrownBy(() -> probe.printer().print(new PrintJobRequest("not a pdf".getBytes(StandardCharsets.UTF_8),
                "R", probe.service.getName(), PaperSize.A4, 1)))
                .isInstanceOfSatisfying(PrintRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(PrintRefusedException.Reason.UNREADABLE_PDF));
        assertThat(probe.out.size()).isZero();
    }

    /**
     * Where ghostscript is installed (not required): the PostScript rendered at 100 dpi shows the QR
     * symbol exactly where and as large as the PDF rendered directly (within a pixel), over 25 mm.
     */
    @Test
    void ghostscriptSeesTheQrCodeAtItsPrintedSize() throws Exception {
        Path gs = Path.of("/usr/bin/gs");
        Assumptions.assumeTrue(Files.isExecutable(gs), "ghostscript is not installed");
        PostScriptProbe probe = new PostScriptProbe();
        probe.printer().print(new PrintJobRequest(report, "JC-3", probe.service.getName(), PaperSize.A4, 1));
        Path dir = Files.createDirectories(Path.of("target", "print"));
        Path ps = dir.resolve("gs-check.ps");
        Path png = dir.resolve("gs-check.png");
        Files.writeString(ps, probe.postScript(), StandardCharsets.ISO_8859_1);
        Process p = new ProcessBuilder(gs.toString(), "-q", "-dNOPAUSE", "-dBATCH", "-sDEVICE=pnggray", "-r100",
                "-sOutputFile=" + png, ps.toString()).redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();
        BufferedImage page = ImageIO.read(png.toFile());
        assertThat(page.getWidth()).isCloseTo(827, within(1));
        // where the PDF puts the QR code, in pixels at 100 dpi, with 2 mm around it
        double[] qr = SampleReportPdfs.qrBoxFromTop(report);
        double px = 100 / 72.0;
        int margin = (int) Math.round(2 / 25.4 * 100);
        int[] box = darkBox(page, (int) (qr[0] * px) - margin, (int) (qr[1] * px) - margin,
                (int) ((qr[0] + qr[2]) * px) + margin, (int) ((qr[1] + qr[3]) * px) + margin);
        // the same box on the PDF rendered directly, at the same resolution
        BufferedImage direct;
        try (PDDocument doc = org.apache.pdfbox.Loader.loadPDF(report)) {
            direct = new org.apache.pdfbox.rendering.PDFRenderer(doc).renderImageWithDPI(0, 100,
                    org.apache.pdfbox.rendering.ImageType.GRAY);
        }
        int[] expected = darkBox(direct, (int) (qr[0] * px) - margin, (int) (qr[1] * px) - margin,
                (int) ((qr[0] + qr[2]) * px) + margin, (int) ((qr[1] + qr[3]) * px) + margin);
        double mmPerPixel = 25.4 / 100;
        assertThat((box[2] - box[0] + 1) * mmPerPixel).as("printed symbol width (mm)")
                .isCloseTo((expected[2] - expected[0] + 1) * mmPerPixel, within(0.3))
                .isGreaterThan(25.0);
        assertThat((box[3] - box[1] + 1) * mmPerPixel).as("printed symbol height (mm)")
                .isCloseTo((expected[3] - expected[1] + 1) * mmPerPixel, within(0.3));
        assertThat(box[0]).as("left edge not moved").isCloseTo(expected[0], within(1));
        assertThat(box[1]).as("top edge not moved").isCloseTo(expected[1], within(1));
    }

    private static int[] darkBox(BufferedImage img, int x0, int y0, int x1, int y1) {
        int minX = Integer.MAX_VALUE;
        int minY = Integer.MAX_VALUE;
        int maxX = -1;
        int maxY = -1;
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                if ((img.getRGB(x, y) & 0xff) < 192) {
                    minX = Math.min(minX, x);
                    minY = Math.min(minY, y);
                    maxX = Math.max(maxX, x);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        assertThat(maxX).as("dark pixels of the QR code").isPositive();
        return new int[] {minX, minY, maxX, maxY};
    }

    private static byte[] blankPdf(PDRectangle size) throws IOException {
        try (PDDocument doc = new PDDocument(); var out = new java.io.ByteArrayOutputStream()) {
            doc.addPage(new PDPage(size));
            doc.save(out);
            return out.toByteArray();
        }
    }
}
