package cn.cqs.server.pki;

import cn.cqs.contract.pki.PemCertificates;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * 平台 CA 信任锚: the platform CA certificates this server trusts, fixed at start-up: those in the
 * PEM file {@code CQS_CA_CERT} names, plus the demo CA in demo mode. More than one during a CA
 * rollover. Only self-signed CA certificates are accepted.
 */
public final class PlatformTrust {
    private final List<X509Certificate> caCertificates;

    public PlatformTrust(Collection<X509Certificate> caCertificates) {
        List<X509Certificate> list = new ArrayList<>();
        for (X509Certificate ca : caCertificates) {
            Objects.requireNonNull(ca, "caCertificate");
            if (ca.getBasicConstraints() < 0) {
                throw new IllegalArgumentException("CA certificate " + ca.getSubjectX500Principal()
                        + " is not a CA certificate (basicConstraints cA is not set)");
            }
            if (!ca.getSubjectX500Principal().equals(ca.getIssuerX500Principal())) {
                throw new IllegalArgumentException("CA certificate " + ca.getSubjectX500Principal()
                        + " is not self-signed; configure the platform root");
            }
            if (!list.contains(ca)) {
                list.add(ca);
            }
        }
        this.caCertificates = List.copyOf(list);
    }

    /** Reads the CA certificates of a PEM file (the {@code CQS_CA_CERT} setting). */
    public static List<X509Certificate> readPemFile(Path file) {
        try {
            return PemCertificates.read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("CQS_CA_CERT: cannot read " + file, e);
        } catch (CertificateException e) {
            throw new IllegalArgumentException("CQS_CA_CERT: " + file + " holds no readable certificate: "
                    + e.getMessage(), e);
        }
    }

    public List<X509Certificate> caCertificates() {
        return caCertificates;
    }

    public String toPem() {
        return caCertificates.isEmpty() ? "" : PemCertificates.toPem(caCertificates);
    }
}
