package cn.cqs.client.bench;

import cn.cqs.client.rendering.RenderedReport;
import cn.cqs.client.rendering.ReportPdfRenderer;
import cn.cqs.client.rendering.signing.PdfSigner;
import cn.cqs.client.rendering.signing.SealPlacement;
import cn.cqs.client.rendering.ReportPrints;
import cn.cqs.client.reports.ReportIssuer;
import cn.cqs.contract.pki.CertificateAuthority;
import cn.cqs.contract.pki.OrganisationCredential;
import cn.cqs.contract.pki.OrganisationIdentity;
import cn.cqs.contract.qr.QrToken;
import cn.cqs.contract.qr.TokenKind;
import cn.cqs.contract.qr.TokenSigner;
import cn.cqs.contract.reports.CubeStrengthReport;
import cn.cqs.contract.reports.ReportExamples;
import cn.cqs.contract.reports.ReportKeyFields;
import cn.cqs.contract.reports.ReportType;
import cn.cqs.contract.reports.ReportTypeDefinition;
import cn.cqs.contract.reports.ReportTypes;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Benchmark (not a test; {@code ./mvnw -Pbench-issue -pl client -am test-compile}, see README): issuing
 * one report on the client the way {@link ReportIssuer} does it, timed step by step — validate and
 * compute (GB/T 50081), sign the QR token ({@link TokenSigner}, ECDSA P-256), fill and export the
 * JasperReports template to PDF ({@link ReportPdfRenderer}, QR bitmap included), sign the PDF
 * ({@link PdfSigner}: seal, detached CMS) — and prints median, p95 and max per step (wall clock),
 * the median and p95 CPU time of the issuing thread (steadier on a shared machine; JIT and GC threads
 * not included), and the PDF size.
 * Every report type is measured in turn ({@link ReportPrints} picks its template). Writing the file
 * and queueing the upload (local I/O) are left out.
 *
 * <p>The credential is made like the demo's: a fresh platform CA and a lab certificate from
 * {@link CertificateAuthority}. Every report has its own number, loads and sample, so no two
 * runs sign the same bytes. Single-threaded, like the client's issue action.
 *
 * <p>Arguments: {@code --reports=N} timed reports per type (default 200), {@code --warmup=N} untimed
 * reports before them (default 100), {@code --types=REBAR,CEMENT} to measure only some types
 * (default: all).
 */
public final class ReportIssueBenchmark {
    private static final String LAB = "厦门市建科工程检测有限公司";
    private static final String LAB_USCC = "91350200776049653A";
    private static final String PROJECT = "翔安区保障性住房二期工程 3#、4#楼及地下室主体结构";
    private static final String SERVER_URL = "http://127.0.0.1:8080";
    private static final java.lang.management.ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private ReportIssueBenchmark() {
    }

    public static void main(String[] args) {
        BenchArgs options = new BenchArgs(args, java.util.Set.of("reports", "warmup", "types"));
        int reports = options.intOption("reports", 200, 1, 100_000);
        int warmup = options.intOption("warmup", 100, 0, 100_000);
        List<ReportType> types = options.stringOption("types", null) == null ? List.of(ReportType.values())
                : Arrays.stream(options.stringOption("types", null).split(",")).map(String::strip)
                        .map(ReportType::valueOf).toList();

        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        CertificateAuthority ca = CertificateAuthority.createPlatformCa("CQS Bench Platform CA", "福建省住房和城乡建设厅（基准测试）",
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)));
        OrganisationCredential credential = ca.issueOrganisationCredential(new OrganisationIdentity(LAB, LAB_USCC),
                now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(30)));
        if (!CPU.isCurrentThreadCpuTimeSupported()) {
            throw new IllegalStateException("this JVM cannot measure thread CPU time");
        }
        CPU.setThreadCpuTimeEnabled(true);
        ReportPdfRenderer renderer = new ReportPdfRenderer();
        PdfSigner pdfSigner = new PdfSigner();
        TokenSigner tokenSigner = TokenSigner.of(credential);
        UUID projectId = UUID.randomUUID();

        System.out.printf(Locale.ROOT, "Report issue benchmark: %s; per type %d warm-up + %d timed, one thread%n",
                types, warmup, reports);
        System.out.println("JVM: " + System.getProperty("java.vm.name") + " " + Runtime.version() + ", "
                + Runtime.getRuntime().availableProcessors() + " CPUs; load average at start: " + loadAverage());

        long checksum = 0;
        for (ReportType type : types) {
            StepTimings compute = new StepTimings("validate + compute", reports);
            StepTimings token = new StepTimings("QR token sign (ECDSA P-256)", reports);
            StepTimings fill = new StepTimings("Jasper fill + PDF export", reports);
            StepTimings sign = new StepTimings("PDF sign (seal + CMS)", reports);
            StepTimings total = new StepTimings("total", reports);
            int[] pdfBytes = new int[reports];
            int[] pages = new int[reports];
            for (int i = 0; i < warmup; i++) {
                issue(type, i, projectId, tokenSigner, renderer, pdfSigner, credential, null);
            }
            for (int i = 0; i < reports; i++) {
                Issued issued = issue(type, warmup + i, projectId, tokenSigner, renderer, pdfSigner, credential,
                        new StepTimings[] {compute, token, fill, sign, total});
                pdfBytes[i] = issued.signedPdf.length;
                pages[i] = issued.pages;
                checksum += issued.signedPdf[issued.signedPdf.length / 2];
            }
            System.out.println();
            System.out.println("== " + type + " (" + ReportTypes.of(type).nameZh() + ", template "
                    + ReportPrints.templateOf(type) + ")");
            System.out.println(StepTimings.header());
            for (StepTimings t : List.of(compute, token, fill, sign, total)) {
                System.out.println(t.row());
            }
            int[] sorted = pdfBytes.clone();
            Arrays.sort(sorted);
            System.out.printf(Locale.ROOT, "Signed PDF size: min %.1f KB, median %.1f KB, max %.1f KB; pages: %d-%d%n",
                    sorted[0] / 1024.0, sorted[(sorted.length - 1) / 2] / 1024.0, sorted[sorted.length - 1] / 1024.0,
                    Arrays.stream(pages).min().orElseThrow(), Arrays.stream(pages).max().orElseThrow());
        }
        System.out.println("Load average at end: " + loadAverage() + " (checksum " + checksum + ")");
    }

    private record Issued(byte[] signedPdf, int pages) {
    }

    /** Issues report {@code i} of {@code type}; when {@code timings} is given, records each step and the total. */
    private static Issued issue(ReportType type, int i, UUID projectId, TokenSigner tokenSigner,
                                ReportPdfRenderer renderer, PdfSigner pdfSigner, OrganisationCredential credential,
                                StepTimings[] timings) {
        ReportTypeDefinition<?, ?> definition = ReportTypes.of(type);
        Object content = type == ReportType.CONCRETE_CUBE ? cube(i, projectId)
                : ReportExamples.of(type, String.format(Locale.ROOT, "2026-BM-%06d", i + 1), projectId, PROJECT,
                        LocalDate.of(2026, 11, 20));
        String number = definition.headerOf(content).reportNumber();
        long c0 = CPU.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        if (!definition.validate(content).isEmpty()) {
            throw new IllegalStateException("benchmark report " + number + " is not valid: "
                    + definition.validate(content));
        }
        definition.evaluate(content);
        Instant issuedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        long t1 = System.nanoTime();
        long c1 = CPU.getCurrentThreadCpuTime();
        QrToken qr = tokenSigner.sign(TokenKind.REPORT, number, ReportKeyFields.of(type, content), issuedAt);
        String payload = qr.toUrl(SERVER_URL);
        long t2 = System.nanoTime();
        long c2 = CPU.getCurrentThreadCpuTime();
        RenderedReport rendered = renderer.renderLaidOut(ReportPrints.of(type, content, LAB, "王磊", "李娜", "张伟",
                LocalDate.ofInstant(issuedAt, ReportIssuer.LOCAL_ZONE), payload));
        long t3 = System.nanoTime();
        long c3 = CPU.getCurrentThreadCpuTime();
        byte[] signed = pdfSigner.sign(rendered.pdf(), credential, SealPlacement.besideQrCode(rendered), issuedAt);
        long t4 = System.nanoTime();
        long c4 = CPU.getCurrentThreadCpuTime();
        if (timings != null) {
            timings[0].add(t1 - t0, c1 - c0);
            timings[1].add(t2 - t1, c2 - c1);
            timings[2].add(t3 - t2, c3 - c2);
            timings[3].add(t4 - t3, c4 - c3);
            timings[4].add(t4 - t0, c4 - c0);
        }
        return new Issued(signed, rendered.pageCount());
    }

    /** A valid C30 group whose loads, sample and number vary with {@code i}. */
    private static CubeStrengthReport cube(int i, UUID projectId) {
        String number = String.format(Locale.ROOT, "2026-HNT-%06d", i + 1);
        LocalDate tested = LocalDate.of(2026, 11, 20);
        BigDecimal base = new BigDecimal("760.0").add(BigDecimal.valueOf(i % 50));
        return new CubeStrengthReport(number, "WT-2026-" + (10_000 + i), projectId, PROJECT, "3#楼 十二层 剪力墙、梁、板",
                "混凝土立方体试件", "YP-2026-" + (i + 1), new BigDecimal("120"), tested.minusDays(28), tested, 28,
                CubeStrengthReport.STANDARD, "C30", 150, List.of(new CubeStrengthReport.Specimen(base),
                new CubeStrengthReport.Specimen(base.add(new BigDecimal("23.4"))),
                new CubeStrengthReport.Specimen(base.subtract(new BigDecimal("18.2")))),
                null, "林建国", "JZ-35-2023-00412", "厦门市某某建设监理有限公司", "陈晓明");
    }

    static String loadAverage() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return load < 0 ? "n/a" : String.format(Locale.ROOT, "%.2f (1 min)", load);
    }
}
