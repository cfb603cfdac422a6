package cn.cqs.server.testing;

import cn.cqs.contract.pki.OrganisationCredential;
import com.lowagie.text.Document;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfDate;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfSignature;
import com.lowagie.text.pdf.PdfSignatureAppearance;
import com.lowagie.text.pdf.PdfStamper;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.time.Instant;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.Map;
import java.util.TimeZone;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Test PDFs: a one-page report PDF, unsigned or signed the way a lab signs (OpenPDF lays out a
 * detached CMS signature, BouncyCastle makes it). Written independently of the client's signer, so
 * the server's validator is checked against a second implementation; it can also sign with a
 * digest the server must refuse.
 */
public final class SignedPdfs {
    private static final int RESERVE = 8192;

    private SignedPdfs() {
    }

    /** An unsigned one-page PDF naming {@code reportNumber}. */
    public static byte[] unsigned(String reportNumber) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4);
        PdfWriter.getInstance(document, out);
        document.addTitle("Report " + reportNumber);
        document.addCreator("CQS test");
        document.open();
        document.add(new Paragraph("Concrete cube compressive strength report " + reportNumber));
        document.close();
        return out.toByteArray();
    }

    /** {@link #unsigned} signed by {@code credential} with SHA-256. */
    public static byte[] signed(String reportNumber, OrganisationCredential credential) {
        return sign(unsigned(reportNumber), credential, "SHA256withECDSA");
    }

    /** Signs {@code pdf} with an invisible detached CMS signature using {@code algorithm} (e.g. SHA1withECDSA). */
    public static byte[] sign(byte[] pdf, OrganisationCredential credential, String algorithm) {
        try {
            PdfReader reader = new PdfReader(pdf);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PdfStamper stamper = PdfStamper.createSignature(reader, out, '\0', null, false);
            Calendar now = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
            now.setTimeInMillis(Instant.now().toEpochMilli());
            PdfSignatureAppearance appearance = stamper.getSignatureAppearance();
            appearance.setSignDate(now);
            PdfSignature dictionary = new PdfSignature(PdfName.ADOBE_PPKLITE, PdfName.ADBE_PKCS7_DETACHED);
            dictionary.setDate(new PdfDate(now));
            appearance.setCryptoDictionary(dictionary);
            Map<PdfName, Integer> reserved = new HashMap<>();
            reserved.put(PdfName.CONTENTS, RESERVE * 2 + 2);
            appearance.preClose(reserved);
            byte[] range;
            try (InputStream in = appearance.getRangeStream()) {
                range = in.readAllBytes();
            }
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                    .build(new JcaContentSignerBuilder(algorithm).build(credential.privateKey()), credential.certificate()));
            generator.addCertificates(new JcaCertStore(credential.chain()));
            byte[] cms = generator.generate(new CMSProcessableByteArray(range), false).toASN1Structure()
                    .getEncoded(ASN1Encoding.DER);
            byte[] padded = new byte[RESERVE];
            System.arraycopy(cms, 0, padded, 0, cms.length);
            PdfDictionary contents = new PdfDictionary();
            contents.put(PdfName.CONTENTS, new PdfString(padded).setHexWriting(true));
            appearance.close(contents);
            return out.toByteArray();
        } catch (Exception e) {
            throw new AssertionError("could not sign the test PDF", e);
        }
    }
}
