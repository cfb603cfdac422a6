package cn.cqs.server.testing;

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
import cn.cqs.contract.time.UploadDeadline;
import cn.cqs.server.app.CqsServer;
import cn.cqs.server.demo.DemoAccounts;
import cn.cqs.server.demo.DemoPki;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** Builds cube reports and signed uploads for tests, with the demo credentials a server wrote. */
public final class Reports {
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String SERIES = "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 6)
            .toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "X");

    private Reports() {
    }

    /** A report number not used before in this JVM. */
    public static String newNumber() {
        return "2026-" + SERIES + "-" + String.format("%06d", SEQUENCE.incrementAndGet());
    }

    /** A valid C30 cube report (test date two days ago, China time) for a project. */
    public static CubeStrengthReport cube(String number, UUID projectId, String projectName) {
        LocalDate tested = LocalDate.now(UploadDeadline.REPORT_ZONE).minusDays(2);
        return new CubeStrengthReport(number, "WT-" + number, projectId, projectName, "3号楼五层梁板", "混凝土试块",
                "S-" + number, new BigDecimal("100"), tested.minusDays(28), tested, 28, CubeStrengthReport.STANDARD,
                "C30", 150, List.of(new Specimen(new BigDecimal("720.0")), new Specimen(new BigDecimal("747.0")),
                new Specimen(new BigDecimal("765.0"))), null, "张三", "JZ-350100-000123", "厦门某监理有限公司", "李四");
    }

    /** The same report with another sample name (a key field). */
    public static CubeStrengthReport withSampleName(CubeStrengthReport c, String sampleName) {
        return new CubeStrengthReport(c.reportNumber(), c.commissionNumber(), c.projectId(), c.projectName(),
                c.projectPart(), sampleName, c.sampleId(), c.representativeQuantityM3(), c.samplingDate(), c.testDate(),
                c.curingAgeDays(), c.standard(), c.designGrade(), c.specimenSizeMm(), c.specimens(), c.testedSizeFactor(),
                c.witnessName(), c.witnessCertificateNumber(), c.witnessOrganisation(), c.samplerName());
    }

    /** The demo credential of an enterprise, from the server's demo PKI directory. */
    public static OrganisationCredential demoCredential(CqsServer server, DemoAccounts.Org org) {
        Path dir = server.demoCredentialsDirectory().orElseThrow(() -> new AssertionError("not a demo server"));
        try {
            return Pkcs12Keystores.load(DemoPki.credentialFile(dir, org.uscc), DemoAccounts.PASSWORD.toCharArray());
        } catch (Exception e) {
            throw new AssertionError("cannot load the demo credential of " + org, e);
        }
    }

    /** The demo platform CA (key and certificate), to issue test credentials the server trusts. */
    public static cn.cqs.contract.pki.CertificateAuthority demoCa(CqsServer server) {
        Path dir = server.demoCredentialsDirectory().orElseThrow(() -> new AssertionError("not a demo server"));
        try {
            OrganisationCredential ca = Pkcs12Keystores.load(dir.resolve(DemoPki.CA_FILE), DemoAccounts.PASSWORD.toCharArray());
            return new cn.cqs.contract.pki.CertificateAuthority(ca.privateKey(), ca.certificate());
        } catch (Exception e) {
            throw new AssertionError("cannot load the demo CA", e);
        }
    }

    /** A new credential for a demo enterprise from the demo CA (not registered with the server). */
    public static OrganisationCredential freshCredential(CqsServer server, DemoAccounts.Org org) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return demoCa(server).issueOrganisationCredential(new cn.cqs.contract.pki.OrganisationIdentity(org.displayName,
                org.uscc), now.minus(java.time.Duration.ofDays(2)), now.plus(java.time.Duration.ofDays(30)));
    }

    /** Signs the token for {@code cube} as issued at {@code issuedAt}. */
    public static QrToken sign(OrganisationCredential credential, CubeStrengthReport cube, Instant issuedAt) {
        return TokenSigner.of(credential).sign(TokenKind.REPORT, cube.reportNumber(), ReportKeyFields.of(cube), issuedAt);
    }

    /**
     * An upload of {@code cube} with a token signed by {@code credential} at {@code issuedAt}, and a
     * PDF signed by the same credential.
     */
    public static ReportUpload upload(OrganisationCredential credential, CubeStrengthReport cube, Instant issuedAt) {
        return upload(credential, cube, issuedAt, SignedPdfs.signed(cube.reportNumber(), credential));
    }

    /** As {@link #upload(OrganisationCredential, CubeStrengthReport, Instant)} with the given PDF bytes. */
    public static ReportUpload upload(OrganisationCredential credential, CubeStrengthReport cube, Instant issuedAt,
                                      byte[] pdf) {
        QrToken token = sign(credential, cube, issuedAt);
        return new ReportUpload(ReportType.CONCRETE_CUBE, cube, token.encode(), token.issuedAt(), "张检测", "李审核", "王批准",
                pdf == null ? null : java.util.Base64.getEncoder().encodeToString(pdf));
    }

    /** A valid report of any type ({@link cn.cqs.contract.reports.ReportExamples}), tested two days ago. */
    public static Object content(ReportType type, String number, UUID projectId, String projectName) {
        return cn.cqs.contract.reports.ReportExamples.of(type, number, projectId, projectName,
                LocalDate.now(UploadDeadline.REPORT_ZONE).minusDays(2));
    }

    /** An upload of a content of any type, signed a minute ago, with a signed PDF. */
    public static ReportUpload upload(OrganisationCredential credential, ReportType type, Object content) {
        String number = cn.cqs.contract.reports.ReportTypes.of(type).headerOf(content).reportNumber();
        QrToken token = TokenSigner.of(credential).sign(TokenKind.REPORT, number, ReportKeyFields.of(type, content),
                Instant.now().minus(1, ChronoUnit.MINUTES));
        return new ReportUpload(type, content, token.encode(), token.issuedAt(), "张检测", "李审核", "王批准",
                java.util.Base64.getEncoder().encodeToString(SignedPdfs.signed(number, credential)));
    }

    /** An upload issued a minute ago. */
    public static ReportUpload upload(OrganisationCredential credential, CubeStrengthReport cube) {
        return upload(credential, cube, Instant.now().minus(1, ChronoUnit.MINUTES));
    }
}
