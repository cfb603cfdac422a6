package cn.cqs.contract.pki;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * 平台 CA (the platform certificate authority): a P-256 key with a self-signed X.509 v3 certificate
 * that issues the organisations' signing certificates. Only the platform operator holds the CA's
 * private key; clients and servers only ever need its certificate (as a trust anchor in a
 * {@link TrustRegistry}).
 *
 * <p>Certificates are signed with SHA256withECDSA. The CA certificate carries
 * basicConstraints CA (path length 0, critical) and keyUsage keyCertSign + cRLSign (critical); an
 * organisation certificate is an end entity (basicConstraints cA=false, critical) with keyUsage
 * digitalSignature + nonRepudiation (critical), plus subject and authority key identifiers.
 */
public final class CertificateAuthority {
    private static final String SIGNATURE_ALGORITHM = "SHA256withECDSA";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PrivateKey privateKey;
    private final X509Certificate certificate;

    /**
     * A CA from an existing key and certificate (e.g. loaded from the operator's PKCS#12 file).
     *
     * @throws IllegalArgumentException when the certificate is not a CA certificate for a P-256 key
     */
    public CertificateAuthority(PrivateKey privateKey, X509Certificate certificate) {
        this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
        this.certificate = Objects.requireNonNull(certificate, "certificate");
        if (certificate.getBasicConstraints() < 0) {
            throw new IllegalArgumentException("certificate: not a CA certificate (basicConstraints cA is not set)");
        }
        if (!EcKeys.isP256(certificate.getPublicKey())) {
            throw new IllegalArgumentException("certificate: the CA key must be P-256");
        }
    }

    /**
     * Creates a new platform CA with a fresh P-256 key.
     *
     * @param commonName   the CA's common name, e.g. "Platform CA"
     * @param organisation the operator's name, e.g. "福建省住房和城乡建设厅"
     * @param notBefore    start of validity
     * @param notAfter     end of validity, after {@code notBefore}
     */
    public static CertificateAuthority createPlatformCa(String commonName, String organisation,
                                                        Instant notBefore, Instant notAfter) {
        requireText(commonName, "commonName");
        requireText(organisation, "organisation");
        requireValidity(notBefore, notAfter);
        KeyPair keys = EcKeys.generateP256();
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "CN")
                .addRDN(BCStyle.O, organisation.strip())
                .addRDN(BCStyle.CN, commonName.strip())
                .build();
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, newSerial(),
                    Date.from(notBefore), Date.from(notAfter), subject, keys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true,
                            new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            utils.createSubjectKeyIdentifier(keys.getPublic()));
            return new CertificateAuthority(keys.getPrivate(), sign(builder, keys.getPrivate()));
        } catch (CertIOException | java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot build the platform CA certificate", e);
        }
    }

    /**
     * Issues an organisation's end-entity certificate for {@code publicKey}.
     *
     * @param publicKey    the organisation's P-256 public key (its private key never leaves it)
     * @param organisation whom the certificate is for
     * @param notBefore    start of validity
     * @param notAfter     end of validity, after {@code notBefore}
     */
    public X509Certificate issueOrganisationCertificate(PublicKey publicKey, OrganisationIdentity organisation,
                                                        Instant notBefore, Instant notAfter) {
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(organisation, "organisation");
        requireValidity(notBefore, notAfter);
        if (!EcKeys.isP256(publicKey)) {
            throw new IllegalArgumentException("publicKey: must be a P-256 EC key");
        }
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                    X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()), newSerial(),
                    Date.from(notBefore), Date.from(notAfter), organisation.toX500Name(), publicKey)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true,
                            new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            utils.createSubjectKeyIdentifier(publicKey))
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            utils.createAuthorityKeyIdentifier(certificate));
            return sign(builder, privateKey);
        } catch (CertIOException | java.security.NoSuchAlgorithmException
                 | java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException("Cannot build the certificate for " + organisation.uscc(), e);
        }
    }

    /**
     * Generates a key pair for an organisation and issues its certificate: the credential to put in
     * the organisation's PKCS#12 file. (In production the organisation may instead generate the key
     * itself and send only the public key.)
     */
    public OrganisationCredential issueOrganisationCredential(OrganisationIdentity organisation,
                                                              Instant notBefore, Instant notAfter) {
        KeyPair keys = EcKeys.generateP256();
        X509Certificate issued = issueOrganisationCertificate(keys.getPublic(), organisation, notBefore, notAfter);
        return new OrganisationCredential(keys.getPrivate(), List.of(issued, certificate));
    }

    /** The CA's self-signed certificate: the trust anchor to distribute. */
    public X509Certificate certificate() {
        return certificate;
    }

    /** The CA's private key, e.g. to save it in the operator's PKCS#12 file. */
    public PrivateKey privateKey() {
        return privateKey;
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey key) {
        try {
            ContentSigner signer = new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).build(key);
            X509CertificateHolder holder = builder.build(signer);
            return new JcaX509CertificateConverter().getCertificate(holder);
        } catch (OperatorCreationException | CertificateException e) {
            throw new IllegalStateException("Cannot sign a certificate with " + SIGNATURE_ALGORITHM, e);
        }
    }

    /** A positive random serial number of at most 16 bytes (RFC 5280 allows up to 20). */
    private static BigInteger newSerial() {
        return new BigInteger(127, RANDOM).add(BigInteger.ONE);
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + ": is required");
        }
    }

    private static void requireValidity(Instant notBefore, Instant notAfter) {
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(notAfter, "notAfter");
        if (!notAfter.isAfter(notBefore)) {
            throw new IllegalArgumentException("notAfter: must be after notBefore (" + notBefore + ")");
        }
    }
}
