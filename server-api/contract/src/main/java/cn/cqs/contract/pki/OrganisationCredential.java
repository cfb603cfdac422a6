package cn.cqs.contract.pki;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.x500.X500Name;

/**
 * An organisation's signing credential: its private key and its certificate chain (the
 * organisation's certificate first, then the platform CA). A lab's client holds this in a
 * password-protected PKCS#12 file ({@link Pkcs12Keystores}) and signs QR tokens and PDFs offline.
 *
 * @param privateKey the organisation's P-256 private key
 * @param chain      the organisation's certificate, then its issuing CA(s); never empty
 */
public record OrganisationCredential(PrivateKey privateKey, List<X509Certificate> chain) {

    public OrganisationCredential {
        Objects.requireNonNull(privateKey, "privateKey");
        if (chain == null || chain.isEmpty()) {
            throw new IllegalArgumentException("chain: at least the organisation's certificate is required");
        }
        chain = List.copyOf(chain);
        if (!EcKeys.isP256(chain.get(0).getPublicKey())) {
            throw new IllegalArgumentException("chain: the organisation's certificate must hold a P-256 key");
        }
        if (!"EC".equals(privateKey.getAlgorithm())) {
            throw new IllegalArgumentException("privateKey: must be an EC key, got " + privateKey.getAlgorithm());
        }
    }

    /** The organisation's own (end-entity) certificate. */
    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** The key id of the organisation's certificate. */
    public KeyId keyId() {
        return KeyId.of(certificate());
    }

    /** The organisation named in the certificate subject. */
    public OrganisationIdentity identity() {
        return OrganisationIdentity.fromX500Name(X500Name.getInstance(
                certificate().getSubjectX500Principal().getEncoded()));
    }
}
