package cn.cqs.client.batches;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.cqs.client.rendering.ReportPdfRenderer;
import cn.cqs.contract.batches.DosingState;
import cn.cqs.contract.batches.NotificationState;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * The delivery ticket (发货单) and the QR label sheet: every field of the ticket is printed, the QR code
 * decodes to the batch's QR text, and an unconfirmed batch (no serial number) cannot be printed. The
 * PDFs are kept in {@code /work/wt/notes/rmc-shots/} when that folder exists, to look at.
 */
class PlantPrintsTest {
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final String QR = "https://cqs.example.cn/v/B1.eyJrIjoiQkFUQ0giLCJpIjoiOTEzNTAyMDA3NzYwNDk2NTNBIiwibiI6IjIwMjYxMTI0LTc3NjA0OTY1My0wMDAwMTciLCJkIjoiN2Y0YSJ9.MEUCIQ";
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T02:30:00Z"), CHINA);

    static BatchRow batch(String serial, String qr) {
        return new BatchRow(1, "ERP-2026-0917", serial, qr, null, "厦门市翔安区保障性住房二期工程", "中建海峡建设发展有限公司",
                "3#楼 十二层 梁板柱", "A-C30-180(S4)-P8-GB/T 14902", new BigDecimal("86.5"), "PB-C30-01", List.of("L1"),
                Instant.parse("2026-11-24T01:00:00Z"), "HT-2026-XA-0311", LocalDate.of(2026, 11, 24), null, null,
                NotificationState.NOT_DUE, null, null, NotificationState.NOT_DUE, null, null, DosingState.NO_DATA, serial != null);
    }

    final PlantPrints prints = new PlantPrints(ReportPdfRenderer::new, "厦门华信预拌混凝土有限公司", CLOCK, CHINA);

    @Test
    void ticketPrintsEveryFieldAndAQrCodeThatDecodesToTheBatch() throws Exception {
        byte[] pdf = prints.ticket(batch("20261124-776049653-000017", QR), new TicketInput("FH-20261124-0008", "闽D·5K321",
                new BigDecimal("12"), Instant.parse("2026-11-24T02:10:00Z"), "翔安区马巷镇 3#楼东侧"));
        keep("delivery-ticket.pdf", pdf);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("预拌混凝土发货单", "合同编号", "HT-2026-XA-0311", "发货单编号", "FH-20261124-0008",
                    "需方", "中建海峡建设发展有限公司", "供方", "厦门华信预拌混凝土有限公司", "工程名称", "厦门市翔安区保障性住房二期工程",
                    "浇筑部位", "3#楼 十二层 梁板柱", "混凝土标记", "A-C30-180(S4)-P8-GB/T 14902", "本车供货量", "12 m³",
                    "运输车号", "闽D·5K321", "交货地点", "翔安区马巷镇 3#楼东侧", "交货日期", "2026-11-24", "发车时间",
                    "2026-11-24 10:10", "到达时间", "供方发货人", "需方收货人", "20261124-776049653-000017");
            BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, 200);
            assertThat(decode(page)).isEqualTo(QR);
        }
    }

    @Test
    void labelSheetRepeatsTheDecodableCode() throws Exception {
        byte[] pdf = prints.labels(batch("20261124-776049653-000017", QR), 6);
        keep("qr-labels.pdf", pdf);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("第 6 张").doesNotContain("第 7 张");
            BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, 150);
            assertThat(decode(page.getSubimage(0, 0, page.getWidth() / 3, page.getHeight() / 3))).isEqualTo(QR);
        }
    }

    @Test
    void aBatchWithoutSerialNumberIsNotPrinted() {
        assertThatThrownBy(() -> prints.ticket(batch(null, null), new TicketInput("T1", "闽D1", BigDecimal.ONE,
                Instant.now(), "x"))).isInstanceOf(IllegalStateException.class).hasMessageContaining("no serial number");
    }

    /**
     * The text of the QR code in {@code image}, read with ZXing: first its hybrid binarizer with TRY_HARDER
     * alone; when that misses (it can on a pixel-perfect synthetic code), the client's ZXing pipeline
     * ({@link cn.cqs.client.qrimage.QrDecoder}: hybrid, global histogram, inverted).
     */
    static String decode(BufferedImage image) throws Exception {
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
        try {
            return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
        } catch (com.google.zxing.NotFoundException missed) {
            List<String> texts = new cn.cqs.client.qrimage.QrDecoder().decodeTexts(image);
            if (texts.isEmpty()) {
                throw missed;
            }
            return texts.get(0);
        }
    }

    static void keep(String name, byte[] pdf) throws Exception {
        Path dir = Path.of("/work/wt/notes/rmc-shots");
        if (Files.isDirectory(dir)) {
            Files.write(dir.resolve(name), pdf);
        }
    }
}
