package cn.cqs.client.reports;

import cn.cqs.client.api.ApiClient;
import cn.cqs.client.api.ApiClientConfig;
import cn.cqs.client.api.UserSession;
import cn.cqs.client.session.SessionWorkspace;
import cn.cqs.client.sync.Backoff;
import cn.cqs.client.sync.OutboxEntry;
import cn.cqs.client.sync.OutboxTarget;
import cn.cqs.contract.ApiVersion;
import cn.cqs.contract.auth.CurrentUser;
import cn.cqs.contract.auth.LoginRequest;
import cn.cqs.contract.pki.OrganisationCredential;
import cn.cqs.contract.pki.Pkcs12Keystores;
import cn.cqs.contract.projects.Project;
import cn.cqs.contract.qr.QrToken;
import cn.cqs.contract.qr.TokenKind;
import cn.cqs.contract.qr.TokenSigner;
import cn.cqs.contract.reports.CubeStrengthReport;
import cn.cqs.contract.reports.ReportKeyFields;
import cn.cqs.contract.reports.ReportType;
import cn.cqs.contract.reports.ReportUpload;
import com.fasterxml.jackson.core.type.TypeReference;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The child JVM of {@link KillMidUploadRealServerTest}: logs in as the lab clerk, opens the
 * profile's workspace, enqueues one real signed {@link ReportUpload} and drains it through the real
 * API-client-backed sender, then waits to be killed. Args: profiles root, server URL, report number,
 * credential file.
 */
public final class KillMidUploadReportChild {
    private KillMidUploadReportChild() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        URI url = URI.create(args[1]);
        String number = args[2];
        Path p12 = Path.of(args[3]);
        ApiClient api = new ApiClient(ApiClientConfig.of(url));
        var login = api.login(new LoginRequest("lab-admin", "Demo@2026"));
        CurrentUser user = api.me();
        UserSession session = new UserSession(api, user, login.expiresAt());
        SessionWorkspace workspace = SessionWorkspace.open(root, session,
                new Backoff(Duration.ofMillis(200), Duration.ofSeconds(1), 0));
        workspace.outbox().enqueue(ReportIssuer.UPLOAD_KIND, OutboxTarget.post(ReportIssuer.REPORTS_PATH),
                upload(api, number, Pkcs12Keystores.load(p12, "Demo@2026".toCharArray())));
        OutboxEntry entry = workspace.outbox().pending().get(0);
        System.out.println("ENQUEUED " + entry.idempotencyKey());
        System.out.flush();
        workspace.drainer().start();
        Thread.sleep(120_000);
    }

    static ReportUpload upload(ApiClient api, String number, OrganisationCredential credential) {
        List<Project> projects = api.get(ApiVersion.BASE_PATH + "/projects", new TypeReference<List<Project>>() { },
                Map.of());
        Project project = projects.get(0);
        LocalDate tested = LocalDate.now();
        CubeStrengthReport cube = new CubeStrengthReport(number, "WT-2026-00099", project.id(), project.name(),
                "5#楼 基础筏板", "混凝土试块", "YP-2026-0999", new BigDecimal("80"), tested.minusDays(28), tested, 28,
                CubeStrengthReport.STANDARD, "C35", 150,
                List.of(new CubeStrengthReport.Specimen(new BigDecimal("900.0")),
                        new CubeStrengthReport.Specimen(new BigDecimal("910.5")),
                        new CubeStrengthReport.Specimen(new BigDecimal("880.2"))),
                null, "林建国", "JZ-35-2023-00412", "厦门某监理有限公司", "王磊");
        Instant now = Instant.now();
        QrToken token = TokenSigner.of(credential).sign(TokenKind.REPORT, number, ReportKeyFields.of(cube), now);
        return new ReportUpload(ReportType.CONCRETE_CUBE, cube, token.encode(), now, "张检测", null, null,
                cn.cqs.client.rendering.signing.SignedTestPdfs.signedBase64(credential, number));
    }
}
