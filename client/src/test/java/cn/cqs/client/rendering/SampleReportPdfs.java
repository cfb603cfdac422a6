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

    /** The side of the printed QR code in PDF points. */
    public static double qrSidePoints() {
        return new ReportPdfRenderer().qrPrintedSidePoints();
    }
}
