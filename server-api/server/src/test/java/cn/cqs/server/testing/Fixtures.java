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
        m.put("MaterialIntakeRequest", Map.of("kind", "CEMENT", "specification", "P·O 42.5", "supplier", "巡检供应商",
                "manufacturer", "巡检水泥厂", "lotNumber", "XJ-001", "quantityTonnes", new java.math.BigDecimal("10"),
                "arrivedAt", "2026-03-01T08:00:00Z"));
        m.put("MixDesignRequest", Map.of("marking", "A-C30-180(S4)-GB/T 14902", "quantities", List.of(
                Map.of("kind", "CEMENT", "kgPerM3", new java.math.BigDecimal("300")),
                Map.of("kind", "WATER", "kgPerM3", new java.math.BigDecimal("170"))), "validFrom", "2026-01-01"));
        m.put("ProductionRequest", Map.of("projectId", UUID.randomUUID().toString(), "buyer", "巡检需方",
                "pourLocation", "巡检部位", "marking", "A-C30-180(S4)-GB/T 14902", "volumeM3", new java.math.BigDecimal("10"),
                "mixDesignId", "XJ-MIX", "materialLotIds", List.of("XJ-LOT"), "plannedStart", "2026-03-01T08:00:00Z"));
        m.put("NotificationRequest", Map.of("eventAt", "2026-03-01T08:00:00Z"));
        m.put("DosingUpload", Map.of("computerControlled", true, "plates", List.of(Map.of("serialNumber",
                "20260301-776049653-000001", "plateNo", 1, "time", "2026-03-01T08:00:00Z", "volumeM3",
                new java.math.BigDecimal("2"), "weighedKg", Map.of("CEMENT", new java.math.BigDecimal("600"),
                        "WATER", new java.math.BigDecimal("340"))))));
        m.put("DeliveryTicketRequest", Map.of("truckNumber", "闽A·X0001", "volumeM3", new java.math.BigDecimal("8"),
                "departedAt", "2026-03-01T08:00:00Z", "deliveryPlace", "巡检交货地点"));
        return m;
    }

    /**
     * A valid body for one operation: its schema's from {@link #validBodies()}, except that an end
     * notification also carries the produced volume (a start must not).
     */
    public static Object validBody(Operation op) {
        Object body = op.requestSchema() == null ? null : validBodies().get(op.requestSchema());
        if (body != null && op.path().equals("/api/v1/plant/batches/{batchId}/end")) {
            return Map.of("eventAt", "2026-03-01T08:00:00Z", "producedVolumeM3", new java.math.BigDecimal("10"));
        }
        return body;
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
                case "/api/v1/projects/{projectId}/strength-evaluation" -> template.replace("{projectId}", projectId);
                // the lab is no plant: its id aims the plant drill-down at the lab's organisation
                case "/api/v1/supervision/plants/{plantId}/batches" -> template.replace("{plantId}", organisationId);
                case "/api/v1/organisations/{id}/certificates/{keyId}/revoke" ->
                        template.replace("{id}", organisationId).replace("{keyId}", keyId);
                default -> throw new AssertionError("No lab fixture for path " + template
                        + ": add one to Fixtures.LabData.pathFor so the isolation walk covers the new route");
            };
        }
    }

    /** Whether a documented path belongs to the ready-mix subsystem (walked with the plant's records). */
    public static boolean isReadyMixPath(String path) {
        return path.startsWith("/api/v1/plant/") || path.startsWith("/api/v1/batches")
                || path.equals("/api/v1/material-lots") || path.equals("/api/v1/mix-designs");
    }

    /** Records of the demo ready-mix plant (福州闽江商品混凝土), registered through the API. */
    public record PlantData(String plantToken, String lotId, String mixDesignId, String batchId, String serialNumber,
                            String ticketNumber, String pourLocation, String supplier) {
        public List<String> markers() {
            return List.of(lotId, mixDesignId, batchId, serialNumber, ticketNumber, pourLocation, supplier);
        }

        /** What only the plant's records hold: not the ids, which another plant may use for its own. */
        public List<String> contentMarkers() {
            return List.of(serialNumber, pourLocation, supplier);
        }

        /** A value for each ready-mix path template: the plant's record the route would reach. */
        public String pathFor(String template) {
            return switch (template) {
                case "/api/v1/plant/material-lots/{lotId}" -> template.replace("{lotId}", lotId);
                case "/api/v1/plant/mix-designs/{mixDesignId}" -> template.replace("{mixDesignId}", mixDesignId);
                case "/api/v1/plant/batches/{batchId}", "/api/v1/plant/batches/{batchId}/start",
                     "/api/v1/plant/batches/{batchId}/end" -> template.replace("{batchId}", batchId);
                case "/api/v1/plant/batches/{batchId}/tickets/{ticketNumber}" ->
                        template.replace("{batchId}", batchId).replace("{ticketNumber}", ticketNumber);
                case "/api/v1/batches/{serialNumber}", "/api/v1/batches/{serialNumber}/tickets",
                     "/api/v1/batches/{serialNumber}/dosing", "/api/v1/batches/{serialNumber}/trace",
                     "/api/v1/batches/{serialNumber}/cube-report-candidates" ->
                        template.replace("{serialNumber}", serialNumber);
                case "/api/v1/plant/batches/{batchId}/dosing" -> template.replace("{batchId}", batchId);
                // the plant has no cube report of its own: any report id aims at the plant's batch
                case "/api/v1/batches/{serialNumber}/cube-reports/{reportId}" ->
                        template.replace("{serialNumber}", serialNumber).replace("{reportId}", UUID.randomUUID().toString());
                default -> throw new AssertionError("No plant fixture for path " + template
                        + ": add one to Fixtures.PlantData.pathFor so the walks cover the new route");
            };
        }
    }

    /** The demo plant registers a lot, a mix design, a batch for its Cangshan (Fuzhou) project and a ticket. */
    public static PlantData plantData(CqsServer server) {
        Http http = new Http(server);
        String token = http.login("plant-admin");
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String projectId = null;
        for (JsonNode p : http.get("/api/v1/projects", token).json()) {
            if (p.get("name").asText().startsWith("仓山区")) {
                projectId = p.get("id").asText();
            }
        }
        assertThat(projectId).as("the demo plant's Cangshan project").isNotNull();
        java.time.Instant now = java.time.Instant.now();
        String lotId = "P-LOT-" + suffix;
        Http.Response lot = http.put("/api/v1/plant/material-lots/" + lotId, token, Map.of("kind", "CEMENT",
                "specification", "P·O 42.5", "supplier", "私有供应商" + suffix, "manufacturer", "私有水泥厂",
                "lotNumber", "PL-" + suffix, "quantityTonnes", new java.math.BigDecimal("50"),
                "arrivedAt", now.minusSeconds(3600).toString()), null);
        assertThat(lot.status()).as("plant lot: %s", lot.body()).isEqualTo(201);
        String mixId = "P-MIX-" + suffix;
        Http.Response mix = http.put("/api/v1/plant/mix-designs/" + mixId, token, Map.of("marking",
                "A-C30-180(S4)-GB/T 14902", "quantities", List.of(
                        Map.of("kind", "CEMENT", "kgPerM3", new java.math.BigDecimal("300")),
                        Map.of("kind", "WATER", "kgPerM3", new java.math.BigDecimal("170"))),
                "validFrom", java.time.LocalDate.now().minusDays(5).toString()), null);
        assertThat(mix.status()).as("plant mix design: %s", mix.body()).isEqualTo(201);
        String batchId = "P-BATCH-" + suffix;
        String pour = "私有浇筑部位 " + suffix;
        Http.Response batch = http.put("/api/v1/plant/batches/" + batchId, token, Map.of("projectId", projectId,
                "buyer", "中铁海峡建设集团有限公司", "pourLocation", pour, "marking", "A-C30-180(S4)-GB/T 14902",
                "volumeM3", new java.math.BigDecimal("20"), "mixDesignId", mixId, "materialLotIds", List.of(lotId),
                "plannedStart", now.plusSeconds(3600).toString()), null);
        assertThat(batch.status()).as("plant batch: %s", batch.body()).isEqualTo(201);
        String ticket = "P-FH-" + suffix;
        Http.Response t = http.put("/api/v1/plant/batches/" + batchId + "/tickets/" + ticket, token, Map.of(
                "truckNumber", "闽A·P0001", "volumeM3", new java.math.BigDecimal("8"),
                "departedAt", now.minusSeconds(60).toString(), "deliveryPlace", "仓山区浦上大道"), null);
        assertThat(t.status()).as("plant ticket: %s", t.body()).isEqualTo(201);
        return new PlantData(token, lotId, mixId, batchId, batch.json().get("serialNumber").asText(), ticket, pour,
                "私有供应商" + suffix);
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
