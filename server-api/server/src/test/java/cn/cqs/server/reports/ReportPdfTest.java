package cn.cqs.server.reports;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cqs.contract.pki.OrganisationCredential;
import cn.cqs.contract.pki.PemCertificates;
import cn.cqs.contract.reports.CubeStrengthReport;
import cn.cqs.contract.reports.ReportUpload;
import cn.cqs.server.app.CqsServer;
import cn.cqs.server.demo.DemoAccounts;
import cn.cqs.server.testing.Http;
import cn.cqs.server.testing.Reports;
import cn.cqs.server.testing.SignedPdfs;
import cn.cqs.server.testing.TestServers;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The signed report PDF travelling with an upload, against a real server: accepted only with the
 * uploader's valid signature over the whole file, then served scoped like the report and publicly
 * through a genuine verification token.
 */
class ReportPdfTest {
    private static CqsServer server;
    private static Http http;
    private static String labToken;
    private static OrganisationCredential lab;
    private static UUID projectId;
    private static String projectName;

    @BeforeAll
    static void setUp() {
        server = TestServers.shared();
        http = new Http(server);
        labToken = http.login("lab-admin");
        lab = Reports.demoCredential(server, DemoAccounts.Org.LAB);
        projectName = "翔安区保障性住房二期工程";
        for (JsonNode p : http.get("/api/v1/projects", labToken).json()) {
            if (p.get("name").asText().equals(projectName)) {
                projectId = UUID.fromString(p.get("id").asText());
            }
        }
        assertThat(projectId).as("demo project visible to the lab").isNotNull();
    }

    private static CubeStrengthReport newCube() {
        return Reports.cube(Reports.newNumber(), projectId, projectName);
    }

    private static Http.Response upload(ReportUpload upload) {
        return http.send("POST", "/api/v1/reports", labToken, Http.bytes(upload), Map.of());
    }

    /** An upload of a fresh report whose token the lab signed, carrying {@code pdf}. */
    private static ReportUpload withPdf(CubeStrengthReport cube, byte[] pdf) {
        return Reports.upload(lab, cube, Instant.now().minus(1, ChronoUnit.MINUTES), pdf);
    }

    private static void assertPdfRefused(Http.Response r, String code) {
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.json().get("type").asText()).endsWith("validation");
        JsonNode errors = r.json().get("errors");
        assertThat(errors.findValuesAsText("field")).as(r.body()).containsExactly("pdf");
        assertThat(errors.findValuesAsText("code")).as(r.body()).containsExactly(code);
    }

    @Test
    void aSignedPdfIsAcceptedStoredAndServedScopedLikeTheReport() {
        CubeStrengthReport cube = newCube();
        byte[] pdf = SignedPdfs.signed(cube.reportNumber(), lab);
        Http.Response created = upload(withPdf(cube, pdf));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asText();
        assertThat(created.json().get("pdfSha256").asText()).hasSize(64);

        Http.Download own = http.download("/api/v1/reports/" + id + "/pdf", labToken);
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.contentType()).isEqualTo("application/pdf");
        assertThat(own.body()).isEqualTo(pdf);

        assertThat(http.download("/api/v1/reports/" + id + "/pdf", http.login("xm-inspector")).status()).isEqualTo(200);
        assertThat(http.download("/api/v1/reports/" + id + "/pdf", http.login("plant-admin")).status()).isEqualTo(404);
        assertThat(http.download("/api/v1/reports/" + id + "/pdf", http.login("fz-inspector")).status()).isEqualTo(404);
        assertThat(http.download("/api/v1/reports/" + id + "/pdf", null).status()).isEqualTo(401);
        assertThat(http.download("/api/v1/reports/" + UUID.randomUUID() + "/pdf", labToken).status()).isEqualTo(404);
    }

    @Test
    void aMissingPdfIsRefused() {
        assertPdfRefused(upload(withPdf(newCube(), null)), "required");
    }

    @Test
    void somethingThatIsNotBase64OrNotAPdfIsRefused() {
        ReportUpload signed = withPdf(newCube(), SignedPdfs.signed("x", lab));
        ReportUpload garbled = new ReportUpload(signed.type(), signed.content(), signed.qrToken(), signed.issuedAt(),
                null, null, null, "这不是 base64!");
        assertPdfRefused(upload(garbled), "not_base64");
        byte[] text = "hello, not a PDF".getBytes(StandardCharsets.UTF_8);
        assertPdfRefused(upload(withPdf(newCube(), text)), "not_a_pdf");
    }

    @Test
    void anUnsignedPdfIsRefused() {
        CubeStrengthReport cube = newCube();
        assertPdfRefused(upload(withPdf(cube, SignedPdfs.unsigned(cube.reportNumber()))), "unsigned");
        assertThat(http.get("/api/v1/reports?q=" + cube.reportNumber(), labToken).json()).isEmpty();
    }

    @Test
    void aPdfChangedByOneByteAfterSigningIsRefused() {
        CubeStrengthReport cube = newCube();
        byte[] pdf = SignedPdfs.signed(cube.reportNumber(), lab);
        byte[] marker = ("Report " + cube.reportNumber()).getBytes(StandardCharsets.ISO_8859_1);
        int at = indexOf(pdf, marker);
        assertThat(at).as("the title is in the signed part of the file").isPositive();
        byte[] tampered = Arrays.copyOf(pdf, pdf.length);
        tampered[at] = (byte) 'X';
        assertPdfRefused(upload(withPdf(cube, tampered)), "signature_invalid");
    }

    @Test
    void aPdfWithAnythingAppendedAfterSigningIsRefused() {
        CubeStrengthReport cube = newCube();
        byte[] pdf = SignedPdfs.signed(cube.reportNumber(), lab);
        byte[] appended = Arrays.copyOf(pdf, pdf.length + 12);
        System.arraycopy("\n% appended\n".getBytes(StandardCharsets.US_ASCII), 0, appended, pdf.length, 12);
        assertPdfRefused(upload(withPdf(cube, appended)), "not_whole_document");
    }

    @Test
    void aPdfSignedByAnotherOrganisationIsRefused() {
        CubeStrengthReport cube = newCube();
        OrganisationCredential plant = Reports.demoCredential(server, DemoAccounts.Org.PLANT);
        assertPdfRefused(upload(withPdf(cube, SignedPdfs.signed(cube.reportNumber(), plant))), "signer_mismatch");
    }

    @Test
    void aPdfSignedWithAnUnregisteredKeyOfTheLabIsRefused() {
        CubeStrengthReport cube = newCube();
        OrganisationCredential unregistered = Reports.freshCredential(server, DemoAccounts.Org.LAB);
        assertPdfRefused(upload(withPdf(cube, SignedPdfs.signed(cube.reportNumber(), unregistered))), "signer_unknown");
    }

    @Test
    void aPdfDigestedWithSha1IsRefused() {
        CubeStrengthReport cube = newCube();
        byte[] sha1 = SignedPdfs.sign(SignedPdfs.unsigned(cube.reportNumber()), lab, "SHA1withECDSA");
        assertPdfRefused(upload(withPdf(cube, sha1)), "digest_algorithm");
    }

    @Test
    void aPdfSignedWithARevokedKeyIsRefused() {
        String labId = http.get("/api/v1/auth/me", http.login("lab-admin")).json().get("organisationId").asText();
        OrganisationCredential second = Reports.freshCredential(server, DemoAccounts.Org.LAB);
        String admin = http.login("lab-admin");
        Http.Response registered = http.post("/api/v1/organisations/" + labId + "/certificates", admin,
                Map.of("certificatePem", PemCertificates.toPem(second.certificate())));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);

        CubeStrengthReport before = newCube();
        Http.Response accepted = upload(withPdf(before, SignedPdfs.signed(before.reportNumber(), second)));
        assertThat(accepted.status()).as("the second key works while registered: %s", accepted.body()).isEqualTo(201);

        Http.Response revoked = http.post("/api/v1/organisations/" + labId + "/certificates/" + second.keyId().hex()
                + "/revoke", admin, Map.of("reason", "密钥泄露 key compromised"));
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        CubeStrengthReport after = newCube();
        assertPdfRefused(upload(withPdf(after, SignedPdfs.signed(after.reportNumber(), second))), "signer_revoked");
    }

    @Test
    void theVerificationPageLinksThePdfAndServesItForAGenuineTokenOnly() {
        CubeStrengthReport cube = newCube();
        byte[] pdf = SignedPdfs.signed(cube.reportNumber(), lab);
        ReportUpload upload = withPdf(cube, pdf);
        assertThat(upload(upload).status()).isEqualTo(201);

        Http.Response page = http.get("/v/" + upload.qrToken(), null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("href=\"/v/" + upload.qrToken() + "/pdf\"");
        Http.Download fromPage = http.download("/v/" + upload.qrToken() + "/pdf", null);
        assertThat(fromPage.status()).isEqualTo(200);
        assertThat(fromPage.contentType()).isEqualTo("application/pdf");
        assertThat(fromPage.body()).isEqualTo(pdf);

        // genuine but not uploaded: no PDF, no link
        CubeStrengthReport notUploaded = newCube();
        String pending = Reports.sign(lab, notUploaded, Instant.now()).encode();
        assertThat(http.get("/v/" + pending, null).body()).doesNotContain("/pdf\"");
        assertThat(http.download("/v/" + pending + "/pdf", null).status()).isEqualTo(404);
        // not a token of this system, or a token whose signature was broken
        assertThat(http.download("/v/hello/pdf", null).status()).isEqualTo(404);
        String broken = upload.qrToken().substring(0, upload.qrToken().length() - 3)
                + (upload.qrToken().endsWith("AAA") ? "BBB" : "AAA");
        assertThat(http.download("/v/" + broken + "/pdf", null).status()).isEqualTo(404);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
