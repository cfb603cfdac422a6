package cn.cqs.contract.pki;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;

/**
 * Reads and writes X.509 certificates as PEM text ({@code -----BEGIN CERTIFICATE-----}), the form
 * in which the server publishes the platform CA and issuer certificates and clients cache them.
 */
public final class PemCertificates {

    private PemCertificates() {
    }

    /** One or more certificates as concatenated PEM blocks. */
    public static String toPem(Collection<X509Certificate> certificates) {
        Objects.requireNonNull(certificates, "certificates");
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            for (X509Certificate certificate : certificates) {
                writer.writeObject(Objects.requireNonNull(certificate, "certificate"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write PEM to memory", e);
        }
        return out.toString();
    }

    /** One certificate as a PEM block. */
    public static String toPem(X509Certificate certificate) {
        return toPem(List.of(certificate));
    }

    /**
     * Every certificate in {@code pem}, in order.
     *
     * @throws CertificateException when the text holds no certificate, a PEM object that is not a
     *     certificate, or a damaged block
     */
    public static List<X509Certificate> fromPem(String pem) throws CertificateException {
        Objects.requireNonNull(pem, "pem");
        List<X509Certificate> certificates = new ArrayList<>();
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            Object object;
            while ((object = parser.readObject()) != null) {
                if (!(object instanceof X509CertificateHolder holder)) {
                    throw new CertificateException("PEM: expected CERTIFICATE blocks only, found "
                            + object.getClass().getSimpleName());
                }
                certificates.add(converter.getCertificate(holder));
            }
        } catch (IOException e) {
            throw new CertificateException("PEM: damaged certificate block: " + e.getMessage(), e);
        }
        if (certificates.isEmpty()) {
            throw new CertificateException("PEM: no certificate found");
        }
        return List.copyOf(certificates);
    }

    /** Writes {@code certificates} to {@code file} as UTF-8 PEM, replacing it. */
    public static void write(Path file, Collection<X509Certificate> certificates) throws IOException {
        Files.writeString(file, toPem(certificates), StandardCharsets.UTF_8);
    }

    /** Reads every certificate in a PEM file. */
    public static List<X509Certificate> read(Path file) throws IOException, CertificateException {
        return fromPem(Files.readString(file, StandardCharsets.US_ASCII));
    }
}
