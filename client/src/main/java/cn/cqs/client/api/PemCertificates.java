package cn.cqs.client.api;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Reads X.509 certificates from a PEM (or DER) file, e.g. a private CA's certificate (根证书). */
public final class PemCertificates {
    private PemCertificates() {
    }

    /**
     * Every certificate in the file.
     *
     * @throws IOException if the file cannot be read
     * @throws CertificateException if it holds no certificate or a malformed one
     */
    public static List<X509Certificate> read(Path file) throws IOException, CertificateException {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        Collection<? extends Certificate> all;
        try (InputStream in = Files.newInputStream(file)) {
            all = factory.generateCertificates(in);
        }
        List<X509Certificate> result = new ArrayList<>();
        for (Certificate c : all) {
            result.add((X509Certificate) c);
        }
        if (result.isEmpty()) {
            throw new CertificateException("no certificate found in " + file);
        }
        return List.copyOf(result);
    }
}
