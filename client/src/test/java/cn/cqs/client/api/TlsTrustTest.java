package cn.cqs.client.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An HTTPS server known by IP address (127.0.0.1) with a certificate from a private CA generated
 * here: trusted only when that CA is configured, and refused when the certificate does not name
 * the IP address. Certificate checks are never turned off.
 */
class TlsTrustTest {
    static KeyPair caKeys;
    static X509Certificate caCert;

    @TempDir
    Path dir;
    HttpsServer server;

    @BeforeAll
    static void makeCa() throws Exception {
        caKeys = ecKeys();
        X500Name name = new X500Name("CN=CQS Test Private CA");
        var builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(1),
                Date.from(Instant.now().minus(Duration.ofDays(1))), Date.from(Instant.now().plus(Duration.ofDays(30))),
                name, caKeys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        caCert = new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(caKeys.getPrivate())));
    }

    static KeyPair ecKeys() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(256);
        return g.generateKeyPair();
    }

    /** Starts an HTTPS server on 127.0.0.1 whose certificate's subjectAltName is {@code san}. */
    URI startServer(GeneralName san) throws Exception {
        KeyPair keys = ecKeys();
        var builder = new JcaX509v3CertificateBuilder(new X500Name("CN=CQS Test Private CA"), BigInteger.valueOf(2),
                Date.from(Instant.now().minus(Duration.ofDays(1))), Date.from(Instant.now().plus(Duration.ofDays(30))),
                new X500Name("CN=cqs test server"), keys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(san));
        X509Certificate cert = new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(caKeys.getPrivate())));

        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        char[] pw = "pw".toCharArray();
        ks.setKeyEntry("server", keys.getPrivate(), pw, new X509Certificate[] {cert, caCert});
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, pw);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(kmf.getKeyManagers(), null, null);

        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(ssl));
        server.createContext("/openapi.json", ex -> {
            byte[] body = "{\"openapi\":\"3.1.0\"}".getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return URI.create("https://127.0.0.1:" + server.getAddress().getPort());
    }

    Path caPem() throws IOException {
        Path pem = dir.resolve("ca.pem");
        try (Writer w = Files.newBufferedWriter(pem); JcaPEMWriter pw = new JcaPEMWriter(w)) {
            pw.writeObject(caCert);
        }
        return pem;
    }

    ApiClientConfig config(URI url) {
        return ApiClientConfig.of(url).withRetryPolicy(RetryPolicy.none())
                .withTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(3));
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void serverKnownByIpIsTrustedWhenItsPrivateCaIsConfigured() throws Exception {
        URI url = startServer(new GeneralName(GeneralName.iPAddress, "127.0.0.1"));
        try (ApiClient client = new ApiClient(config(url).withCaCertificate(caPem()))) {
            Map<?, ?> doc = client.get("/openapi.json", Map.class, Map.of());
            assertThat(doc.get("openapi")).isEqualTo("3.1.0");
        }
    }

    @Test
    void serverIsRefusedWithoutTheCa() throws Exception {
        URI url = startServer(new GeneralName(GeneralName.iPAddress, "127.0.0.1"));
        try (ApiClient client = new ApiClient(config(url))) {
            assertThatThrownBy(() -> client.get("/openapi.json", Map.class, Map.of()))
                    .isInstanceOf(UntrustedServerException.class);
            assertThat(client.probe()).isFalse();
        }
    }

    @Test
    void certificateNotNamingTheIpIsRefusedEvenWithTheCa() throws Exception {
        URI url = startServer(new GeneralName(GeneralName.iPAddress, "10.1.2.3"));
        try (ApiClient client = new ApiClient(config(url).withCaCertificate(caPem()))) {
            assertThatThrownBy(() -> client.get("/openapi.json", Map.class, Map.of()))
                    .isInstanceOf(UntrustedServerException.class);
        }
    }

    @Test
    void certificateNamingOnlyADnsNameIsRefusedForTheIp() throws Exception {
        URI url = startServer(new GeneralName(GeneralName.dNSName, "cqs.example.cn"));
        try (ApiClient client = new ApiClient(config(url).withCaCertificate(caPem()))) {
            assertThatThrownBy(() -> client.get("/openapi.json", Map.class, Map.of()))
                    .isInstanceOf(UntrustedServerException.class);
        }
    }

    @Test
    void unreadableCaFileIsAConfigurationError() throws IOException {
        Path notPem = Files.writeString(dir.resolve("ca.pem"), "not a certificate");
        assertThatThrownBy(() -> new ApiClient(ApiClientConfig.of(URI.create("https://127.0.0.1:1"))
                .withCaCertificate(notPem)))
                .isInstanceOf(ApiConfigurationException.class)
                .hasMessageContaining("ca.pem");
    }
}
