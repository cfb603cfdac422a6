package cn.cqs.client.verify;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cqs.client.api.ServerUnreachableException;
import cn.cqs.client.dialogs.RecordingDialogService;
import cn.cqs.client.i18n.AppLanguage;
import cn.cqs.client.i18n.Localization;
import cn.cqs.client.pki.TrustBundleSource;
import cn.cqs.client.pki.TrustCache;
import cn.cqs.client.shell.ConnectionState;
import cn.cqs.contract.pki.TrustBundle;
import cn.cqs.contract.qr.QrToken;
import cn.cqs.contract.qr.VerificationOutcome;
import cn.cqs.contract.reports.ReportStatus;
import cn.cqs.contract.verify.VerificationResponse;
import cn.cqs.contract.verify.VerifyOutcome;
import java.net.ConnectException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The verify screen's view model without a stage: outcome wording and tone for every outcome,
 * the side-by-side rows with differences highlighted, the code list with foreign codes, errors in
 * plain words, and the file chooser.
 */
class VerifyViewModelTest {
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static TestPki pki;

    @TempDir Path dir;
    final RecordingDialogService dialogs = new RecordingDialogService();
    final AtomicReference<TrustBundle> served = new AtomicReference<>();
    final AtomicReference<VerificationResponse> answer = new AtomicReference<>();
    final AtomicBoolean down = new AtomicBoolean();
    final SimpleObjectProperty<ConnectionState> connection = new SimpleObjectProperty<>(ConnectionState.ONLINE);
    final Executor background = r -> new Thread(r, "vm-test").start();
    VerifyViewModel vm;

    @BeforeAll
    static void startFx() throws java.util.concurrent.TimeoutException {
        org.testfx.api.FxToolkit.registerPrimaryStage(); // starts the toolkit once, as every FX test here does
        pki = new TestPki();
    }

    @BeforeEach
    void create() throws Exception {
        Localization.setLanguage(AppLanguage.CHINESE);
        served.set(pki.bundle(List.of(pki.lab, pki.rogueLab), List.of()));
        TrustBundleSource source = etag -> {
            if (down.get()) {
                throw new ServerUnreachableException(URI.create("http://127.0.0.1:9"), new ConnectException("refused"));
            }
            return TestPki.fresh(served.get(), "\"1\"");
        };
        VerificationLookup lookup = token -> {
            if (down.get()) {
                throw new ServerUnreachableException(URI.create("http://127.0.0.1:9"), new ConnectException("refused"));
            }
            return answer.get();
        };
        TrustCache cache = TrustCache.open(dir.resolve("trust.json"), Clock.fixed(TestPki.NOW, ZoneOffset.UTC));
        onFx(() -> vm = new VerifyViewModel(new CodeVerifier(cache, source, lookup),
                new DocumentScanner(), dialogs, background, connection, SHANGHAI,
                new DeskRecords(java.util.Optional::empty, Clock.systemUTC()), "", place -> { }));
    }

    @AfterEach
    void chinese() {
        Localization.setLanguage(AppLanguage.CHINESE);
    }

    static void onFx(Runnable action) throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Platform.runLater(() -> {
            try {
                action.run();
            } catch (Throwable t) {
                failure.set(t);
            } finally {
                done.countDown();
            }
        });
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        if (failure.get() != null) {
            throw new AssertionError(failure.get());
        }
    }

    static void waitFor(BooleanSupplier condition) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < end) {
            AtomicBoolean ok = new AtomicBoolean();
            onFx(() -> ok.set(condition.getAsBoolean()));
            if (ok.get()) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("condition not met in 20 s");
    }

    void openAndWait(Path file) throws Exception {
        onFx(() -> vm.open(file));
        waitFor(() -> !vm.busyProperty().get());
    }

    @Test
    void aPageWithTheSystemsCodeAndAForeignOneListsBothAndShowsTheSystemsOne() throws Exception {
        QrToken token = pki.labToken("JC-2025-000101");
        answer.set(new VerificationResponse(VerifyOutcome.GENUINE_IN_SYSTEM, "真实有效", null,
                TestPki.record("JC-2025-000101", ReportStatus.VALID, false)));
        Path png = TestImages.png(dir.resolve("two.png"), "https://example.com/x", token.toUrl(TestPki.BASE_URL));

        openAndWait(png);

        onFx(() -> {
            assertThat(vm.errorTextProperty().get()).isEmpty();
            assertThat(vm.fileNameProperty().get()).isEqualTo("two.png");
            assertThat(vm.summaryProperty().get()).isEqualTo("找到 2 个二维码，其中本系统二维码 1 个（共 1 页）");
            assertThat(vm.codes()).hasSize(2);
            assertThat(vm.codes()).extracting(c -> c.verdict().outcome()).containsExactlyInAnyOrder(
                    VerifyOutcome.GENUINE_IN_SYSTEM, VerifyOutcome.NOT_A_SYSTEM_CODE);
            VerifyViewModel.CodeItem selected = vm.selectedCodeProperty().get();
            assertThat(selected.verdict().outcome()).isEqualTo(VerifyOutcome.GENUINE_IN_SYSTEM);
            assertThat(selected.title()).isEqualTo("√ 真实有效，与系统记录一致 · JC-2025-000101");
            assertThat(vm.outcomeTitleProperty().get()).isEqualTo("真实有效，与系统记录一致");
            assertThat(vm.outcomeStyleProperty().get()).isEqualTo("outcome-good");
            assertThat(vm.outcomeIconProperty().get()).isEqualTo("√");
            assertThat(vm.rows()).noneMatch(ComparisonRow::highlighted);
            ComparisonRow number = row("报告编号");
            assertThat(number.paper()).isEqualTo("JC-2025-000101");
            assertThat(number.record()).isEqualTo("JC-2025-000101");
            assertThat(number.state()).isEqualTo(ComparisonRow.State.SAME);
            assertThat(row("签发时间").paper()).isEqualTo("2025-06-30 10:00:00");
            assertThat(row("强度代表值").record()).isEqualTo("32.4 MPa");
            assertThat(row("检测结论").record()).isEqualTo("合格");
            assertThat(vm.previewProperty().get()).isNotNull();
            assertThat(vm.marks()).hasSize(2);
            assertThat(vm.marks()).filteredOn(VerifyViewModel.CodeMark::selected).hasSize(1)
                    .allMatch(VerifyViewModel.CodeMark::systemCode);
            assertThat(vm.trustStatusProperty().get()).isEqualTo("平台证书更新于 2025-06-30 10:00");

            // choosing the foreign code shows it as such, without hiding the system's one
            vm.selectedCodeProperty().set(vm.codes().stream()
                    .filter(c -> !c.verdict().isSystemCode()).findFirst().orElseThrow());
            assertThat(vm.outcomeTitleProperty().get()).isEqualTo("不是本系统的二维码");
            assertThat(vm.outcomeStyleProperty().get()).isEqualTo("outcome-neutral");
            assertThat(vm.detailTextProperty().get()).contains("https://example.com/x");
            assertThat(vm.rows()).isEmpty();
            assertThat(vm.codes()).hasSize(2);
        });
    }

    @Test
    void differencesBetweenPaperAndRecordAreHighlighted() throws Exception {
        QrToken token = pki.labToken("JC-2025-000102");
        answer.set(new VerificationResponse(VerifyOutcome.DIGEST_MISMATCH, "内容不符", null,
                TestPki.record("JC-2025-000199", ReportStatus.WITHDRAWN, true)));
        openAndWait(TestImages.png(dir.resolve("one.png"), token.encode()));

        onFx(() -> {
            assertThat(vm.outcomeTitleProperty().get()).isEqualTo("与系统记录不一致");
            assertThat(vm.outcomeStyleProperty().get()).isEqualTo("outcome-bad");
            assertThat(row("报告编号").state()).isEqualTo(ComparisonRow.State.DIFFERENT);
            assertThat(row("签发单位").state()).isEqualTo(ComparisonRow.State.SAME);
            assertThat(row("强度代表值").state()).isEqualTo(ComparisonRow.State.ATTENTION);
            assertThat(row("检测结论").state()).isEqualTo(ComparisonRow.State.ATTENTION);
            assertThat(row("系统接收时间").state()).isEqualTo(ComparisonRow.State.RECORD_ONLY);
            assertThat(row("上传时限").record()).isEqualTo("逾期（超过 24 小时）");
            assertThat(row("上传时限").state()).isEqualTo(ComparisonRow.State.ATTENTION);
            assertThat(row("报告状态").record()).isEqualTo("已撤回");
            assertThat(row("报告状态").state()).isEqualTo(ComparisonRow.State.ATTENTION);
            assertThat(row("密钥标识").state()).isEqualTo(ComparisonRow.State.PAPER_ONLY);
            assertThat(vm.detailTextProperty().get()).contains("服务器：内容不符");
        });
    }

    @Test
    void everyOutcomeHasWordsToneAndIconInBothLanguages() {
        for (AppLanguage language : AppLanguage.values()) {
            Localization.setLanguage(language);
            for (VerifyOutcome outcome : VerifyOutcome.values()) {
                OutcomePresentation p = OutcomePresentation.of(outcome);
                assertThat(Localization.get(p.titleKey())).isNotBlank();
                assertThat(Localization.get(p.hintKey())).isNotBlank();
                assertThat(p.icon()).isNotBlank();
            }
        }
        assertThat(OutcomePresentation.of(VerifyOutcome.GENUINE_IN_SYSTEM).tone()).isEqualTo(OutcomePresentation.Tone.GOOD);
        assertThat(OutcomePresentation.of(VerifyOutcome.GENUINE_NOT_UPLOADED).tone())
                .isEqualTo(OutcomePresentation.Tone.CAUTION);
        assertThat(OutcomePresentation.of(VerifyOutcome.SERVER_UNREACHABLE).tone())
                .isEqualTo(OutcomePresentation.Tone.CAUTION);
        for (VerifyOutcome bad : List.of(VerifyOutcome.SIGNATURE_INVALID, VerifyOutcome.ISSUER_UNKNOWN,
                VerifyOutcome.ISSUER_NOT_CERTIFIED, VerifyOutcome.DIGEST_MISMATCH)) {
            assertThat(OutcomePresentation.of(bad).tone()).isEqualTo(OutcomePresentation.Tone.BAD);
        }
        assertThat(OutcomePresentation.of(VerifyOutcome.NOT_A_SYSTEM_CODE).tone())
                .isEqualTo(OutcomePresentation.Tone.NEUTRAL);
        Localization.setLanguage(AppLanguage.ENGLISH);
        assertThat(VerifyViewModel.item(new CodeVerdict("x", 2, VerifyOutcome.SERVER_UNREACHABLE,
                VerificationOutcome.VALID, null, null, null, "d", null), true, TestPki.NOW, java.time.ZoneOffset.UTC).title())
                .isEqualTo("Page 2 ? Signature valid, but the server is unreachable: status unknown · code of this system");
    }

    @Test
    void aGenuineReportNotInTheSystemIsWithinTheUploadLimitUpToExactly24HoursAfterIssue() {
        PaperClaims claims = new PaperClaims(cn.cqs.contract.qr.TokenKind.REPORT, TestPki.LAB_NAME, TestPki.LAB_USCC,
                "JC-2025-000300", TestPki.NOW, "0011223344556677");
        CodeVerdict verdict = new CodeVerdict("x", 1, VerifyOutcome.GENUINE_NOT_UPLOADED, VerificationOutcome.VALID,
                "0011223344556677", claims, null, "d", null);
        java.time.Instant limit = TestPki.NOW.plus(java.time.Duration.ofHours(24));
        assertThat(DeskOutcome.of(verdict, limit)).isEqualTo(DeskOutcome.NOT_UPLOADED_WITHIN_LIMIT);
        assertThat(DeskOutcome.of(verdict, limit.plusSeconds(1))).isEqualTo(DeskOutcome.NOT_UPLOADED_PAST_LIMIT);
        DeskOutcome.Headline within = DeskOutcome.headline(verdict, TestPki.NOW.plusSeconds(3600), SHANGHAI);
        assertThat(within.title()).isEqualTo("真实，尚未上传（仍在 24 小时上传时限内）");
        assertThat(within.hint()).contains("2025-06-30 10:00").contains("2025-07-01 10:00");
        Localization.setLanguage(AppLanguage.ENGLISH);
        assertThat(DeskOutcome.headline(verdict, limit.plusSeconds(60), SHANGHAI).title())
                .isEqualTo("Genuine, but not uploaded within 24 hours");
    }

    @Test
    void everyDeskOutcomeHasItsOwnIconAndToneAndWordsInBothLanguages() {
        assertThat(java.util.Arrays.stream(DeskOutcome.values()).map(o -> o.icon() + o.tone()).distinct().count())
                .isEqualTo(DeskOutcome.values().length);
        for (AppLanguage language : AppLanguage.values()) {
            Localization.setLanguage(language);
            for (String key : List.of("verify.desk.NOT_UPLOADED_WITHIN_LIMIT", "verify.desk.NOT_UPLOADED_PAST_LIMIT")) {
                assertThat(Localization.get(key)).isNotBlank();
                assertThat(Localization.get(key + ".hint", "a", "b")).contains("a").contains("b");
            }
        }
    }

    @Test
    void aGenuineButSupersededOrWithdrawnReportSaysSoWithTheReason() {
        Localization.setLanguage(AppLanguage.CHINESE);
        CodeVerdict superseded = new CodeVerdict("x", 1, VerifyOutcome.GENUINE_IN_SYSTEM, VerificationOutcome.VALID,
                null, null, TestPki.record("JC-2025-000199", ReportStatus.SUPERSEDED, false), "d", null);
        assertThat(VerifyViewModel.statusNotice(superseded)).hasValueSatisfying(n -> {
            assertThat(n[0]).isEqualTo("报告真实，但已被更正报告 JC-2025-000200 取代");
            assertThat(n[1]).startsWith("原因：委托方取消检测").contains("请勿以此版本报告为准");
        });
        CodeVerdict withdrawn = new CodeVerdict("x", 1, VerifyOutcome.GENUINE_IN_SYSTEM, VerificationOutcome.VALID,
                null, null, TestPki.record("JC-2025-000199", ReportStatus.WITHDRAWN, false), "d", null);
        assertThat(VerifyViewModel.statusNotice(withdrawn).orElseThrow()[0]).isEqualTo("报告真实，但已被检测机构撤回");
        Localization.setLanguage(AppLanguage.ENGLISH);
        assertThat(VerifyViewModel.statusNotice(withdrawn).orElseThrow()[0]).isEqualTo("Genuine, but withdrawn by the lab");
        CodeVerdict valid = new CodeVerdict("x", 1, VerifyOutcome.GENUINE_IN_SYSTEM, VerificationOutcome.VALID,
                null, null, TestPki.record("JC-2025-000199", ReportStatus.VALID, false), "d", null);
        assertThat(VerifyViewModel.statusNotice(valid)).isEmpty();
        // a mismatch stays a mismatch, whatever the record's status
        CodeVerdict mismatch = new CodeVerdict("x", 1, VerifyOutcome.DIGEST_MISMATCH, VerificationOutcome.VALID,
                null, null, TestPki.record("JC-2025-000199", ReportStatus.WITHDRAWN, false), "d", null);
        assertThat(VerifyViewModel.statusNotice(mismatch)).isEmpty();
        Localization.setLanguage(AppLanguage.CHINESE);
    }

    @Test
    void offlineAfterOneDownloadSaysSignatureValidStatusUnknown() throws Exception {
        onFx(vm::refreshTrustInBackground);
        waitFor(() -> vm.trustStatusProperty().get().startsWith("平台证书更新于"));
        down.set(true);
        openAndWait(TestImages.png(dir.resolve("offline.png"), pki.labToken("JC-2025-000103").encode()));

        onFx(() -> {
            assertThat(vm.selectedCodeProperty().get().verdict().outcome()).isEqualTo(VerifyOutcome.SERVER_UNREACHABLE);
            assertThat(vm.outcomeTitleProperty().get()).isEqualTo("签名有效，但无法连接服务器，状态未知");
            assertThat(vm.outcomeStyleProperty().get()).isEqualTo("outcome-caution");
            assertThat(row("报告编号").paper()).isEqualTo("JC-2025-000103");
            assertThat(row("报告编号").state()).isEqualTo(ComparisonRow.State.PAPER_ONLY);
        });
    }

    @Test
    void anUnreadableFileIsReportedInPlainWords() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.png"), "not an image");
        openAndWait(text);
        onFx(() -> {
            assertThat(vm.errorTextProperty().get()).startsWith("无法读取文件 notes.png：")
                    .contains("neither a PDF nor an image");
            assertThat(vm.codes()).isEmpty();
            assertThat(vm.outcomeTitleProperty().get()).isEqualTo("尚未打开文件");
        });
        assertThat(dialogs.shown()).isEmpty();

        Path blank = TestImages.png(dir.resolve("blank.png"));
        openAndWait(blank);
        onFx(() -> assertThat(vm.errorTextProperty().get()).startsWith("文件中没有找到二维码"));
    }

    @Test
    void openFileAsksTheDialogServiceAndVerifiesTheChosenFile() throws Exception {
        answer.set(new VerificationResponse(VerifyOutcome.GENUINE_NOT_UPLOADED, "尚未上传", null, null));
        Path png = TestImages.png(dir.resolve("chosen.png"), pki.labToken("JC-2025-000104").encode());
        dialogs.answerFile(png);
        onFx(vm::openFile);
        waitFor(() -> !vm.busyProperty().get() && !vm.codes().isEmpty());
        // the token says it was issued on 2025-06-30, long before this desk's clock: past the 24-hour limit
        onFx(() -> assertThat(vm.outcomeTitleProperty().get()).isEqualTo("真实，但超过 24 小时仍未上传"));
        assertThat(dialogs.shown()).extracting(RecordingDialogService.Shown::kind).containsExactly("open");
    }

    ComparisonRow row(String label) {
        return vm.rows().stream().filter(r -> r.label().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + label + " in " + vm.rows()));
    }
}
