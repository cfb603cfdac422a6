package cn.cqs.client.verify;

import static cn.cqs.client.verify.VerifyViewModelTest.onFx;
import static cn.cqs.client.verify.VerifyViewModelTest.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import cn.cqs.client.dialogs.RecordingDialogService;
import cn.cqs.client.i18n.AppLanguage;
import cn.cqs.client.i18n.Localization;
import cn.cqs.client.pki.TrustCache;
import cn.cqs.client.shell.ConnectionState;
import cn.cqs.client.sync.LocalStore;
import cn.cqs.client.sync.Outbox;
import cn.cqs.client.sync.OutboxEntry;
import cn.cqs.contract.json.Json;
import cn.cqs.contract.qr.QrToken;
import cn.cqs.contract.refusals.RefusalRequest;
import cn.cqs.contract.reports.ReportStatus;
import cn.cqs.contract.verify.ScanSource;
import cn.cqs.contract.verify.VerificationRecordRequest;
import cn.cqs.contract.verify.VerificationResponse;
import cn.cqs.contract.verify.VerifyOutcome;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.SimpleObjectProperty;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The verify screen's records (核验记录) and 拒收并举报 with a real outbox on a temporary local
 * store: one verification record per code checked, exactly once, with the outcome, status, place,
 * time and source; a refusal carries the reason and the scan image; no reason, no report.
 */
class VerifyDeskRecordsTest {
    static final Instant NOW = Instant.parse("2025-07-01T02:00:00Z");
    static TestPki pki;

    @TempDir Path dir;
    final RecordingDialogService dialogs = new RecordingDialogService();
    final AtomicReference<VerificationResponse> answer = new AtomicReference<>();
    final Executor background = r -> new Thread(r, "records-test").start();
    final List<String> savedPlaces = new ArrayList<>();
    final ObjectMapper json = Json.newMapper();
    LocalStore store;
    Outbox outbox;
    VerifyViewModel vm;

    @BeforeAll
    static void startFx() throws java.util.concurrent.TimeoutException {
        org.testfx.api.FxToolkit.registerPrimaryStage();
        pki = new TestPki();
    }

    @BeforeEach
    void create() throws Exception {
        Localization.setLanguage(AppLanguage.CHINESE);
        store = LocalStore.open(dir.resolve("store.db"));
        outbox = new Outbox(store);
        TrustCache cache = TrustCache.open(dir.resolve("trust.json"), Clock.fixed(TestPki.NOW, ZoneOffset.UTC));
        CodeVerifier verifier = new CodeVerifier(cache,
                etag -> TestPki.fresh(pki.bundle(List.of(pki.lab, pki.rogueLab), List.of()), "\"1\""),
                token -> answer.get());
        onFx(() -> vm = new VerifyViewModel(verifier, new DocumentScanner(), dialogs, background,
                new SimpleObjectProperty<>(ConnectionState.ONLINE), VerifyViewModelTest.SHANGHAI,
                new DeskRecords(() -> Optional.of(outbox), Clock.fixed(NOW, ZoneOffset.UTC)), "实验室收样台",
                savedPlaces::add));
    }

    @AfterEach
    void close() {
        store.close();
    }

    void openAndWait(Path file) throws Exception {
        onFx(() -> vm.open(file));
        waitFor(() -> !vm.busyProperty().get());
    }

    List<OutboxEntry> entries(String kind) {
        return outbox.all().stream().filter(e -> e.kind().equals(kind)).toList();
    }

    @Test
    void everyCodeCheckedIsRecordedOnceWithOutcomeStatusPlaceTimeAndSource() throws Exception {
        QrToken token = pki.labToken("JC-2025-000301");
        answer.set(new VerificationResponse(VerifyOutcome.GENUINE_IN_SYSTEM, "真实有效", null,
                TestPki.record("JC-2025-000301", ReportStatus.SUPERSEDED, false)));
        String url = token.toUrl(TestPki.BASE_URL);
        Path png = TestImages.png(dir.resolve("two.png"), "https://example.com/x", url);
        onFx(() -> vm.placeProperty().set("  3号楼工地门卫 "));

        openAndWait(png);
        // looking at the other code and back is not a new verification
        onFx(() -> {
            vm.selectedCodeProperty().set(vm.codes().get(1));
            vm.selectedCodeProperty().set(vm.codes().get(0));
        });

        List<OutboxEntry> recorded = entries(DeskRecords.VERIFICATION_KIND);
        assertThat(recorded).hasSize(2);
        assertThat(recorded).allSatisfy(e -> assertThat(e.target().toString()).isEqualTo("POST /api/v1/verifications"));
        List<VerificationRecordRequest> requests = new ArrayList<>();
        for (OutboxEntry e : recorded) {
            requests.add(json.readValue(e.payload(), VerificationRecordRequest.class));
        }
        VerificationRecordRequest system = requests.stream().filter(r -> r.scannedText().equals(url)).findFirst()
                .orElseThrow();
        assertThat(system.outcome()).isEqualTo(VerifyOutcome.GENUINE_IN_SYSTEM);
        assertThat(system.reportStatus()).isEqualTo(ReportStatus.SUPERSEDED);
        assertThat(system.place()).isEqualTo("3号楼工地门卫");
        assertThat(system.scannedAt()).isEqualTo(NOW);
        assertThat(system.source()).isEqualTo(ScanSource.IMAGE_FILE);
        VerificationRecordRequest foreign = requests.stream().filter(r -> r.scannedText().equals("https://example.com/x"))
                .findFirst().orElseThrow();
        assertThat(foreign.outcome()).isEqualTo(VerifyOutcome.NOT_A_SYSTEM_CODE);
        assertThat(foreign.reportStatus()).isNull();
        assertThat(savedPlaces).containsExactly("3号楼工地门卫");
        onFx(() -> assertThat(vm.recordStatusProperty().get()).contains("2"));

        // opening the paper again is a second verification of each code
        openAndWait(png);
        assertThat(entries(DeskRecords.VERIFICATION_KIND)).hasSize(4);
        assertThat(savedPlaces).hasSize(1);
    }

    @Test
    void aPdfPageIsRecordedAsPdfAndItsRefusalCarriesThePageRenderedAsPng() throws Exception {
        QrToken token = pki.labToken("JC-2025-000302");
        answer.set(new VerificationResponse(VerifyOutcome.GENUINE_IN_SYSTEM, "真实有效", null,
                TestPki.record("JC-2025-000302", ReportStatus.VALID, false)));
        Path png = TestImages.png(dir.resolve("page.png"), token.toUrl(TestPki.BASE_URL));
        Path pdf = dir.resolve("report.pdf");
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            PDImageXObject image = PDImageXObject.createFromFile(png.toString(), doc);
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.drawImage(image, 100, 400, 300, 300 * image.getHeight() / (float) image.getWidth());
            }
            doc.save(pdf.toFile());
        }

        openAndWait(pdf);
        List<OutboxEntry> recorded = entries(DeskRecords.VERIFICATION_KIND);
        assertThat(recorded).hasSize(1);
        VerificationRecordRequest request = json.readValue(recorded.get(0).payload(), VerificationRecordRequest.class);
        assertThat(request.source()).isEqualTo(ScanSource.PDF);
        assertThat(request.reportStatus()).isEqualTo(ReportStatus.VALID);
        assertThat(request.place()).isEqualTo("实验室收样台");

        dialogs.answerText("纸质报告与系统记录不符");
        onFx(vm::refuse);
        waitFor(() -> !entries(DeskRecords.REFUSAL_KIND).isEmpty() && !vm.busyProperty().get());
        RefusalRequest refusal = json.readValue(entries(DeskRecords.REFUSAL_KIND).get(0).payload(), RefusalRequest.class);
        byte[] image = Base64.getDecoder().decode(refusal.image());
        assertThat(ScanImages.type(image)).contains("png");
        BufferedImage page = ImageIO.read(new java.io.ByteArrayInputStream(image));
        assertThat(page.getHeight()).isGreaterThan(page.getWidth()); // the A4 page, not the code alone
    }

    @Test
    void refusingFilesOneReportWithTheReasonAndTheScanImageAndConfirms() throws Exception {
        QrToken token = pki.labToken("JC-2025-000303");
        answer.set(new VerificationResponse(VerifyOutcome.SIGNATURE_INVALID, "签名无效", null, null));
        Path png = TestImages.png(dir.resolve("fake.png"), token.toUrl(TestPki.BASE_URL));
        openAndWait(png);
        onFx(() -> assertThat(vm.canRefuseProperty().get()).isTrue());

        dialogs.answerText("  二维码与报告编号不一致，疑似伪造  ");
        onFx(vm::refuse);
        waitFor(() -> !entries(DeskRecords.REFUSAL_KIND).isEmpty() && !vm.busyProperty().get());

        List<OutboxEntry> refusals = entries(DeskRecords.REFUSAL_KIND);
        assertThat(refusals).hasSize(1);
        assertThat(refusals.get(0).target().toString()).isEqualTo("POST /api/v1/refusals");
        RefusalRequest refusal = json.readValue(refusals.get(0).payload(), RefusalRequest.class);
        assertThat(refusal.reason()).isEqualTo("二维码与报告编号不一致，疑似伪造");
        assertThat(refusal.scannedText()).isEqualTo(vm.codes().get(0).verdict().text());
        assertThat(refusal.outcome()).isEqualTo(vm.codes().get(0).verdict().outcome());
        assertThat(refusal.place()).isEqualTo("实验室收样台");
        assertThat(Base64.getDecoder().decode(refusal.image())).isEqualTo(Files.readAllBytes(png));
        assertThat(dialogs.shown()).anySatisfy(s -> {
            assertThat(s.kind()).isEqualTo("information");
            assertThat(s.message()).contains("当地监管部门");
        });
        assertThat(entries(DeskRecords.VERIFICATION_KIND)).hasSize(1);
    }

    @Test
    void noReasonOrCancelFilesNothing() throws Exception {
        QrToken token = pki.labToken("JC-2025-000304");
        answer.set(new VerificationResponse(VerifyOutcome.GENUINE_IN_SYSTEM, "真实有效", null,
                TestPki.record("JC-2025-000304", ReportStatus.VALID, false)));
        openAndWait(TestImages.png(dir.resolve("one.png"), token.toUrl(TestPki.BASE_URL)));

        dialogs.answerText("   ");
        onFx(vm::refuse);
        dialogs.answerText(null);
        onFx(vm::refuse);
        Thread.sleep(200);

        assertThat(entries(DeskRecords.REFUSAL_KIND)).isEmpty();
        assertThat(dialogs.shown()).anySatisfy(s -> {
            assertThat(s.kind()).isEqualTo("warning");
            assertThat(s.message()).contains("拒收理由");
        });
    }

    @Test
    void nothingCheckedNothingToRefuse() throws Exception {
        onFx(() -> assertThat(vm.canRefuseProperty().get()).isFalse());
        onFx(vm::refuse);
        assertThat(outbox.all()).isEmpty();
    }

    @Test
    void aScanOverFiveMebibytesIsSentAsJpegScaledDownUnderTheLimit() {
        BufferedImage noise = new BufferedImage(2600, 2600, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(7);
        for (int y = 0; y < noise.getHeight(); y++) {
            for (int x = 0; x < noise.getWidth(); x++) {
                noise.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        byte[] fitted = ScanImages.fit(noise, RefusalRequest.MAX_IMAGE_BYTES);
        assertThat(fitted.length).isLessThanOrEqualTo(RefusalRequest.MAX_IMAGE_BYTES);
        assertThat(ScanImages.type(fitted)).contains("jpeg");
    }
}
