package cn.cqs.client.rendering.signing;

import cn.cqs.contract.pki.OrganisationCredential;
import java.io.IOException;
import java.security.cert.CertificateEncodingException;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * The detached CMS signature (RFC 5652 SignedData without the content) a PDF signature of
 * SubFilter {@code adbe.pkcs7.detached} holds: SHA-256 digest, ECDSA with the organisation's P-256
 * key, signed attributes (content type, message digest, signing time, algorithm protection) and
 * the whole certificate chain, so a verifier needs nothing but its trust anchor.
 */
final class DetachedCms {
    /** The JCA name of the signature algorithm. */
    static final String SIGNATURE_ALGORITHM = "SHA256withECDSA";

    private DetachedCms() {
    }

    /** Signs {@code content} (the PDF's byte range) and returns the DER-encoded ContentInfo. */
    static byte[] sign(byte[] content, OrganisationCredential credential, Instant signingTime) {
        try {
            ContentSigner signer = new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).build(credential.privateKey());
            AttributeTable fixed = new AttributeTable(new Attribute(CMSAttributes.signingTime,
                    new DERSet(new Time(Date.from(signingTime)))));
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                    .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(fixed))
                    .build(signer, credential.certificate()));
            generator.addCertificates(new JcaCertStore(credential.chain()));
            CMSSignedData signed = generator.generate(new CMSProcessableByteArray(content), false);
            return signed.toASN1Structure().getEncoded(ASN1Encoding.DER);
        } catch (OperatorCreationException | CMSException | CertificateEncodingException e) {
            throw new PdfSigningException("The organisation's key could not make the PDF signature: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new PdfSigningException("The PDF signature could not be encoded: " + e.getMessage(), e);
        }
    }
}
