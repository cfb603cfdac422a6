package cn.cqs.client.rendering.signing;

import cn.cqs.client.rendering.PrintedBox;
import cn.cqs.contract.pki.OrganisationCredential;
import com.lowagie.text.Document;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.Base64;

/** Test helper: a one-page PDF signed with {@link PdfSigner}, for uploads that do not need the real template. */
public final class SignedTestPdfs {
    private SignedTestPdfs() {
    }

    /** A one-page PDF titled {@code title}, signed by {@code credential} now. */
    public static byte[] signed(OrganisationCredential credential, String title) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4);
        PdfWriter.getInstance(document, out);
        document.open();
        document.add(new Paragraph(title));
        document.close();
        float d = SealPlacement.diameterPoints();
        return new PdfSigner().sign(out.toByteArray(), credential, new PrintedBox(1, 60, 60, d, d), Instant.now());
    }

    /** {@link #signed} as Base64, as {@code ReportUpload.pdfBase64} wants it. */
    public static String signedBase64(OrganisationCredential credential, String title) {
        return Base64.getEncoder().encodeToString(signed(credential, title));
    }
}
