package cn.cqs.client.api;

import cn.cqs.contract.pki.PemCertificates;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Builds the TLS context the client uses (信任的证书): the JDK's default trusted CAs plus, when
 * configured, the certificates of a private CA from a PEM file, so a server known by IP address
 * with a certificate from that CA is trusted. Certificate and host-name checks always stay on.
 */
public final class TrustStores {
    private TrustStores() {
    }

    /**
     * An SSLContext trusting the JDK's CAs and the CA certificates in {@code extraCaPem}.
     *
     * @throws ApiConfigurationException if the PEM file cannot be read or holds no certificate
     */
    public static SSLContext sslContext(Optional<Path> extraCaPem) {
        try {
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            int i = 0;
            for (X509Certificate jdkCa : jdkDefaultTrustManager().getAcceptedIssuers()) {
                trusted.setCertificateEntry("jdk-" + i++, jdkCa);
            }
            if (extraCaPem.isPresent()) {
                List<X509Certificate> extra = PemCertificates.read(extraCaPem.get());
                int j = 0;
                for (X509Certificate ca : extra) {
                    trusted.setCertificateEntry("configured-" + j++, ca);
                }
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new ApiConfigurationException("cannot use CA certificate file "
                    + extraCaPem.map(Path::toString).orElse("(none)") + ": " + e.getMessage(), e);
        }
    }

    private static X509TrustManager jdkDefaultTrustManager() throws GeneralSecurityException {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init((KeyStore) null);
        for (TrustManager tm : tmf.getTrustManagers()) {
            if (tm instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new GeneralSecurityException("the JDK has no X.509 trust manager");
    }
}
