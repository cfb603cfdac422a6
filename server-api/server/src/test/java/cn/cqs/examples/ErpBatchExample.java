package cn.cqs.examples;

import cn.cqs.contract.batches.BatchKeyFields;
import cn.cqs.contract.batches.DeliveryTicketRequest;
import cn.cqs.contract.batches.MaterialIntakeRequest;
import cn.cqs.contract.batches.MaterialKind;
import cn.cqs.contract.batches.MixDesignRequest;
import cn.cqs.contract.batches.MixQuantity;
import cn.cqs.contract.batches.NotificationRequest;
import cn.cqs.contract.batches.ProductionBatch;
import cn.cqs.contract.batches.ProductionRequest;
import cn.cqs.contract.json.Json;
import cn.cqs.contract.pki.TrustBundle;
import cn.cqs.contract.qr.QrToken;
import cn.cqs.contract.qr.TokenVerifier;
import cn.cqs.contract.qr.Verification;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * ERP 接口示例 (the integration guide's Java example for ready-mixed concrete plants,
 * docs/integration-guide.md section 11): how a plant's ERP registers a material delivery, a mix
 * design and a production batch, receives the serial number (生产流水号) and the platform-signed QR
 * code, notifies the start and the end, records a delivery ticket, and re-sends safely. It uses only
 * the contract library ({@code cn.cqs:contract}), Jackson and the JDK's HTTP client; nothing of the
 * server.
 *
 * <p>Settings (environment): {@code CQS_URL}, {@code CQS_API_KEY} (a key with BATCHES_REGISTER),
 * {@code CQS_PROJECT_ID} (a project the plant supplies, from {@code GET /api/v1/projects}) and
 * {@code CQS_RUN} (a suffix that makes this run's ids new, e.g. the date and time). Prints
 * {@code name=value} lines.
 */
public final class ErpBatchExample {
    private static final ObjectMapper JSON = Json.newMapper();
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private final Map<String, String> env;
    private final PrintStream out;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public ErpBatchExample(Map<String, String> env, PrintStream out) {
        this.env = env;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        new ErpBatchExample(System.getenv(), System.out).run();
    }

    /** One answer: status, body and headers. */
    private record Answer(int status, String body, java.net.http.HttpHeaders headers) {
        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }
    }

    public void run() throws IOException, InterruptedException, java.security.cert.CertificateException,
            cn.cqs.contract.qr.MalformedTokenException {
        String run = setting("CQS_RUN");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        LocalDate today = LocalDate.now(CHINA);

        // 1. 原材料进厂登记: one PUT per delivery, under the ERP's own id (idempotent)
        String cementLot = "YL-C-" + run;
        String sandLot = "YL-S-" + run;
        put("/api/v1/plant/material-lots/" + cementLot, new MaterialIntakeRequest(MaterialKind.CEMENT, "P·O 42.5",
                "福建炼石水泥有限公司", "福建炼石水泥有限公司", "LS-" + run, new BigDecimal("60.5"), now.minusSeconds(7200), null));
        Answer sand = put("/api/v1/plant/material-lots/" + sandLot, new MaterialIntakeRequest(MaterialKind.SAND, "中砂",
                "闽侯县砂石贸易公司", "闽江机制砂厂", "SA-" + run, new BigDecimal("300"), now.minusSeconds(7200), null));
        out.println("lotStatus=" + sand.status());

        // 2. 配合比: the marking must be the one the batch states
        String mixId = "PB-C30-" + run;
        Answer mix = put("/api/v1/plant/mix-designs/" + mixId, new MixDesignRequest("A-C30-180(S4)-P8-GB/T 14902",
                List.of(new MixQuantity(MaterialKind.CEMENT, new BigDecimal("300")),
                        new MixQuantity(MaterialKind.SAND, new BigDecimal("780")),
                        new MixQuantity(MaterialKind.WATER, new BigDecimal("170"))), null, today, null));
        out.println("mixDesignStatus=" + mix.status());

        // 3. 生产信息登记: the platform assigns the serial number and signs the QR code
        String batchId = "SC-" + run;
        ProductionRequest production = new ProductionRequest(UUID.fromString(setting("CQS_PROJECT_ID")),
                "福建建工集团有限公司", "3#楼 五层 梁板", "A-C30-180(S4)-P8-GB/T 14902", new BigDecimal("16"), mixId,
                List.of(cementLot, sandLot), now.plusSeconds(600), "HT-" + run);
        Answer registered = put("/api/v1/plant/batches/" + batchId, production);
        ProductionBatch batch = JSON.readValue(registered.body(), ProductionBatch.class);
        out.println("batchStatus=" + registered.status());
        out.println("serialNumber=" + batch.serialNumber());
        out.println("qrText=" + batch.qrText());

        // the QR code is signed by the platform: check it offline against the platform's trust bundle
        TrustBundle trust = JSON.readValue(send("GET", "/api/v1/pki/trust", null).body(), TrustBundle.class);
        Verification verification = new TokenVerifier(trust.toTrustRegistry()).verify(QrToken.fromScannedText(batch.qrText()));
        out.println("qrVerified=" + verification.outcome());
        out.println("qrMatches=" + verification.checkDigest(BatchKeyFields.of(batch)));

        // 4. 重发: the same registration again answers the same batch (200), never a second serial number
        Answer again = put("/api/v1/plant/batches/" + batchId, production);
        out.println("resendStatus=" + again.status());
        out.println("resendSerialNumber=" + again.json().get("serialNumber").asText());

        // 5. 开盘告知 and 完成告知, each within 1 hour of the event
        Answer start = post("/api/v1/plant/batches/" + batchId + "/start", new NotificationRequest(now, null));
        out.println("startNotification=" + start.json().get("startNotification").asText());
        Answer end = post("/api/v1/plant/batches/" + batchId + "/end",
                new NotificationRequest(now, new BigDecimal("16")));
        out.println("endNotification=" + end.json().get("endNotification").asText());

        // 6. 发货单: one per truck, under the ERP's ticket number
        Answer ticket = put("/api/v1/plant/batches/" + batchId + "/tickets/FH-" + run,
                new DeliveryTicketRequest("闽A·D3516", new BigDecimal("8"), now, "鼓楼区湖东路工地北门"));
        out.println("ticketStatus=" + ticket.status());

        // 7. a different registration under the same batch id is refused, naming what differs
        ProductionRequest changed = new ProductionRequest(production.projectId(), production.buyer(),
                production.pourLocation(), production.marking(), new BigDecimal("20"), mixId, production.materialLotIds(),
                production.plannedStart(), production.contractNumber());
        Answer conflict = put("/api/v1/plant/batches/" + batchId, changed);
        out.println("conflictStatus=" + conflict.status());
        JsonNode error = conflict.json().path("errors").path(0);
        out.println("conflictField=" + error.path("field").asText() + "/" + error.path("code").asText());

        // 8. 查询批次: a page at a time; X-Total-Count is exact while X-Total-Count-Exact is true, otherwise
        //    a lower bound (more than 10,000 match: show "10,000+", or ask count=exact, which is slower)
        Answer list = send("GET", "/api/v1/batches", "q=" + URLEncoder.encode(batchId, StandardCharsets.UTF_8)
                + "&limit=20", null);
        out.println("listRows=" + list.json().size());
        out.println("listTotal=" + list.headers().firstValue("X-Total-Count").orElse("absent"));
        out.println("listTotalExact=" + list.headers().firstValue("X-Total-Count-Exact").orElse("absent"));
    }

    private Answer put(String path, Object body) throws IOException, InterruptedException {
        return send("PUT", path, body);
    }

    private Answer post(String path, Object body) throws IOException, InterruptedException {
        return send("POST", path, body);
    }

    private Answer send(String method, String path, Object body) throws IOException, InterruptedException {
        return send(method, path, "", body);
    }

    /** {@code query}: the query string after '?', its values already percent-encoded (or empty). */
    private Answer send(String method, String path, String query, Object body) throws IOException, InterruptedException {
        String base = setting("CQS_URL").replaceAll("/+$", "");
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + encodePath(path)
                        + (query.isEmpty() ? "" : "?" + query)))
                .timeout(Duration.ofSeconds(30)).header("X-Api-Key", setting("CQS_API_KEY"));
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (r.statusCode() >= 400 && r.statusCode() != 409) {
            throw new IOException(method + " " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return new Answer(r.statusCode(), r.body(), r.headers());
    }

    /** Percent-encodes each segment (the ERP's ids may hold any characters but '/'). */
    private static String encodePath(String path) {
        StringBuilder sb = new StringBuilder();
        for (String segment : path.substring(1).split("/")) {
            sb.append('/').append(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return sb.toString();
    }

    private String setting(String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("Set " + name + " (see docs/integration-guide.md section 11)");
        }
        return value;
    }
}
