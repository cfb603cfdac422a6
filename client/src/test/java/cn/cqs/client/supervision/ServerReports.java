package cn.cqs.client.supervision;

import cn.cqs.client.api.ApiClient;
import cn.cqs.client.api.ApiClientConfig;
import cn.cqs.contract.auth.LoginRequest;
import cn.cqs.contract.pki.OrganisationCredential;
import cn.cqs.contract.pki.Pkcs12Keystores;
import cn.cqs.contract.qr.QrToken;
import cn.cqs.contract.qr.TokenKind;
import cn.cqs.contract.qr.TokenSigner;
import cn.cqs.contract.reports.CubeStrengthReport;
import cn.cqs.contract.reports.ReportKeyFields;
import cn.cqs.contract.reports.ReportType;
import cn.cqs.contract.reports.ReportUpload;
import cn.cqs.server.app.CqsServer;
import cn.cqs.server.demo.DemoAccounts;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Signed report uploads by the demo Xiamen lab to a real server, for the viewer's server-backed tests. */
final class ServerReports {
    private ServerReports() {
    }

    static OrganisationCredential lab(CqsServer server) throws Exception {
        return Pkcs12Keystores.load(server.demoCredentialsDirectory().orElseThrow()
                .resolve(DemoAccounts.Org.LAB.uscc + ".p12"), DemoAccounts.PASSWORD.toCharArray());
    }

    static UUID project(CqsServer server, String name) {
        return server.jdbi().withHandle(h -> h.createQuery("select id from project where name = :n")
                .bind("n", name).mapTo(UUID.class).one());
    }

    /** The upload of {@code report}, signed by the lab, correcting {@code supersedes} when not null. */
    static ReportUpload upload(OrganisationCredential lab, CubeStrengthReport report, Instant issuedAt,
                               UUID supersedes, String reason) {
        QrToken token = TokenSigner.of(lab).sign(TokenKind.REPORT, report.reportNumber(), ReportKeyFields.of(report),
                issuedAt);
        return new ReportUpload(ReportType.CONCRETE_CUBE, report, token.encode(), token.issuedAt(), "王磊", null, null,
                cn.cqs.client.rendering.signing.SignedTestPdfs.signedBase64(lab, report.reportNumber()), null,
                supersedes, reason);
    }

    /** Uploads as lab-admin and returns the server's record. */
    static JsonNode post(CqsServer server, ReportUpload upload) throws Exception {
        try (ApiClient api = new ApiClient(ApiClientConfig.of(URI.create(server.baseUrl())))) {
            api.login(new LoginRequest("lab-admin", DemoAccounts.PASSWORD));
            return api.post("/api/v1/reports", upload, JsonNode.class,
                    Map.of(ApiClient.IDEMPOTENCY_KEY, UUID.randomUUID().toString()));
        }
    }
}
