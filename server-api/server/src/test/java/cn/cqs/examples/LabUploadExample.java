package cn.cqs.examples;

import cn.cqs.contract.json.Json;
import cn.cqs.contract.pki.OrganisationCredential;
import cn.cqs.contract.pki.Pkcs12Keystores;
import cn.cqs.contract.qr.QrToken;
import cn.cqs.contract.qr.TokenKind;
import cn.cqs.contract.qr.TokenSigner;
import cn.cqs.contract.reports.CubeStrengthReport;
import cn.cqs.contract.reports.CubeStrengthReport.Specimen;
import cn.cqs.contract.reports.ReportKeyFields;
import cn.cqs.contract.reports.ReportType;
import cn.cqs.contract.reports.ReportUpload;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lowagie.text.Document;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfDate;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfSignature;
import com.lowagie.text.pdf.PdfSignatureAppearance;
import com.lowagie.text.pdf.PdfStamper;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.UUID;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * 数据接口示例 (the integration guide's Java example, docs/integration-guide.md): how a lab's own
 * business software uploads an issued concrete cube report to the platform. It uses only the
 * published contract library ({@code cn.cqs:contract}), OpenPDF, BouncyCastle, Jackson and the
 * JDK's HTTP client; nothing of the server.
 *
 * <p>Two commands:
 * <ul>
 *   <li>{@code sign}: builds the report, signs its QR token and its PDF with the lab's key, and
 *       prints the upload's JSON body to standard output (the curl example sends it);</li>
 *   <li>{@code sign-correction <id>}: prints the body of a correction (更正) of the uploaded report
 *       {@code id}: a new version under the number {@code CQS_CORRECTION_NUMBER} with the project
 *       part corrected, naming the report it supersedes and why;</li>
 *   <li>{@code upload} (default): signs the report, then uploads it with an API key and an
 *       {@code Idempotency-Key}, replays the upload, reads the status by report number, shows
 *       a refusal (a body changed after signing) and uploads a correction.</li>
 * </ul>
 * Settings come from environment variables: {@code CQS_URL} (server, e.g. http://localhost:8080),
 * {@code CQS_API_KEY}, {@code CQS_KEYSTORE} (the lab's PKCS#12 signing credential),
 * {@code CQS_KEYSTORE_PASSWORD}, {@code CQS_PROJECT_ID} (the project's platform id),
 * {@code CQS_PROJECT_NAME}, {@code CQS_REPORT_NUMBER} (the lab's own number, e.g. 2026-HNT-000123),
 * {@code CQS_CORRECTION_NUMBER} (the correction's own new number, e.g. 2026-HNT-000124).
 * Results are printed as {@code name=value} lines.
 */
public final class LabUploadExample {
    /** Reports are dated in China time (检测日期 etc.). */
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    /** Bytes reserved in the PDF for the CMS signature (DER), before hex encoding. */
    private static final int SIGNATURE_RESERVE = 8192;
    private static final ObjectMapper JSON = Json.newMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final Map<String, String> settings;
    private final PrintStream out;

    public LabUploadExample(Map<String, String> settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    /** Runs a command; a refused call or a missing setting ends with its message and exit code 1. */
    public static void main(String[] args) throws InterruptedException {
        String command = args.length == 0 ? "upload" : args[0];
        LabUploadExample example = new LabUploadExample(System.getenv(), System.out);
        try {
            switch (command) {
                case "sign" -> example.printSignedBody();
                case "sign-correction" -> example.printSignedCorrection(UUID.fromString(args[1]));
                case "upload" -> example.uploadAndQuery();
                default -> {
                    System.err.println("usage: LabUploadExample [sign|sign-correction <id>|upload]");
                    System.exit(2);
                }
            }
        } catch (IOException | GeneralSecurityException | IllegalArgumentException
                 | cn.cqs.contract.qr.MalformedTokenException e) {
            System.err.println("LabUploadExample " + command + " failed: " + e.getMessage());
            System.exit(1);
        }
    }

    // ---------------------------------------------------------------- 1. the report and its signatures

    /** Prints the signed upload body as one line of JSON. */
    public void printSignedBody() throws IOException, GeneralSecurityException {
        out.println(JSON.writeValueAsString(signedUpload()));
    }

    /**
     * The upload: the report content, the QR token signed over its key fields, and the report PDF
     * signed with the same key. A real lab maps {@link #report(String, String)} from its own records and signs
     * the PDF it printed.
     */
    public ReportUpload signedUpload() throws IOException, GeneralSecurityException {
        return signed(report(setting("CQS_REPORT_NUMBER"), "3号楼五层梁板"), null, null);
    }

    /** Prints the signed body of a correction of the uploaded report {@code supersedes}. */
    public void printSignedCorrection(UUID supersedes) throws IOException, GeneralSecurityException {
        out.println(JSON.writeValueAsString(signedCorrection(supersedes)));
    }

    /**
     * A correction (更正) of the uploaded report {@code supersedes}: the same report with the project
     * part corrected, under its own new report number, signed again (new token, new PDF), naming the
     * report it replaces and why. The platform marks the old version SUPERSEDED; both stay visible.
     */
    public ReportUpload signedCorrection(UUID supersedes) throws IOException, GeneralSecurityException {
        return signed(report(setting("CQS_CORRECTION_NUMBER"), "3号楼六层梁板"), supersedes,
                "工程部位填写错误，应为六层梁板 / wrong part: the sixth-floor beams and slabs");
    }

    private ReportUpload signed(CubeStrengthReport report, UUID supersedes, String correctionReason)
            throws IOException, GeneralSecurityException {
        OrganisationCredential lab = Pkcs12Keystores.load(Path.of(setting("CQS_KEYSTORE")),
                setting("CQS_KEYSTORE_PASSWORD").toCharArray());
        // The token's digest covers the key fields (ReportKeyFields, docs/qr-token.md section 3);
        // its issue time is whole seconds and the upload's issuedAt must be exactly that time.
        QrToken token = TokenSigner.of(lab).sign(TokenKind.REPORT, report.reportNumber(), ReportKeyFields.of(report),
                Instant.now().truncatedTo(ChronoUnit.SECONDS));
        byte[] pdf = signPdf(reportPdf(report, token), lab);
        return new ReportUpload(ReportType.CONCRETE_CUBE, report, token.encode(), token.issuedAt(),
                "张检测", "李审核", "王批准", Base64.getEncoder().encodeToString(pdf), null, supersedes, correctionReason);
    }

    /** A C30 cube report tested two days ago (China time): three cubes of 150 mm. */
    public CubeStrengthReport report(String number, String projectPart) {
        LocalDate tested = LocalDate.now(CHINA).minusDays(2);
        return new CubeStrengthReport(number, "WT-" + number, UUID.fromString(setting("CQS_PROJECT_ID")),
                setting("CQS_PROJECT_NAME"), projectPart, "混凝土试块", "S-" + number, new BigDecimal("100"),
                tested.minusDays(28), tested, 28, CubeStrengthReport.STANDARD, "C30", 150,
                List.of(new Specimen(new BigDecimal("720.0")), new Specimen(new BigDecimal("747.0")),
                        new Specimen(new BigDecimal("765.0"))),
                null, "张三", "JZ-350100-000123", "厦门某监理有限公司", "李四");
    }

    /** A one-page stand-in for the lab's printed report (the QR code would carry token.toUrl(...)). */
    private static byte[] reportPdf(CubeStrengthReport report, QrToken token) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4);
        PdfWriter.getInstance(document, bytes);
        document.addTitle("Report " + report.reportNumber());
        document.open();
        document.add(new Paragraph("Concrete cube compressive strength report " + report.reportNumber()));
        document.add(new Paragraph("QR token: " + token.encode()));
        document.close();
        return bytes.toByteArray();
    }

    /**
     * Signs a PDF as the platform requires: one invisible signature field, filter Adobe.PPKLite,
     * sub-filter adbe.pkcs7.detached, a detached CMS SignedData with SHA-256 over the whole file
     * except the /Contents hole, made with the lab's registered key, certificates embedded.
     */
    public static byte[] signPdf(byte[] pdf, OrganisationCredential lab) throws IOException, GeneralSecurityException {
        PdfReader reader = new PdfReader(pdf);
        ByteArrayOutputStream signed = new ByteArrayOutputStream();
        PdfStamper stamper = PdfStamper.createSignature(reader, signed, '\0', null, false);
        Calendar now = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        PdfSignatureAppearance appearance = stamper.getSignatureAppearance();
        appearance.setSignDate(now);
        PdfSignature dictionary = new PdfSignature(PdfName.ADOBE_PPKLITE, PdfName.ADBE_PKCS7_DETACHED);
        dictionary.setDate(new PdfDate(now));
        appearance.setCryptoDictionary(dictionary);
        Map<PdfName, Integer> reserved = new HashMap<>();
        reserved.put(PdfName.CONTENTS, SIGNATURE_RESERVE * 2 + 2);
        appearance.preClose(reserved);
        byte[] signedRange;
        try (InputStream in = appearance.getRangeStream()) {
            signedRange = in.readAllBytes();
        }
        byte[] cms;
        try {
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().build())
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").build(lab.privateKey()), lab.certificate()));
            generator.addCertificates(new JcaCertStore(lab.chain()));
            cms = generator.generate(new CMSProcessableByteArray(signedRange), false).toASN1Structure()
                    .getEncoded(ASN1Encoding.DER);
        } catch (OperatorCreationException | CMSException e) {
            throw new GeneralSecurityException("Could not make the CMS signature: " + e.getMessage(), e);
        }
        if (cms.length > SIGNATURE_RESERVE) {
            throw new IllegalStateException("CMS signature of " + cms.length + " bytes exceeds the reserved "
                    + SIGNATURE_RESERVE);
        }
        byte[] padded = new byte[SIGNATURE_RESERVE];
        System.arraycopy(cms, 0, padded, 0, cms.length);
        PdfDictionary contents = new PdfDictionary();
        contents.put(PdfName.CONTENTS, new PdfString(padded).setHexWriting(true));
        appearance.close(contents);
        return signed.toByteArray();
    }

    // ---------------------------------------------------------------- 2. the calls

    /** Uploads, replays, reads the status and shows a refusal; prints what came back. */
    public void uploadAndQuery() throws IOException, GeneralSecurityException, InterruptedException,
            cn.cqs.contract.qr.MalformedTokenException {
        ReportUpload upload = signedUpload();
        CubeStrengthReport report = (CubeStrengthReport) upload.content();
        byte[] body = JSON.writeValueAsBytes(upload);
        // One key per report, derived from the lab's own report number: a retry after a timeout
        // sends the same key and the same body, so the report is created at most once.
        String idempotencyKey = "report-" + report.reportNumber();

        HttpResponse<String> first = post("/api/v1/reports", body, idempotencyKey);
        JsonNode record = expect(first, 201);
        out.println("status=" + first.statusCode());
        out.println("reportNumber=" + record.get("reportNumber").asText());
        out.println("id=" + record.get("id").asText());
        out.println("qrToken=" + record.get("qrToken").asText());
        out.println("verifyUrl=" + QrToken.decode(record.get("qrToken").asText()).toUrl(setting("CQS_URL")));

        HttpResponse<String> replay = post("/api/v1/reports", body, idempotencyKey);
        expect(replay, 201);
        out.println("replayStatus=" + replay.statusCode());
        out.println("replayed=" + replay.headers().firstValue("Idempotent-Replayed").orElse("false"));
        out.println("replayIdentical=" + replay.body().equals(first.body()));

        HttpResponse<String> status = get("/api/v1/reports/by-number/"
                + URLEncoder.encode(report.reportNumber(), StandardCharsets.UTF_8));
        JsonNode current = expect(status, 200);
        out.println("reportStatus=" + current.get("status").asText());

        // Change a key field after signing: the token's digest no longer matches, so it is refused.
        ObjectNode tampered = JSON.valueToTree(upload);
        ((ObjectNode) tampered.get("content")).put("sampleId", "TAMPERED-" + report.sampleId());
        HttpResponse<String> refused = post("/api/v1/reports", JSON.writeValueAsBytes(tampered),
                "tampered-" + report.reportNumber());
        JsonNode problem = JSON.readTree(refused.body());
        out.println("refusedStatus=" + refused.statusCode());
        out.println("refusedContentType=" + refused.headers().firstValue("Content-Type").orElse(""));
        out.println("refusedError=" + problem.at("/errors/0/field").asText() + "/" + problem.at("/errors/0/code").asText());

        // A correction: a new version with its own number; the first one becomes SUPERSEDED.
        ReportUpload correction = signedCorrection(UUID.fromString(record.get("id").asText()));
        HttpResponse<String> corrected = post("/api/v1/reports", JSON.writeValueAsBytes(correction),
                "report-" + ((CubeStrengthReport) correction.content()).reportNumber());
        JsonNode correctionRecord = expect(corrected, 201);
        out.println("correctionStatus=" + corrected.statusCode());
        out.println("correctionSupersedes=" + correctionRecord.get("supersedesId").asText());
        JsonNode original = expect(get("/api/v1/reports/by-number/"
                + URLEncoder.encode(report.reportNumber(), StandardCharsets.UTF_8)), 200);
        out.println("originalStatus=" + original.get("status").asText());
    }

    private HttpResponse<String> post(String path, byte[] body, String idempotencyKey)
            throws IOException, InterruptedException {
        return HTTP.send(request(path).header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        String base = setting("CQS_URL").replaceAll("/+$", "");
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("X-Api-Key", setting("CQS_API_KEY")).header("Accept", "application/json");
    }

    /** The parsed body when the status is the expected one; otherwise the server's problem, as an exception. */
    private static JsonNode expect(HttpResponse<String> response, int status) throws IOException {
        if (response.statusCode() != status) {
            throw new IOException(response.request().method() + " " + response.uri() + " answered "
                    + response.statusCode() + " (expected " + status + "): " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private String setting(String name) {
        String value = settings.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Set " + name + " (see docs/integration-guide.md)");
        }
        return value.strip();
    }
}
