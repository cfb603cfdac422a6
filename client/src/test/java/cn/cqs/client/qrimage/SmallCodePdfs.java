package cn.cqs.client.qrimage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/** Test fixture: an A4 page whose code plain ZXing cannot read at {@link PdfPageImages#DEFAULT_DPI}. */
public final class SmallCodePdfs {

    /** A verification URL of a real token's length: version 12 at level Q, 65 modules plus the quiet zone. */
    public static final String LONG = "https://cqs.example.cn/v/AQEAqIpNn5xyAq9MvIEPMjAyNi1ITlQtMDAwMDAxlZpsdZxCnbn5R9_5uY4MAWmk7yAE14"
            + "_OZV0LAFZ36uLPE3OH2XQr2dv_UWsec2yIPkUp-W1RdlZNA0NoaoFZIjBQvVxcRkMPKdwWYV9_8BFTLFAmMc5B6X-N154";
    /** 56 pt (19.8 mm) for 73 modules: 2.1 px per module at 200 dpi. */
    public static final float SMALL_SIDE_PT = 56;

    private SmallCodePdfs() {
    }

    /** One A4 page with {@link #LONG} printed {@link #SMALL_SIDE_PT} wide near its bottom-right corner. */
    public static byte[] page() throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            PDImageXObject code = LosslessFactory.createFromImage(doc, QrCodes.encode(LONG, 8).image());
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.drawImage(code, 400, 60, SMALL_SIDE_PT, SMALL_SIDE_PT);
            }
            doc.save(out);
            return out.toByteArray();
        }
    }
}
