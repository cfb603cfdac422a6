package cn.cqs.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cqs.server.app.CqsServer;
import cn.cqs.server.demo.DemoAccounts;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Records belonging to the demo testing agency (lab-admin's organisation), and the OpenAPI
 * operations, for the tests that walk every route.
 */
public final class Fixtures {
    private Fixtures() {
    }

    /** One documented operation. */
    public record Operation(String method, String path, boolean isPublic, String requestSchema) {
        public boolean hasPathParameter() {
            return path.contains("{");
        }
    }

    public static List<Operation> operations(CqsServer server) {
        JsonNode doc = new Http(server).get("/openapi.json", null).json();
        java.util.ArrayList<Operation> ops = new java.util.ArrayList<>();
        doc.path("paths").fields().forEachRemaining(p -> p.getValue().fields().forEachRemaining(m -> {
            JsonNode op = m.getValue();
            boolean isPublic = op.has("security") && op.get("security").isEmpty();
            String ref = op.at("/requestBody/content/application~1json/schema/$ref").asText(null);
            ops.add(new Operation(m.getKey().toUpperCase(), p.getKey(), isPublic,
                    ref == null ? null : ref.substring(ref.lastIndexOf('/') + 1)));
        }));
        return ops;
    }

    /** A valid request body for each documented request schema. */
    public static Map<String, Object> validBodies() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("LoginRequest", Map.of("username", "lab-clerk", "password", "Demo@2026"));
        m.put("CreateApiKeyRequest", Map.of("name", "walker", "permissions", List.of("VERIFY")));
        m.put("CreateOrganisationRequest", Map.of("name", "测试检测公司", "kind", "TESTING_AGENCY",
                "uscc", "91350200776049653A", "regionCode", "350203"));
        m.put("CreateUserRequest", Map.of("username", "walker-" + UUID.randomUUID().toString().substring(0, 8),
                "displayName", "巡检", "password", "Walker@2026", "role", "ORDINARY", "permissions", List.of("VERIFY")));
        m.put("UpdateUserRequest", Map.of("displayName", "改名", "role", "ORDINARY", "permissions", List.of("VERIFY")));
        m.put("ProjectRequest", Map.of("name", "巡检工程 " + UUID.randomUUID(), "regionCode", "350203",
                "address", "厦门市思明区"));
        m.put("ProjectLinkRequest", Map.of("uscc", "91350102MA2YQ5P73C"));
        m.put("ReportUpload", new cn.cqs.contract.reports.ReportUpload(cn.cqs.contract.reports.ReportType.CONCRETE_CUBE,
                Reports.cube(Reports.newNumber(), UUID.randomUUID(), "巡检工程"), "AQEA", java.time.Instant.now(),
                null, null, null, "JVBERi0xLjQK"));
        m.put("ReportDraftRequest", new cn.cqs.contract.reports.ReportDraftRequest(
                cn.cqs.contract.reports.ReportType.CONCRETE_CUBE, Reports.cube(Reports.newNumber(), UUID.randomUUID(), "巡检工程")));
        m.put("ReportPrintRequest", new cn.cqs.contract.reports.ReportPrintRequest(1, "巡检打印机",
                java.time.Instant.now()));
        m.put("ReportWithdrawal", new cn.cqs.contract.reports.ReportWithdrawal("巡检撤回"));
        m.put("CertificateRegistration", Map.of("certificatePem", "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"));
        m.put("CertificateRevocation", Map.of("reason", "巡检"));
        m.put("VerificationRecordRequest", Map.of("scannedText", "https://example.com/not-ours", "outcome",
                "NOT_A_SYSTEM_CODE", "place", "巡检门卫", "scannedAt", "2026-03-01T08:00:00Z", "source", "WEBCAM"));
        m.put("RefusalRequest", Map.of("scannedText", "https://example.com/not-ours", "outcome", "NOT_A_SYSTEM_CODE",
                "reason", "巡检拒收", "image", java.util.Base64.getEncoder().encodeToString(png(8, 8))));
        m.put("RefusalTakeRequest", Map.of("note", "巡检受理"));
        m.put("RefusalCloseRequest", Map.of("finding", "巡检办结"));
        return m;
    }

    /** The first property name of a request schema, to corrupt its type. */
    public static String firstProperty(CqsServer server, String schema) {
        JsonNode doc = new Http(server).get("/openapi.json", null).json();
        Iterator<String> names = doc.at("/components/schemas/" + schema + "/properties").fieldNames();
        assertThat(names.hasNext()).as("schema %s has properties", schema).isTrue();
        return names.next();
    }

    /** Data owned by the demo testing agency (厦门), created through the API. */
    public record LabData(String labToken, String organisationId, String userId, String apiKeyId, String projectId,
                          String projectName, String reportId, String reportNumber, String keyId, String draftId,
                          String refusalId) {
        public List<String> markers() {
            return List.of(organisationId, userId, apiKeyId, projectId, projectName, "厦门市建科", reportId, reportNumber,
                    draftId, refusalId);
        }

        /** A value for each path template: the lab's record the route would reach. */
        public String pathFor(String template) {
            return switch (template) {
                case "/api/v1/auth/api-keys/{id}" -> template.replace("{id}", apiKeyId);
                case "/api/v1/organisations/{id}", "/api/v1/organisations/{id}/users" ->
                        template.replace("{id}", organisationId);
                case "/api/v1/users/{id}" -> template.replace("{id}", userId);
                case "/api/v1/projects/{id}", "/api/v1/projects/{id}/organisations" -> template.replace("{id}", projectId);
                case "/api/v1/reports/{id}", "/api/v1/reports/{id}/pdf", "/api/v1/reports/{id}/withdraw",
                     "/api/v1/reports/{id}/prints" ->
                        template.replace("{id}", reportId);
                case "/api/v1/report-drafts/{id}", "/api/v1/report-drafts/{id}/review",
                     "/api/v1/report-drafts/{id}/approve" -> template.replace("{id}", draftId);
                case "/api/v1/reports/by-number/{reportNumber}" -> template.replace("{reportNumber}", reportNumber);
                case "/api/v1/organisations/{id}/certificates" -> template.replace("{id}", organisationId);
                case "/api/v1/refusals/{id}", "/api/v1/refusals/{id}/image", "/api/v1/refusals/{id}/take",
                     "/api/v1/refusals/{id}/close" -> template.replace("{id}", refusalId);
                case "/api/v1/organisations/{id}/certificates/{keyId}/revoke" ->
                        template.replace("{id}", organisationId).replace("{keyId}", keyId);
                default -> throw new AssertionError("No lab fixture for path " + template
                        + ": add one to Fixtures.LabData.pathFor so the isolation walk covers the new route");
            };
        }
    }

    public static LabData labData(CqsServer server) {
        Http http = new Http(server);
        String token = http.login("lab-admin");
        JsonNode me = http.get("/api/v1/auth/me", token).json();
        String orgId = me.get("organisationId").asText();
        String userId = null;
        for (JsonNode u : http.get("/api/v1/organisations/" + orgId + "/users", token).json()) {
            if (u.get("username").asText().equals("lab-clerk")) {
                userId = u.get("id").asText();
            }
        }
        Http.Response key = http.post("/api/v1/auth/api-keys", token, Map.of("name", "lab key", "permissions", List.of("VERIFY")));
        assertThat(key.status()).isEqualTo(201);
        String name = "厦门实验室私有工程 " + UUID.randomUUID();
        Http.Response project = http.post("/api/v1/projects", token, Map.of("name", name, "regionCode", "350203",
                "address", "厦门市思明区某路1号"));
        assertThat(project.status()).isEqualTo(201);
        String projectId = project.json().get("id").asText();
        String number = Reports.newNumber();
        cn.cqs.contract.pki.OrganisationCredential credential = Reports.demoCredential(server, DemoAccounts.Org.LAB);
        cn.cqs.contract.reports.ReportUpload upload = Reports.upload(credential, Reports.cube(number, UUID.fromString(projectId), name));
        Http.Response report = http.post("/api/v1/reports", token, upload);
        assertThat(report.status()).as("lab report upload: %s", report.body()).isEqualTo(201);
        Http.Response draft = http.post("/api/v1/report-drafts", token, new cn.cqs.contract.reports.ReportDraftRequest(
                cn.cqs.contract.reports.ReportType.CONCRETE_CUBE, Reports.cube(Reports.newNumber(), UUID.fromString(projectId), name)));
        assertThat(draft.status()).as("lab report draft: %s", draft.body()).isEqualTo(201);
        Http.Response refusal = http.post("/api/v1/refusals", token, Map.of("scannedText", upload.qrToken(),
                "outcome", "GENUINE_IN_SYSTEM", "reportStatus", "VALID", "reason", "纸质报告与系统记录不符",
                "place", "实验室收样窗口", "image", java.util.Base64.getEncoder().encodeToString(png(16, 16))));
        assertThat(refusal.status()).as("lab refusal: %s", refusal.body()).isEqualTo(201);
        return new LabData(token, orgId, userId, key.json().at("/apiKey/id").asText(), projectId, name,
                report.json().get("id").asText(), number, credential.keyId().hex(), draft.json().get("id").asText(),
                refusal.json().get("id").asText());
    }

    /** A real PNG file of {@code width} x {@code height} pixels (a gradient, so sizes differ). */
    public static byte[] png(int width, int height) {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(width, height,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, (x * 255 / Math.max(1, width - 1)) << 16 | (y * 255 / Math.max(1, height - 1)) << 8);
            }
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(image, "png", out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static ObjectNode object() {
        return Http.MAPPER.createObjectNode();
    }
}
