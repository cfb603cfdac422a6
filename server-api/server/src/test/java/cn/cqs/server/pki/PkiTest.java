package cn.cqs.server.pki;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cqs.contract.pki.CertificateAuthority;
import cn.cqs.contract.pki.OrganisationCredential;
import cn.cqs.contract.pki.OrganisationIdentity;
import cn.cqs.contract.pki.PemCertificates;
import cn.cqs.contract.pki.TrustBundle;
import cn.cqs.server.app.CqsServer;
import cn.cqs.server.app.ServerConfig;
import cn.cqs.server.demo.DemoAccounts;
import cn.cqs.server.demo.DemoPki;
import cn.cqs.server.testing.Http;
import cn.cqs.server.testing.Reports;
import cn.cqs.server.testing.TestServers;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo PKI, the public trust bundle, certificate registration and revocation. */
class PkiTest {
    private static CqsServer server;
    private static Http http;
    private static String labId;

    @BeforeAll
    static void setUp() {
        server = TestServers.shared();
        http = new Http(server);
        labId = http.get("/api/v1/auth/me", http.login("lab-admin")).json().get("organisationId").asText();
    }

    private static Map<String, String> pem(OrganisationCredential c) {
        return Map.of("certificatePem", PemCertificates.toPem(c.certificate()));
    }

    @Test
    void demoPkiHoldsTheCaAndOneRegisteredCredentialPerEnterprise() throws Exception {
        var dir = server.demoCredentialsDirectory().orElseThrow();
        assertThat(dir.resolve(DemoPki.CA_FILE)).exists();
        assertThat(dir.resolve(DemoPki.CA_PEM_FILE)).exists();
        TrustBundle bundle = Http.MAPPER.readValue(http.get("/api/v1/pki/trust", null).body(), TrustBundle.class);
        assertThat(bundle.verifyBaseUrl()).isEqualTo(server.baseUrl());
        assertThat(PemCertificates.fromPem(bundle.caCertificatesPem()))
                .containsExactly(Reports.demoCa(server).certificate());
        for (DemoAccounts.Org org : new DemoAccounts.Org[] {DemoAccounts.Org.LAB, DemoAccounts.Org.PLANT, DemoAccounts.Org.CONLAB}) {
            assertThat(Files.exists(DemoPki.credentialFile(dir, org.uscc))).as("%s.p12", org.uscc).isTrue();
            OrganisationCredential c = Reports.demoCredential(server, org);
            assertThat(bundle.issuers()).anySatisfy(i -> {
                assertThat(i.keyId()).isEqualTo(c.keyId().hex());
                assertThat(i.uscc()).isEqualTo(org.uscc);
            });
        }
        // the bundle loads into a registry that certifies the demo credentials
        var registry = bundle.toTrustRegistry();
        OrganisationCredential lab = Reports.demoCredential(server, DemoAccounts.Org.LAB);
        assertThat(cn.cqs.contract.pki.IssuerCertification.check(registry, lab.certificate(), Instant.now()).certified())
                .isTrue();
    }

    @Test
    void aRestartedDemoServerKeepsItsCaAndCredentials() throws Exception {
        var data = Files.createTempDirectory("cqs-pki-restart");
        try (CqsServer first = TestServers.start(ServerConfig.forTests().withDataDir(data))) {
            String ca = Files.readString(first.demoCredentialsDirectory().orElseThrow().resolve(DemoPki.CA_PEM_FILE));
            byte[] lab = Files.readAllBytes(DemoPki.credentialFile(first.demoCredentialsDirectory().orElseThrow(),
                    DemoAccounts.Org.LAB.uscc));
            assertThat(first.demoCredentialsDirectory()).contains(data.resolve("demo-pki"));
            // same database, same directory: nothing is issued again
            new DemoPki(data.resolve("demo-pki"), first.jdbi(), java.time.Clock.systemUTC()).ensure();
            assertThat(Files.readString(data.resolve("demo-pki").resolve(DemoPki.CA_PEM_FILE))).isEqualTo(ca);
            assertThat(Files.readAllBytes(DemoPki.credentialFile(data.resolve("demo-pki"), DemoAccounts.Org.LAB.uscc)))
                    .isEqualTo(lab);
        }
    }

    @Test
    void trustBundleIsPublicAndAnswers304WhenUnchanged() {
        Http.Response first = http.get("/api/v1/pki/trust", null);
        assertThat(first.status()).isEqualTo(200);
        String etag = first.header("ETag");
        assertThat(etag).startsWith("\"");
        Http.Response cached = http.send("GET", "/api/v1/pki/trust", null, null, Map.of("If-None-Match", etag));
        assertThat(cached.status()).isEqualTo(304);
        assertThat(cached.body()).isEmpty();
        Http.Response stale = http.send("GET", "/api/v1/pki/trust", null, null, Map.of("If-None-Match", "\"old\""));
        assertThat(stale.status()).isEqualTo(200);

        // a registration changes the bundle, so the old ETag no longer matches
        String admin = http.login("lab-admin");
        OrganisationCredential fresh = Reports.freshCredential(server, DemoAccounts.Org.LAB);
        assertThat(http.post("/api/v1/organisations/" + labId + "/certificates", admin, pem(fresh)).status()).isEqualTo(201);
        Http.Response changed = http.send("GET", "/api/v1/pki/trust", null, null, Map.of("If-None-Match", etag));
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.body()).contains(fresh.keyId().hex());
    }

    @Test
    void registrationRefusesForeignCasWrongCodesNonAdministratorsAndDuplicates() {
        String admin = http.login("lab-admin");
        String path = "/api/v1/organisations/" + labId + "/certificates";
        CertificateAuthority rogue = CertificateAuthority.createPlatformCa("CQS Demo Platform CA", "福建省住房和城乡建设厅（演示）",
                Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(10)));
        OrganisationCredential foreign = rogue.issueOrganisationCredential(new OrganisationIdentity(
                DemoAccounts.Org.LAB.displayName, DemoAccounts.Org.LAB.uscc), Instant.now().minus(Duration.ofDays(1)),
                Instant.now().plus(Duration.ofDays(5)));
        Http.Response refused = http.post(path, admin, pem(foreign));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().at("/errors/0/code").asText()).isEqualTo("not_issued_by_trusted_ca");

        OrganisationCredential plants = Reports.freshCredential(server, DemoAccounts.Org.PLANT);
        Http.Response wrongCode = http.post(path, admin, pem(plants));
        assertThat(wrongCode.status()).isEqualTo(422);
        assertThat(wrongCode.json().at("/errors/0/code").asText()).isEqualTo("uscc_mismatch");

        Http.Response garbage = http.post(path, admin, Map.of("certificatePem", "not a certificate"));
        assertThat(garbage.status()).isEqualTo(422);
        assertThat(garbage.json().at("/errors/0/field").asText()).isEqualTo("certificatePem");

        OrganisationCredential fresh = Reports.freshCredential(server, DemoAccounts.Org.LAB);
        assertThat(http.post(path, http.login("lab-clerk"), pem(fresh)).status()).isEqualTo(403);
        assertThat(http.post(path, http.login("conlab-admin"), pem(fresh)).status()).isEqualTo(404);
        Http.Response ok = http.post(path, admin, pem(fresh));
        assertThat(ok.status()).as(ok.body()).isEqualTo(201);
        assertThat(ok.json().get("keyId").asText()).isEqualTo(fresh.keyId().hex());
        assertThat(ok.json().get("revoked").asBoolean()).isFalse();
        assertThat(http.post(path, admin, pem(fresh)).status()).isEqualTo(409);
    }

    @Test
    void theOrganisationOrTheProvinceRevokesOthersCannot() {
        String admin = http.login("lab-admin");
        OrganisationCredential fresh = Reports.freshCredential(server, DemoAccounts.Org.LAB);
        assertThat(http.post("/api/v1/organisations/" + labId + "/certificates", admin, pem(fresh)).status()).isEqualTo(201);
        String revoke = "/api/v1/organisations/" + labId + "/certificates/" + fresh.keyId().hex() + "/revoke";
        assertThat(http.post(revoke, http.login("fz-admin"), Map.of("reason", "x")).status()).isEqualTo(404);
        assertThat(http.post(revoke, http.login("xm-admin"), Map.of("reason", "x")).status()).isEqualTo(403);
        assertThat(http.post(revoke, http.login("lab-clerk"), Map.of("reason", "x")).status()).isEqualTo(403);
        assertThat(http.post(revoke, admin, Map.of("reason", " ")).status()).isEqualTo(422);
        Http.Response revoked = http.post(revoke, http.login("prov-admin"), Map.of("reason", "密钥丢失 key lost"));
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        assertThat(revoked.json().get("revoked").asBoolean()).isTrue();
        assertThat(http.post(revoke, admin, Map.of("reason", "again")).json().get("revoked").asBoolean()).isTrue();
        assertThat(http.get("/api/v1/pki/trust", null).json().get("issuers").findParents("keyId").stream()
                .filter(i -> i.get("keyId").asText().equals(fresh.keyId().hex()))
                .allMatch(i -> i.get("revoked").asBoolean())).isTrue();
    }
}
