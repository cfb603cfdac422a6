package cn.cqs.client.rendering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.cqs.client.rendering.signing.PdfSigner;
import cn.cqs.client.rendering.signing.SealPlacement;
import cn.cqs.contract.pki.CertificateAuthority;
import cn.cqs.contract.pki.OrganisationCredential;
import cn.cqs.contract.pki.OrganisationIdentity;
import cn.cqs.contract.pki.PemCertificates;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signs a real rendered report with a demo-like credential (a platform CA and a lab certificate
 * made like the demo's) and checks the result independently: PDFBox reads the signature field and
 * byte range, BouncyCastle verifies the CMS signature; poppler's {@code pdfsig} (when installed)
 * must say "Signature is Valid" and, with the CA in a fresh NSS database, "Certificate is Trusted".
 * The signed page is rendered to {@code target/rendered/cube-report-signed-1.png} to look at.
 */
class ReportPdfSigningTest {
    static final Path OUT = Path.of("target", "rendered");
    static final String LAB = "福建省建设工程质量检测中心有限公司";

    static CertificateAuthority ca;
    static OrganisationCredential credential;
    static RenderedReport rendered;
    static PrintedBox sealBox;
    static Instant signedAt;
    static byte[] signed;
    static Path signedFile;

    @BeforeAll
    static void signOnce() throws IOException {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        ca = CertificateAuthority.createPlatformCa("CQS Test Platform CA", "福建省住房和城乡建设厅（测试）",
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)));
        credential = ca.issueOrganisationCredential(new OrganisationIdentity(LAB, "91350100MA34XY1234"),
                now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(30)));
        rendered = new ReportPdfRenderer().renderLaidOut(ReportPdfRendererTest.sample(ReportPdfRendererTest.LONG_PROJECT,
                ReportPdfRendererTest.PAYLOAD));
        sealBox = SealPlacement.besideQrCode(rendered);
        signedAt = now;
        signed = new PdfSigner().sign(rendered.pdf(), credential, sealBox, signedAt);
        Files.createDirectories(OUT);
        signedFile = OUT.resolve("cube-report-signed.pdf");
        Files.write(signedFile, signed);
    }

    @Test
    void theSealSitsOnTheQrPageBesideTheCodeNotOverIt() throws IOException {
        PrintedBox qr = rendered.qrCode();
        assertThat(qr.page()).isEqualTo(rendered.pageCount());
        assertThat(qr.width()).isEqualTo(100f);
        assertThat(sealBox.overlaps(qr)).isFalse();
        assertThat(sealBox.page()).isEqualTo(qr.page());
        assertThat(sealBox.right()).isLessThanOrEqualTo(qr.x());
        assertThat(sealBox.y()).isEqualTo(qr.y());
        try (PDDocument doc = Loader.loadPDF(signed)) {
            PDPage page = doc.getPage(sealBox.page() - 1);
            List<PDRectangle> widgets = new ArrayList<>();
            for (PDAnnotation a : page.getAnnotations()) {
                if ("Widget".equals(a.getSubtype())) {
                    widgets.add(a.getRectangle());
                }
            }
            assertThat(widgets).hasSize(1);
            PDRectangle r = widgets.get(0);
            assertThat(r.getLowerLeftX()).isCloseTo(sealBox.x(), org.assertj.core.data.Offset.offset(0.01f));
            assertThat(r.getLowerLeftY()).isCloseTo(sealBox.y(), org.assertj.core.data.Offset.offset(0.01f));
            assertThat(r.getWidth()).isCloseTo(SealPlacement.diameterPoints(), org.assertj.core.data.Offset.offset(0.01f));
        }
    }

    @Test
    void oneDetachedSha256EcdsaSignatureCoversTheWholeFileAndVerifies() throws Exception {
        try (PDDocument doc = Loader.loadPDF(signed)) {
            List<PDSignature> signatures = doc.getSignatureDictionaries();
            assertThat(signatures).hasSize(1);
            PDSignature signature = signatures.get(0);
            assertThat(signature.getFilter()).isEqualTo("Adobe.PPKLite");
            assertThat(signature.getSubFilter()).isEqualTo("adbe.pkcs7.detached");
            assertThat(signature.getName()).isEqualTo(LAB);
            int[] range = signature.getByteRange();
            assertThat(range[0]).isZero();
            assertThat((long) range[2] + range[3]).as("signed up to the end of the file").isEqualTo(signed.length);
            assertThat(signed[range[1]]).isEqualTo((byte) '<');
            assertThat(signed[range[2] - 1]).isEqualTo((byte) '>');

            ContentInfo info;
            try (ASN1InputStream in = new ASN1InputStream(signature.getContents(signed))) {
                info = ContentInfo.getInstance(in.readObject());
            }
            CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(signature.getSignedContent(signed)), info);
            assertThat(cms.isDetachedSignature()).isTrue();
            Collection<SignerInformation> signers = cms.getSignerInfos().getSigners();
            assertThat(signers).hasSize(1);
            SignerInformation signer = signers.iterator().next();
            assertThat(signer.getDigestAlgOID()).isEqualTo(NISTObjectIdentifiers.id_sha256.getId());
            assertThat(signer.getEncryptionAlgOID()).isEqualTo(X9ObjectIdentifiers.ecdsa_with_SHA256.getId());
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> embedded = cms.getCertificates().getMatches(null);
            assertThat(embedded).as("the chain: lab certificate and platform CA").hasSize(2);
            @SuppressWarnings("unchecked")
            X509CertificateHolder signerHolder = (X509CertificateHolder) cms.getCertificates().getMatches(signer.getSID())
                    .iterator().next();
            X509Certificate signerCertificate = new JcaX509CertificateConverter().getCertificate(signerHolder);
            assertThat(signerCertificate).isEqualTo(credential.certificate());
            assertThat(signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(signerCertificate))).isTrue();
            Attribute time = signer.getSignedAttributes().get(CMSAttributes.signingTime);
            assertThat(Time.getInstance(time.getAttrValues().getObjectAt(0)).getDate().toInstant()).isEqualTo(signedAt);

            // one byte changed inside the signed range: the same check fails
            byte[] tampered = signed.clone();
            int inside = range[1] / 2;
            tampered[inside] = (byte) (tampered[inside] ^ 0x01);
            CMSSignedData broken = new CMSSignedData(new CMSProcessableByteArray(signature.getSignedContent(tampered)), info);
            SignerInformation brokenSigner = broken.getSignerInfos().getSigners().iterator().next();
            boolean verified;
            try {
                verified = brokenSigner.verify(new JcaSimpleSignerInfoVerifierBuilder().build(signerCertificate));
            } catch (org.bouncycastle.cms.CMSSignerDigestMismatchException e) {
                verified = false;
            }
            assertThat(verified).isFalse();
        }
    }

    /** Every other report type, rendered from its example content and signed like the cube. */
    static List<Path> signedOtherTypes() throws IOException {
        List<Path> files = new ArrayList<>();
        for (cn.cqs.contract.reports.ReportType type : cn.cqs.contract.reports.ReportType.values()) {
            if (type == cn.cqs.contract.reports.ReportType.CONCRETE_CUBE) {
                continue;
            }
            Object content = cn.cqs.contract.reports.ReportExamples.of(type, "2026-SIG-000001",
                    java.util.UUID.randomUUID(), "翔安区保障性住房二期工程", java.time.LocalDate.of(2026, 11, 20));
            RenderedReport r = new ReportPdfRenderer().renderLaidOut(ReportPrints.of(type, content, LAB, "王磊", "李娜",
                    "张伟", java.time.LocalDate.of(2026, 11, 21), ReportPdfRendererTest.PAYLOAD));
            Path file = OUT.resolve(cn.cqs.contract.reports.ReportTypes.of(type).code() + "-report-signed.pdf");
            Files.write(file, new PdfSigner().sign(r.pdf(), credential, SealPlacement.besideQrCode(r), signedAt));
            files.add(file);
        }
        return files;
    }

    @Test
    void pdfsigSaysTheSignatureIsValidAndTheCertificateTrustedWithThePlatformCa(@TempDir Path nss) throws Exception {
        Path pdfsig = Path.of("/usr/bin/pdfsig");
        assumeTrue(Files.isExecutable(pdfsig), "skipped: /usr/bin/pdfsig (poppler-utils) is not installed");
        List<Path> files = new ArrayList<>(List.of(signedFile));
        files.addAll(signedOtherTypes());
        for (Path file : files) {
            String plain = run(List.of(pdfsig.toString(), "-nocert", file.toAbsolutePath().toString()));
            System.out.println("pdfsig -nocert " + file.getFileName() + ":\n" + plain);
            assertThat(plain).as(file.toString()).contains("Signature is Valid.").contains("adbe.pkcs7.detached")
                    .contains("SHA-256").contains("Total document signed");
        }

        Path certutil = Path.of("/usr/bin/certutil");
        assumeTrue(Files.isExecutable(certutil),
                "trust check skipped: /usr/bin/certutil (libnss3-tools) is not installed; the signature itself was valid");
        Path caPem = nss.resolve("ca.pem");
        Files.writeString(caPem, PemCertificates.toPem(ca.certificate()));
        String db = "sql:" + nss.toAbsolutePath();
        run(List.of(certutil.toString(), "-N", "--empty-password", "-d", db));
        // trust flags SSL,S/MIME,object signing: pdfsig checks the signer for S/MIME (email signer) use, so
        // "C,," (an SSL-only CA) gives "Certificate issuer isn't Trusted"; poppler 22.12 also reports an
        // unknown problem with -no-ocsp, and our certificates name no OCSP responder, so it is not passed
        run(List.of(certutil.toString(), "-A", "-n", "cqs-platform-ca", "-t", "C,C,C", "-i", caPem.toString(), "-d", db));
        for (Path file : files) {
            String trusted = run(List.of(pdfsig.toString(), "-nssdir", db, file.toAbsolutePath().toString()));
            System.out.println("pdfsig with the platform CA in NSS, " + file.getFileName() + ":\n" + trusted);
            assertThat(trusted).as(file.toString()).contains("Signature is Valid.").contains("Certificate is Trusted.");
        }
    }

    @Test
    void theSignedPageRendersWithTheSeal() throws Exception {
        Path pdftoppm = Path.of("/usr/bin/pdftoppm");
        assumeTrue(Files.isExecutable(pdftoppm), "skipped: /usr/bin/pdftoppm (poppler-utils) is not installed");
        String page = String.valueOf(rendered.qrCode().page());
        run(List.of(pdftoppm.toString(), "-r", "100", "-png", "-f", page, "-l", page,
                signedFile.toAbsolutePath().toString(), OUT.resolve("cube-report-signed").toAbsolutePath().toString()));
        try (var files = Files.list(OUT)) {
            assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("cube-report-signed-")
                    && n.endsWith(".png"));
        }
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("%s finished", command.get(0)).isTrue();
        assertThat(process.exitValue()).as("%s: %s", command, output).isZero();
        return output;
    }
}
