package cn.cqs.client.refusals;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cqs.client.api.ApiProblemException;
import cn.cqs.client.dialogs.RecordingDialogService;
import cn.cqs.client.i18n.AppLanguage;
import cn.cqs.client.i18n.Localization;
import cn.cqs.contract.problem.Problem;
import cn.cqs.contract.refusals.Refusal;
import cn.cqs.contract.refusals.RefusalRouting;
import cn.cqs.contract.refusals.RefusalState;
import cn.cqs.contract.verify.VerifyOutcome;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The regulators' 拒收举报 view model against a fake server: the list by state, the detail with the
 * image, 受理 and 办结 sent with the version shown as If-Match, required texts, and a stale version
 * or wrong state said in plain words.
 */
class RefusalDeskViewModelTest {
    static final Instant FILED = Instant.parse("2025-07-01T02:00:00Z");

    final RecordingDialogService dialogs = new RecordingDialogService();
    final Executor background = r -> new Thread(r, "refusal-test").start();
    final FakeSource source = new FakeSource();
    RefusalDeskViewModel vm;

    /** The server as the view model sees it: refusals by id, every call recorded. */
    static final class FakeSource implements RefusalSource {
        final List<Refusal> stored = new ArrayList<>();
        final List<String> calls = new ArrayList<>();
        int failNextWith;

        @Override
        public synchronized List<Refusal> list(RefusalState state) {
            calls.add("list " + state);
            return stored.stream().filter(r -> state == null || r.state() == state).toList();
        }

        @Override
        public byte[] image(UUID id) {
            try {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                ImageIO.write(new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB), "png", out);
                return out.toByteArray();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        public synchronized Refusal take(UUID id, long version, String note) {
            calls.add("take " + version + " " + note);
            return step(id, version, RefusalState.IN_PROGRESS, note, null);
        }

        @Override
        public synchronized Refusal close(UUID id, long version, String finding) {
            calls.add("close " + version + " " + finding);
            return step(id, version, RefusalState.CLOSED, null, finding);
        }

        private Refusal step(UUID id, long version, RefusalState to, String note, String finding) {
            if (failNextWith != 0) {
                int status = failNextWith;
                failNextWith = 0;
                throw new ApiProblemException(new Problem("about:blank", "failed", status, "version " + version,
                        null, null, List.of()));
            }
            Refusal r = stored.stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
            Refusal updated = refusal(r.id(), to, r.version() + 1, note == null ? r.takeNote() : note, finding);
            stored.set(stored.indexOf(r), updated);
            return updated;
        }
    }

    static Refusal refusal(UUID id, RefusalState state, long version, String note, String finding) {
        return new Refusal(id, state, UUID.randomUUID(), "厦门某某监理有限公司", UUID.randomUUID(), "陈监理", null,
                FILED, "纸质报告强度数据被涂改", "3号楼工地门卫", null, "https://cqs.example/v/abc",
                VerifyOutcome.GENUINE_IN_SYSTEM, null, VerifyOutcome.GENUINE_IN_SYSTEM, null, null, false, "350203",
                "思明区", RefusalRouting.FILER_REGION, "举报单位注册地", "image/png", 120, "00",
                note == null ? null : FILED.plusSeconds(60), note == null ? null : "许监督", note,
                finding == null ? null : FILED.plusSeconds(120), finding == null ? null : "许监督", finding, version,
                cn.cqs.contract.refusals.RefusalSubject.REPORT, null, null, null, null, null, null);
    }

    @BeforeAll
    static void startFx() throws java.util.concurrent.TimeoutException {
        org.testfx.api.FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void create() throws Exception {
        Localization.setLanguage(AppLanguage.CHINESE);
        source.stored.add(refusal(UUID.randomUUID(), RefusalState.OPEN, 1, null, null));
        source.stored.add(refusal(UUID.randomUUID(), RefusalState.CLOSED, 3, "已受理", "已责令整改"));
        onFx(() -> vm = new RefusalDeskViewModel(source, dialogs, background, ZoneId.of("Asia/Shanghai")));
        onFx(vm::refresh);
        waitFor(() -> !vm.busyProperty().get() && vm.refusals().size() == 2);
    }

    @Test
    void aRefusalOfConcreteWithoutASerialNumberShowsItsSubjectAndTheDelivery() {
        Refusal base = refusal(UUID.randomUUID(), RefusalState.OPEN, 1, null, null);
        Refusal noSerial = new Refusal(base.id(), base.state(), base.organisationId(), base.organisationName(),
                base.filedByUserId(), base.filedByName(), null, base.filedAt(), "无生产流水号", "工地门口", null, null, null,
                null, null, null, null, false, "350213", "翔安区", RefusalRouting.NAMED_PROJECT, "工程位于翔安区",
                "image/png", 120, "00", null, null, null, null, null, null, 1,
                cn.cqs.contract.refusals.RefusalSubject.CONCRETE_WITHOUT_SERIAL, "闽D·T8866", "某某混凝土公司",
                UUID.randomUUID(), "翔安区保障性住房二期工程", "5#楼 三层 柱", null);
        String details = vm.details(noSerial);
        assertThat(details).contains("拒收对象：无流水号混凝土", "运输车号：闽D·T8866", "搅拌站：某某混凝土公司",
                "工程：翔安区保障性住房二期工程", "浇筑部位：5#楼 三层 柱", "翔安区 · 工程位于翔安区");
        assertThat(details).doesNotContain("核验台结论", "扫描内容");
        assertThat(RefusalDeskViewModel.documentOf(noSerial)).isEqualTo("闽D·T8866");
        assertThat(RefusalDeskViewModel.subjectLabel(base)).isEqualTo("检测报告");
        assertThat(vm.details(base)).contains("拒收对象：检测报告", "核验台结论");
    }

    @Test
    void theStateFilterReloadsAndTheDetailShowsTheImage() throws Exception {
        onFx(() -> vm.stateFilterProperty().set(RefusalState.OPEN));
        waitFor(() -> !vm.busyProperty().get() && vm.refusals().size() == 1);
        assertThat(source.calls).contains("list OPEN");

        onFx(() -> vm.selectedProperty().set(vm.refusals().get(0)));
        waitFor(() -> vm.imageProperty().get() != null);
        onFx(() -> {
            assertThat(vm.detailTextProperty().get()).contains("状态：待受理", "拒收理由：纸质报告强度数据被涂改",
                    "地点：3号楼工地门卫", "2025-07-01 10:00", "思明区");
            assertThat(vm.canTakeProperty().get()).isTrue();
            assertThat(vm.canCloseProperty().get()).isFalse();
        });
    }

    @Test
    void takeThenCloseSendTheVersionShownAndRequireTheirTexts() throws Exception {
        onFx(() -> vm.selectedProperty().set(vm.refusals().stream()
                .filter(r -> r.state() == RefusalState.OPEN).findFirst().orElseThrow()));
        dialogs.answerText(" 已联系检测机构核实 ");
        onFx(vm::take);
        waitFor(() -> !vm.busyProperty().get() && vm.selectedProperty().get() != null
                && vm.selectedProperty().get().state() == RefusalState.IN_PROGRESS);
        assertThat(source.calls).contains("take 1 已联系检测机构核实");

        dialogs.answerText("  ");
        onFx(vm::close);
        assertThat(source.calls).noneMatch(c -> c.startsWith("close"));
        assertThat(dialogs.shown()).anySatisfy(s -> assertThat(s.kind()).isEqualTo("warning"));

        dialogs.answerText("报告系伪造，已立案查处");
        onFx(vm::close);
        waitFor(() -> !vm.busyProperty().get() && vm.selectedProperty().get() != null
                && vm.selectedProperty().get().state() == RefusalState.CLOSED);
        assertThat(source.calls).contains("close 2 报告系伪造，已立案查处");
        onFx(() -> {
            assertThat(vm.detailTextProperty().get()).contains("办结", "报告系伪造，已立案查处");
            assertThat(vm.canTakeProperty().get()).isFalse();
            assertThat(vm.canCloseProperty().get()).isFalse();
        });
    }

    @Test
    void aStaleVersionIsSaidPlainlyAndTheListReloaded() throws Exception {
        onFx(() -> vm.selectedProperty().set(vm.refusals().stream()
                .filter(r -> r.state() == RefusalState.OPEN).findFirst().orElseThrow()));
        source.failNextWith = 412;
        int listsBefore = (int) source.calls.stream().filter(c -> c.startsWith("list")).count();
        dialogs.answerText("受理");
        onFx(vm::take);
        waitFor(() -> !vm.busyProperty().get() && !vm.errorTextProperty().get().isEmpty()
                && source.calls.stream().filter(c -> c.startsWith("list")).count() > listsBefore);
        onFx(() -> assertThat(vm.errorTextProperty().get()).contains("已被他人更新"));
        assertThat(source.stored).extracting(Refusal::state).contains(RefusalState.OPEN);
    }

    @Test
    void theScreenListsTheReportsAndShowsTheSelectedOnesImage() throws Exception {
        AtomicReference<javafx.stage.Stage> stage = new AtomicReference<>();
        AtomicReference<javafx.scene.Parent> root = new AtomicReference<>();
        onFx(() -> {
            root.set((javafx.scene.Parent) RefusalDeskView.create(vm));
            javafx.stage.Stage s = new javafx.stage.Stage();
            s.setScene(new javafx.scene.Scene(root.get(), 1180, 720));
            s.show();
            stage.set(s);
            vm.selectedProperty().set(vm.refusals().get(0));
        });
        waitFor(() -> vm.imageProperty().get() != null);
        onFx(() -> {
            javafx.scene.control.TableView<?> table = (javafx.scene.control.TableView<?>) root.get().lookup("#refusalTable");
            assertThat(table.getItems()).hasSize(2);
            assertThat(root.get().lookup("#refusalTake").isDisabled()).isFalse();
            assertThat(root.get().lookup("#refusalClose").isDisabled()).isTrue();
            assertThat(((javafx.scene.control.Label) root.get().lookup("#refusalDetail")).getText()).contains("待受理");
            java.nio.file.Path shots = java.nio.file.Path.of("target", "screenshots");
            try {
                java.nio.file.Files.createDirectories(shots);
                ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(stage.get().getScene().snapshot(null), null),
                        "png", shots.resolve("refusal-desk.png").toFile());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            stage.get().close();
        });
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
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < end) {
            AtomicBoolean ok = new AtomicBoolean();
            onFx(() -> ok.set(condition.getAsBoolean()));
            if (ok.get()) {
                return;
            }
            Thread.sleep(30);
        }
        throw new AssertionError("condition not met in 10 s");
    }
}
