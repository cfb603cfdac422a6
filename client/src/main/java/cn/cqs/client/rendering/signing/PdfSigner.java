package cn.cqs.client.rendering.signing;

import cn.cqs.client.rendering.PrintedBox;
import cn.cqs.contract.pki.OrganisationCredential;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfDate;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfSignature;
import com.lowagie.text.pdf.PdfSignatureAppearance;
import com.lowagie.text.pdf.PdfStamper;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfTemplate;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TimeZone;

/**
 * Signs a PDF with the organisation's credential: one signature field showing the organisation's
 * {@link TestingSeal}, and a detached CMS signature ({@code adbe.pkcs7.detached}, SHA-256, ECDSA
 * P-256, the certificate chain embedded, the signing time signed) over the whole file except the
 * signature value itself. OpenPDF lays out the signature ({@link PdfStamper#createSignature}),
 * BouncyCastle makes the CMS container ({@link DetachedCms}); OpenPDF's own {@code WINCER_SIGNED}
 * route is not used because it digests with SHA-1.
 *
 * <p>The signed PDF is the final document: any later change to it (even an incremental update)
 * makes the server refuse it. Thread-safe and stateless.
 */
public final class PdfSigner {
    /** The name of the signature field. */
    public static final String FIELD_NAME = "TestingSeal";
    /** Bytes reserved for the CMS container (the chain of two certificates needs about 1.5 KB). */
    public static final int SIGNATURE_RESERVE_BYTES = 16 * 1024;
    /** The signature's reason, shown by PDF viewers. */
    public static final String REASON = "检测专用章 Testing seal";

    /**
     * Returns {@code pdf} signed by {@code credential}, the seal drawn in {@code sealBox}.
     *
     * @param signingTime the time signed into the CMS container and the signature dictionary (the issue time)
     * @throws PdfSigningException when the PDF cannot be read or signed
     */
    public byte[] sign(byte[] pdf, OrganisationCredential credential, PrintedBox sealBox, Instant signingTime) {
        Objects.requireNonNull(pdf, "pdf");
        Objects.requireNonNull(credential, "credential");
        Objects.requireNonNull(sealBox, "sealBox");
        Objects.requireNonNull(signingTime, "signingTime");
        String organisation = credential.identity().name();
        try {
            PdfReader reader = new PdfReader(pdf);
            if (sealBox.page() > reader.getNumberOfPages()) {
                throw new PdfSigningException("The seal is meant for page " + sealBox.page() + " but the PDF has "
                        + reader.getNumberOfPages());
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + SIGNATURE_RESERVE_BYTES * 2 + 64 * 1024);
            PdfStamper stamper = PdfStamper.createSignature(reader, out, '\0', null, false);
            Calendar when = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
            when.setTimeInMillis(signingTime.toEpochMilli());

            PdfSignatureAppearance appearance = stamper.getSignatureAppearance();
            appearance.setAcro6Layers(true);
            appearance.setSignDate(when);
            appearance.setReason(REASON);
            appearance.setVisibleSignature(new Rectangle(sealBox.x(), sealBox.y(), sealBox.right(), sealBox.top()),
                    sealBox.page(), FIELD_NAME);
            PdfTemplate face = appearance.getLayer(2);
            new TestingSeal(organisation).draw(face, 0, 0, Math.min(sealBox.width(), sealBox.height()));

            PdfSignature dictionary = new PdfSignature(PdfName.ADOBE_PPKLITE, PdfName.ADBE_PKCS7_DETACHED);
            dictionary.setName(organisation);
            dictionary.setReason(REASON);
            dictionary.setDate(new PdfDate(when));
            appearance.setCryptoDictionary(dictionary);

            Map<PdfName, Integer> reserved = new HashMap<>();
            reserved.put(PdfName.CONTENTS, SIGNATURE_RESERVE_BYTES * 2 + 2);
            appearance.preClose(reserved);

            byte[] signedRange;
            try (InputStream range = appearance.getRangeStream()) {
                signedRange = range.readAllBytes();
            }
            byte[] cms = DetachedCms.sign(signedRange, credential, signingTime);
            if (cms.length > SIGNATURE_RESERVE_BYTES) {
                throw new PdfSigningException("The signature (" + cms.length + " bytes) does not fit the "
                        + SIGNATURE_RESERVE_BYTES + " bytes reserved for it");
            }
            byte[] padded = new byte[SIGNATURE_RESERVE_BYTES];
            System.arraycopy(cms, 0, padded, 0, cms.length);
            PdfDictionary contents = new PdfDictionary();
            contents.put(PdfName.CONTENTS, new PdfString(padded).setHexWriting(true));
            appearance.close(contents);
            return out.toByteArray();
        } catch (IOException | DocumentException e) {
            throw new PdfSigningException("The PDF could not be signed: " + e.getMessage(), e);
        }
    }
}
