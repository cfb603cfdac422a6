package cn.cqs.client.rendering;

/** A real rendered cube report PDF (JasperReports, with its QR code), for tests in other packages. */
public final class SampleReportPdfs {
    private SampleReportPdfs() {
    }

    /** A freshly rendered report (unsigned), one A4 page with the QR code at its printed size. */
    public static byte[] render() {
        return new ReportPdfRenderer().render(ReportPdfRendererTest.sample("厦门市翔安区保障性住房二期工程",
                "https://verify.cqs.example.cn/v/r1.AbCdEfGhIjKlMnOpQrStUvWxYz0123456789"));
    }

    /**
     * Where the QR code image sits on page 1 of {@code pdf}: {x, y from the page's top, width, height}
     * in PDF points.
     */
    public static double[] qrBoxFromTop(byte[] pdf) throws java.io.IOException {
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            var page = doc.getPage(0);
            var images = PdfImagePlacements.of(page);
            if (images.size() != 1) {
                throw new IllegalStateException("expected the QR code as the one image, found " + images.size());
            }
            var qr = images.get(0);
            float pageHeight = page.getMediaBox().getHeight();
            return new double[] {qr.xPt(), pageHeight - qr.yPt() - qr.heightPt(), qr.widthPt(), qr.heightPt()};
        }
    }

    /** The side of the printed QR code in PDF points. */
    public static double qrSidePoints() {
        return new ReportPdfRenderer().qrPrintedSidePoints();
    }
}
