package cn.cqs.client.bench;

import cn.cqs.client.qrimage.LumaImage;
import cn.cqs.client.qrimage.PdfPageImages;
import cn.cqs.client.qrimage.QrBitmap;
import cn.cqs.client.qrimage.QrCodes;
import cn.cqs.client.rendering.CubeReportPrint;
import cn.cqs.client.rendering.PrintedBox;
import cn.cqs.client.rendering.RenderedReport;
import cn.cqs.client.rendering.ReportPdfRenderer;
import cn.cqs.client.rendering.SpecimenRow;
import cn.cqs.client.rendering.Witness;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.Encoder;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The pages the desk benchmark photographs: a real concrete cube report rendered by the client's
 * {@link ReportPdfRenderer} with a really signed QR token ({@link #PAYLOAD}: a URL of about 200
 * characters, version 12, level Q), rasterised by PDFBox, and the same page with a foreign code (a WeChat article
 * link, as people have on their desks) printed beside the system's.
 */
public final class DeskPages {

    /**
     * The report's QR payload: a verification URL with a token signed by {@code TokenSigner} for a
     * benchmark lab credential (report JC-HNT-2026-000128; 193 characters, version 12 at level Q).
     * Kept as a constant because ECDSA signatures are randomised: signing anew on every run would
     * change the code's pattern, and the frame set would no longer be the same from run to run.
     */
    public static final String PAYLOAD = "https://cqs.fjjs.gov.cn/v/AQEAqIpNn5xyAq9MvIESSkMtSE5ULTIwMjYtMDAwMTI40Kf3y2x0"
            + "qx-fyW7Z9cBvWWr__gBb7pwS4RRzsKJT4VrLU_nwQZEuc0l1nsifHzuVxRM8eKEyv7A05WK9RYXNT6lh6jXWooXtPnKA_GBs-EQem7PeQWeqSicK01U";
    /** The foreign code put beside the report's on two-code frames. */
    public static final String FOREIGN_TEXT = "https://mp.weixin.qq.com/s/Zk3vQ9xLm2Hc7Rt1Yb5NwA?scene=1&from=desk";
    /** Rendering resolution of the page: the code's modules come out about 10 px wide. */
    public static final int PAGE_DPI = 500;

    private static final String LAB = "福建省建设工程质量检测中心有限公司";

    private DeskPages() {
    }

    /** The report page (no foreign code). Takes a few seconds (template fill, PDF render). */
    public static DeskPage reportPage() {
        String payload = PAYLOAD;
        ReportPdfRenderer renderer = new ReportPdfRenderer();
        RenderedReport rendered = renderer.renderLaidOut(print(payload));
        BufferedImage image;
        try (PdfPageImages pages = PdfPageImages.open(rendered.pdf(), "desk benchmark report")) {
            image = pages.render(rendered.qrCode().page() - 1, PAGE_DPI);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LumaImage full = LumaImage.of(image);
        PrintedBox box = rendered.qrCode();
        double pxPerPoint = PAGE_DPI / 72.0;
        int symbol = 17 + 4 * version(payload);
        int total = symbol + 2 * QrCodes.QUIET_ZONE_MODULES;
        double cx = (box.x() + box.width() / 2) * pxPerPoint;
        double cy = (rendered.pageHeight() - box.y() - box.height() / 2) * pxPerPoint;
        double modulePx = box.width() * pxPerPoint / total;
        return new DeskPage(DeskPage.pyramid(full), cx, cy, modulePx, symbol, payload, Double.NaN, Double.NaN, 0, null);
    }

    /** {@code page} with {@link #FOREIGN_TEXT} printed to the left of (or above) its code. */
    public static DeskPage withForeignCode(DeskPage page) {
        LumaImage full = page.full();
        byte[] pixels = full.pixels().clone();
        int module = (int) Math.round(page.modulePx() * 1.2);
        QrBitmap foreign = QrCodes.encode(FOREIGN_TEXT, Math.max(1, module));
        int side = foreign.sidePx();
        double gap = page.symbolSidePx() * 0.25;
        double fx = page.codeCenterX() - page.symbolSidePx() / 2 - gap - side / 2.0;
        double fy = page.codeCenterY();
        if (fx - side / 2.0 < 0) {
            fx = page.codeCenterX();
            fy = page.codeCenterY() - page.symbolSidePx() / 2 - gap - side / 2.0;
        }
        int left = (int) Math.round(fx - side / 2.0);
        int top = (int) Math.round(fy - side / 2.0);
        BufferedImage image = foreign.image();
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                int px = left + x;
                int py = top + y;
                if (px >= 0 && py >= 0 && px < full.width() && py < full.height()) {
                    pixels[py * full.width() + px] = (byte) ((image.getRGB(x, y) & 0xFF) < 128 ? 0 : 255);
                }
            }
        }
        LumaImage withForeign = new LumaImage(full.width(), full.height(), pixels);
        return new DeskPage(DeskPage.pyramid(withForeign), page.codeCenterX(), page.codeCenterY(), page.modulePx(),
                page.symbolModules(), page.text(), fx, fy, (double) foreign.symbolModules() * module, FOREIGN_TEXT);
    }

    private static CubeReportPrint print(String payload) {
        return new CubeReportPrint(
                LAB, "JC-HNT-2026-000128", "WT-2026-03561", "福州市仓山区城门镇下洋村安置房及配套基础设施建设工程（一期）",
                "3#楼 十二层 剪力墙、梁、板", "混凝土立方体试件", "YP-2026-0815-07", "120 m³", "C30",
                "150×150×150 mm", "2026-10-22", "2026-11-19", "28 d", "GB/T 50081-2019《混凝土物理力学性能试验方法标准》",
                List.of(new SpecimenRow("1", "815.6", "36.2"), new SpecimenRow("2", "842.3", "37.4"),
                        new SpecimenRow("3", "798.0", "35.5")),
                "平均值 Mean", "36.4", "1.00", "121%",
                "该组试件抗压强度代表值为 36.4 MPa，达到设计强度等级 C30 的 121%。",
                new Witness("林建国", "JZ-35-2023-00412", "福州市某某建设监理有限公司"),
                "陈晓明", "王磊", "李娜", "张伟", "2026-11-20", payload);
    }

    /** QR version ZXing's encoder picks for {@code payload} at level Q. */
    static int version(String payload) {
        try {
            return Encoder.encode(payload, ErrorCorrectionLevel.Q, Map.of(com.google.zxing.EncodeHintType.CHARACTER_SET,
                    "UTF-8")).getVersion().getVersionNumber();
        } catch (com.google.zxing.WriterException e) {
            throw new IllegalStateException(e);
        }
    }
}
