package cn.cqs.server.reports.pdf;

import cn.cqs.contract.pki.IssuerCertification;
import cn.cqs.contract.pki.KeyId;
import cn.cqs.contract.pki.OrganisationIdentity;
import cn.cqs.contract.pki.TrustRegistry;
import cn.cqs.server.blobs.BlobStore;
import java.io.IOException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;

/**
 * 报告PDF签章核验: checks that an uploaded report PDF carries the uploading organisation's valid
 * digital seal, before the server stores it. A PDF is accepted when all of these hold:
 * <ol>
 *   <li>it parses as a PDF;</li>
 *   <li>it has exactly one signature, of SubFilter {@code adbe.pkcs7.detached};</li>
 *   <li>the signature covers the whole file: its byte range starts at 0, ends at the end of the
 *       file, and leaves out only the signature value itself (no incremental update after
 *       signing);</li>
 *   <li>the CMS container holds one signer, digest SHA-256, whose signature verifies over the
 *       byte range (BouncyCastle), so not one byte was changed after signing;</li>
 *   <li>the signing certificate is registered with the platform for the uploading organisation
 *       (its USCC), is not revoked and chains to the platform CA ({@link IssuerCertification} at
 *       the report's issue time).</li>
 * </ol>
 * Stateless apart from the trust registry; thread-safe.
 */
public final class SignedPdfValidator {
    /** The only SubFilter accepted. */
    public static final String SUB_FILTER = "adbe.pkcs7.detached";
    private final TrustRegistry trust;

    public SignedPdfValidator(TrustRegistry trust) {
        this.trust = Objects.requireNonNull(trust, "trust");
    }

    /**
     * Validates {@code pdf} as signed by the organisation with USCC {@code uploaderUscc}.
     *
     * @param issuedAt the time the certificate must have been valid at (the report's issue time)
     * @throws PdfRejectedException with the reason when it is not acceptable
     */
    public ValidatedPdf validate(byte[] pdf, String uploaderUscc, Instant issuedAt) throws PdfRejectedException {
        Objects.requireNonNull(pdf, "pdf");
        Objects.requireNonNull(issuedAt, "issuedAt");
        PDSignature signature;
        byte[] contents;
        byte[] signedContent;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<PDSignature> signatures = document.getSignatureDictionaries();
            if (signatures.isEmpty()) {
                throw new PdfRejectedException("unsigned", "The PDF is not signed; sign it with your organisation's "
                        + "certificate (检测专用章) before uploading");
            }
            if (signatures.size() > 1) {
                throw new PdfRejectedException("several_signatures", "The PDF has " + signatures.size()
                        + " signatures; a report PDF carries exactly one, your organisation's");
            }
            signature = signatures.get(0);
            if (!SUB_FILTER.equals(signature.getSubFilter())) {
                throw new PdfRejectedException("wrong_signature_format", "The PDF signature is of type "
                        + signature.getSubFilter() + "; only " + SUB_FILTER + " (detached CMS) is accepted");
            }
            checkCoversWholeFile(signature.getByteRange(), pdf);
            contents = signature.getContents(pdf);
            signedContent = signature.getSignedContent(pdf);
        } catch (IOException e) {
            throw new PdfRejectedException("not_a_pdf", "The file is not a readable PDF: " + e.getMessage(), e);
        }
        return checkCms(contents, signedContent, pdf, uploaderUscc, issuedAt);
    }

    private static void checkCoversWholeFile(int[] range, byte[] pdf) throws PdfRejectedException {
        if (range == null || range.length != 4) {
            throw new PdfRejectedException("not_whole_document", "The PDF signature has no proper byte range");
        }
        long start = range[0];
        long firstLength = range[1];
        long secondStart = range[2];
        long secondLength = range[3];
        if (start != 0 || firstLength <= 0 || secondStart <= firstLength || secondLength < 0) {
            throw new PdfRejectedException("not_whole_document", "The PDF signature's byte range "
                    + Arrays.toString(range) + " does not start at the beginning of the file");
        }
        if (secondStart + secondLength != pdf.length) {
            throw new PdfRejectedException("not_whole_document", "The PDF signature covers " + (secondStart + secondLength)
                    + " of " + pdf.length + " bytes: the file was changed after it was signed (incremental update)");
        }
        // what is left out must be exactly the hex string holding the signature value
        if (pdf[(int) firstLength] != '<' || pdf[(int) secondStart - 1] != '>') {
            throw new PdfRejectedException("not_whole_document",
                    "The PDF signature's byte range leaves out more than the signature value");
        }
        for (int i = (int) firstLength + 1; i < secondStart - 1; i++) {
            if (Character.digit(pdf[i], 16) < 0) {
                throw new PdfRejectedException("not_whole_document",
                        "The PDF signature's byte range leaves out more than the signature value");
            }
        }
    }

    private ValidatedPdf checkCms(byte[] contents, byte[] signedContent, byte[] pdf, String uploaderUscc,
                                  Instant issuedAt) throws PdfRejectedException {
        CMSSignedData cms;
        // the value is padded with zeros to the reserved size: read the one DER object at its start
        try (ASN1InputStream in = new ASN1InputStream(contents)) {
            ASN1Primitive object = in.readObject();
            if (object == null) {
                throw new PdfRejectedException("signature_invalid", "The PDF signature value is empty");
            }
            cms = new CMSSignedData(new CMSProcessableByteArray(signedContent), ContentInfo.getInstance(object));
        } catch (IOException | CMSException | RuntimeException e) {
            throw new PdfRejectedException("signature_invalid", "The PDF signature value is not a CMS signature: "
                    + e.getMessage(), e);
        }
        Collection<SignerInformation> signers = cms.getSignerInfos().getSigners();
        if (signers.size() != 1) {
            throw new PdfRejectedException("signature_invalid", "The PDF signature has " + signers.size()
                    + " signers; exactly one is required");
        }
        SignerInformation signer = signers.iterator().next();
        if (!NISTObjectIdentifiers.id_sha256.getId().equals(signer.getDigestAlgOID())) {
            throw new PdfRejectedException("digest_algorithm", "The PDF signature uses digest " + signer.getDigestAlgOID()
                    + "; only SHA-256 (" + NISTObjectIdentifiers.id_sha256.getId() + ") is accepted");
        }
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> matching = cms.getCertificates().getMatches(signer.getSID());
        if (matching.size() != 1) {
            throw new PdfRejectedException("signer_certificate_missing",
                    "The PDF signature does not carry its signing certificate");
        }
        X509Certificate certificate;
        try {
            certificate = new JcaX509CertificateConverter().getCertificate(matching.iterator().next());
        } catch (CertificateException e) {
            throw new PdfRejectedException("signer_certificate_missing", "The PDF's signing certificate cannot be read: "
                    + e.getMessage(), e);
        }
        try {
            if (!signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate))) {
                throw new PdfRejectedException("signature_invalid", "The PDF signature does not verify: the PDF was "
                        + "changed after it was signed, or signed with another key");
            }
        } catch (CMSException e) {
            throw new PdfRejectedException("signature_invalid", "The PDF signature does not verify: the PDF was "
                    + "changed after it was signed, or signed with another key (" + e.getMessage() + ")", e);
        } catch (OperatorCreationException e) {
            throw new PdfRejectedException("signature_invalid", "The PDF signature's algorithm is not supported: "
                    + e.getMessage(), e);
        }
        KeyId keyId = KeyId.of(certificate);
        checkSigner(certificate, keyId, uploaderUscc, issuedAt);
        return new ValidatedPdf(BlobStore.keyOf(pdf), pdf.length, keyId, signingTime(signer));
    }

    private void checkSigner(X509Certificate certificate, KeyId keyId, String uploaderUscc, Instant issuedAt)
            throws PdfRejectedException {
        String who = certificate.getSubjectX500Principal().getName();
        OrganisationIdentity identity;
        try {
            identity = OrganisationIdentity.fromX500Name(X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()));
        } catch (RuntimeException e) {
            throw new PdfRejectedException("signer_mismatch", "The PDF was signed by " + who
                    + ", which is not an organisation certificate of this platform", e);
        }
        if (uploaderUscc == null || !uploaderUscc.equals(identity.uscc())) {
            throw new PdfRejectedException("signer_mismatch", "The PDF was signed by " + identity.name() + " ("
                    + identity.uscc() + "), not by your organisation");
        }
        Optional<X509Certificate> registered = trust.issuerCertificate(keyId);
        if (registered.isEmpty() || !sameEncoding(registered.get(), certificate)) {
            throw new PdfRejectedException("signer_unknown", "The PDF was signed with a certificate (key id "
                    + keyId.hex() + ") the platform has not registered for your organisation");
        }
        IssuerCertification.Result result = IssuerCertification.check(trust, certificate, issuedAt);
        if (!result.certified()) {
            String code = result.reason() == IssuerCertification.Reason.REVOKED ? "signer_revoked" : "signer_not_certified";
            throw new PdfRejectedException(code, "The PDF's signing certificate is not acceptable: " + result.message());
        }
    }

    private static boolean sameEncoding(X509Certificate a, X509Certificate b) {
        try {
            return Arrays.equals(a.getEncoded(), b.getEncoded());
        } catch (CertificateEncodingException e) {
            return false;
        }
    }

    private static Instant signingTime(SignerInformation signer) {
        AttributeTable attributes = signer.getSignedAttributes();
        Attribute attribute = attributes == null ? null : attributes.get(CMSAttributes.signingTime);
        if (attribute == null || attribute.getAttrValues().size() != 1) {
            return null;
        }
        ASN1Encodable value = attribute.getAttrValues().getObjectAt(0);
        return Time.getInstance(value).getDate().toInstant();
    }
}
