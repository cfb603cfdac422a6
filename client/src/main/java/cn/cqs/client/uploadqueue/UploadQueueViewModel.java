package cn.cqs.client.uploadqueue;

import cn.cqs.client.dialogs.DialogService;
import cn.cqs.client.i18n.Localization;
import cn.cqs.client.shell.BackgroundWork;
import cn.cqs.client.sync.DrainProgress;
import cn.cqs.client.sync.DrainerState;
import cn.cqs.client.sync.Outbox;
import cn.cqs.client.sync.OutboxCounts;
import cn.cqs.client.sync.OutboxDrainer;
import cn.cqs.client.sync.OutboxItem;
import cn.cqs.client.sync.OutboxListener;
import cn.cqs.client.sync.OutboxState;
import cn.cqs.client.sync.UploadRate;
import cn.cqs.contract.problem.Problem;
import cn.cqs.contract.time.ChinaTime;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * 上传队列: what the outbox holds and what the drainer is doing, for the upload queue screen: the
 * counts (all, uploaded, waiting, refused, discarded), the current drain run's progress with its
 * pace and the time left, pause and resume (kept across restarts by the drainer), and the entries
 * the server refused, each with the server's reason, to send again or discard after confirmation.
 *
 * <p>The outbox and the drainer report on their own threads; every property changes on {@code ui}
 * (the JavaFX thread; tests pass an inline executor). Database work runs on {@code background}.
 * {@link #start()} begins listening, {@link #stop()} ends it.
 */
public final class UploadQueueViewModel {
    /** At most this many refused entries are listed (the count shows them all). */
    static final int FAILED_LIST_LIMIT = 1_000;
    private static final DateTimeFormatter CLOCK_TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final Outbox outbox;
    private final OutboxDrainer drainer;
    private final DialogService dialogs;
    private final Executor background;
    private final Executor ui;
    private final Clock clock;
    private final UploadRate rate = new UploadRate(Duration.ofSeconds(20));

    private final ReadOnlyIntegerWrapper total = new ReadOnlyIntegerWrapper(this, "total");
    private final ReadOnlyIntegerWrapper done = new ReadOnlyIntegerWrapper(this, "done");
    private final ReadOnlyIntegerWrapper waiting = new ReadOnlyIntegerWrapper(this, "waiting");
    private final ReadOnlyIntegerWrapper failed = new ReadOnlyIntegerWrapper(this, "failed");
    private final ReadOnlyIntegerWrapper dismissed = new ReadOnlyIntegerWrapper(this, "dismissed");
    private final ReadOnlyDoubleWrapper runProgress = new ReadOnlyDoubleWrapper(this, "runProgress");
    private final ReadOnlyStringWrapper runText = new ReadOnlyStringWrapper(this, "runText", "");
    private final ReadOnlyStringWrapper rateText = new ReadOnlyStringWrapper(this, "rateText", "");
    private final ReadOnlyStringWrapper timeLeftText = new ReadOnlyStringWrapper(this, "timeLeftText", "");
    private final ReadOnlyStringWrapper stateText = new ReadOnlyStringWrapper(this, "stateText", "");
    private final ReadOnlyStringWrapper problemText = new ReadOnlyStringWrapper(this, "problemText", "");
    private final ReadOnlyObjectWrapper<DrainerState> state =
            new ReadOnlyObjectWrapper<>(this, "state", DrainerState.IDLE);
    private final ReadOnlyBooleanWrapper paused = new ReadOnlyBooleanWrapper(this, "paused");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ObservableList<OutboxItem> failedItems = FXCollections.observableArrayList();
    private final ObjectProperty<OutboxItem> selected = new SimpleObjectProperty<>(this, "selected");
    private DrainProgress progress = DrainProgress.IDLE;
    private OutboxCounts counts = OutboxCounts.EMPTY;
    private boolean started;

    private final OutboxListener listener = new OutboxListener() {
        @Override
        public void countsChanged(OutboxCounts now) {
            ui.execute(() -> applyCounts(now));
        }

        @Override
        public void progressChanged(DrainProgress now) {
            ui.execute(() -> applyProgress(now));
        }
    };

    public UploadQueueViewModel(Outbox outbox, OutboxDrainer drainer, DialogService dialogs, Executor background,
                                Executor ui, Clock clock) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.drainer = Objects.requireNonNull(drainer, "drainer");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.background = Objects.requireNonNull(background, "background");
        this.ui = Objects.requireNonNull(ui, "ui");
        this.clock = Objects.requireNonNull(clock, "clock");
        paused.set(drainer.isPaused());
        updateTexts();
    }

    /** Starts following the outbox and the drainer, and loads the counts and the refused entries. */
    public void start() {
        if (started) {
            return;
        }
        started = true;
        outbox.addListener(listener);
        drainer.addListener(listener);
        applyProgress(drainer.progress());
        run(outbox::counts, (now, error) -> {
            if (error != null) {
                showFailure(error);
                return;
            }
            applyCounts(now);
            reloadFailed();
        });
    }

    /** Stops following them (the screen was closed). */
    public void stop() {
        if (!started) {
            return;
        }
        started = false;
        outbox.removeListener(listener);
        drainer.removeListener(listener);
    }

    /** 暂停上传: the entry being sent finishes, nothing new starts; kept across restarts. */
    public void pause() {
        if (paused.get() || busy.get()) {
            return;
        }
        run(() -> {
            drainer.pause();
            return null;
        }, (ignored, error) -> afterSwitch(error));
    }

    /** 继续上传. */
    public void resume() {
        if (!paused.get() || busy.get()) {
            return;
        }
        rate.reset();
        run(() -> {
            drainer.resume();
            return null;
        }, (ignored, error) -> afterSwitch(error));
    }

    private void afterSwitch(Exception error) {
        paused.set(drainer.isPaused());
        if (error != null) {
            showFailure(error);
        }
        updateTexts();
    }

    /** Sends the selected refused entry again (same content, same idempotency key), after confirmation. */
    public void retrySelected() {
        OutboxItem item = selected.get();
        if (item == null || busy.get()) {
            return;
        }
        if (!dialogs.confirm(Localization.get("uploadQueue.retry.title"),
                Localization.get("uploadQueue.retry.question", describe(item), reasonDetail(item)))) {
            return;
        }
        run(() -> {
            outbox.retry(item.id());
            if (!drainer.isPaused()) {
                drainer.drainNow();
            }
            return null;
        }, (ignored, error) -> afterItemAction(error));
    }

    /** Gives up the selected refused entry (kept in the database as discarded), after confirmation. */
    public void discardSelected() {
        OutboxItem item = selected.get();
        if (item == null || busy.get()) {
            return;
        }
        if (!dialogs.confirm(Localization.get("uploadQueue.discard.title"),
                Localization.get("uploadQueue.discard.question", describe(item)))) {
            return;
        }
        run(() -> {
            outbox.dismiss(item.id());
            return null;
        }, (ignored, error) -> afterItemAction(error));
    }

    private void afterItemAction(Exception error) {
        if (error != null) {
            showFailure(error);
        }
        reloadFailed();
    }

    /** Reloads the list of refused entries. */
    public void reloadFailed() {
        run(() -> outbox.items(Set.of(OutboxState.FAILED_PERMANENT), FAILED_LIST_LIMIT), (items, error) -> {
            if (error != null) {
                showFailure(error);
                return;
            }
            OutboxItem keep = selected.get();
            failedItems.setAll(items);
            selected.set(keep == null ? null : items.stream().filter(i -> i.id().equals(keep.id())).findFirst()
                    .orElse(null));
        });
    }

    private void applyCounts(OutboxCounts now) {
        boolean failedChanged = now.failedPermanent() != counts.failedPermanent()
                || now.dismissed() != counts.dismissed();
        counts = now;
        total.set(now.pending() + now.sending() + now.done() + now.failedPermanent() + now.dismissed());
        done.set(now.done());
        waiting.set(now.waiting());
        failed.set(now.failedPermanent());
        dismissed.set(now.dismissed());
        if (failedChanged && started) {
            reloadFailed();
        }
        updateTexts();
    }

    private void applyProgress(DrainProgress now) {
        progress = now;
        state.set(now.state());
        paused.set(drainer.isPaused());
        if (now.state() == DrainerState.SENDING) {
            rate.record(clock.instant(), now.done());
        } else {
            rate.reset();
        }
        updateTexts();
    }

    private void updateTexts() {
        DrainProgress p = progress;
        boolean running = p.total() > 0 && p.state() != DrainerState.IDLE && p.state() != DrainerState.STOPPED;
        runProgress.set(running ? p.fraction() : (counts.waiting() == 0 && counts.done() > 0 ? 1 : 0));
        runText.set(running ? Localization.get("uploadQueue.run", p.done(), p.total())
                : Localization.get("uploadQueue.run.none"));
        rateText.set(rate.perSecond().filter(r -> p.state() == DrainerState.SENDING)
                .map(r -> Localization.get("uploadQueue.rate", r)).orElse(Localization.get("uploadQueue.rate.none")));
        timeLeftText.set(p.state() == DrainerState.SENDING
                ? rate.timeLeft(Math.max(0, p.total() - p.done())).map(UploadQueueViewModel::formatDuration)
                .map(d -> Localization.get("uploadQueue.timeLeft", d)).orElse(Localization.get("uploadQueue.timeLeft.none"))
                : Localization.get("uploadQueue.timeLeft.none"));
        stateText.set(stateMessage(p));
        problemText.set(p.lastError() == null ? "" : Localization.get("uploadQueue.lastProblem", p.lastError()));
    }

    private String stateMessage(DrainProgress p) {
        if (drainer.isPaused()) {
            return p.state() == DrainerState.SENDING ? Localization.get("uploadQueue.state.pausing")
                    : Localization.get("uploadQueue.state.PAUSED", counts.waiting());
        }
        return switch (p.state()) {
            case SENDING -> Localization.get("uploadQueue.state.SENDING", describeCurrent(p));
            case WAITING_TO_RETRY -> Localization.get("uploadQueue.state.WAITING_TO_RETRY",
                    p.nextAttemptAt() == null ? "-"
                            : CLOCK_TIME.format(LocalTime.ofInstant(p.nextAttemptAt(), ChinaTime.ZONE)));
            case STOPPED -> Localization.get("uploadQueue.state.STOPPED");
            case PAUSED -> Localization.get("uploadQueue.state.PAUSED", counts.waiting());
            case IDLE -> counts.waiting() == 0 ? Localization.get("uploadQueue.state.IDLE")
                    : Localization.get("uploadQueue.state.IDLE.waiting", counts.waiting());
        };
    }

    private static String describeCurrent(DrainProgress p) {
        if (p.current() == null) {
            return "";
        }
        return p.current().label() != null ? p.current().label() : kindText(p.current().kind());
    }

    /**
     * What an entry is for the user: its kind and its label (e.g. the report number); a label that
     * already begins with the kind's name (the plant office's {@code 生产 ERP-2026-0917}) is shown as it is.
     */
    public static String describe(OutboxItem item) {
        String kind = kindText(item.kind());
        if (item.label() == null) {
            return kind;
        }
        return item.label().startsWith(kind + " ") ? item.label() : kind + " " + item.label();
    }

    /**
     * Why the server refused {@code item}, in full: the summary, then each field error of the problem
     * document the outbox kept, one per line ({@code · 字段 buyer：Required}). An entry refused before
     * the client kept the document shows its reason text as it was stored (detail and fields in one).
     */
    public static String reasonDetail(OutboxItem item) {
        StringBuilder b = new StringBuilder(item.lastError() == null ? "" : item.lastError());
        for (Problem.FieldError e : item.fieldErrors()) {
            b.append(Localization.get("uploadQueue.fieldError", e.field(), e.message()));
        }
        return b.toString();
    }

    /** The localised name of an entry kind ({@code report.upload}: 报告上传), or the kind itself. */
    public static String kindText(String kind) {
        String key = "uploadQueue.kind." + kind;
        return Localization.bundle().containsKey(key) ? Localization.get(key) : kind;
    }

    /** {@code 4 分 05 秒}, {@code 1 小时 02 分}, {@code 12 秒}. */
    static String formatDuration(Duration d) {
        long seconds = Math.max(0, d.toSeconds());
        if (seconds >= 3600) {
            return Localization.get("uploadQueue.duration.hours", seconds / 3600, (seconds % 3600) / 60);
        }
        if (seconds >= 60) {
            return Localization.get("uploadQueue.duration.minutes", seconds / 60, seconds % 60);
        }
        return Localization.get("uploadQueue.duration.seconds", seconds);
    }

    private <T> void run(Callable<T> work, BiConsumer<T, Exception> then) {
        busy.set(true);
        BackgroundWork.run(background, ui, work, (result, error) -> {
            busy.set(false);
            then.accept(result, error);
        });
    }

    private void showFailure(Exception error) {
        dialogs.showException(Localization.get("uploadQueue.failure.title"),
                Localization.get("uploadQueue.failure", String.valueOf(error.getMessage())), error);
    }

    public ReadOnlyIntegerProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty doneProperty() {
        return done.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty waitingProperty() {
        return waiting.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty dismissedProperty() {
        return dismissed.getReadOnlyProperty();
    }

    /** The current drain run, 0..1 (1 when everything is uploaded). */
    public ReadOnlyDoubleProperty runProgressProperty() {
        return runProgress.getReadOnlyProperty();
    }

    /** e.g. "本次已上传 312 / 1,000". */
    public ReadOnlyStringProperty runTextProperty() {
        return runText.getReadOnlyProperty();
    }

    /** e.g. "2.4 份/秒". */
    public ReadOnlyStringProperty rateTextProperty() {
        return rateText.getReadOnlyProperty();
    }

    /** e.g. "预计剩余 4 分 50 秒". */
    public ReadOnlyStringProperty timeLeftTextProperty() {
        return timeLeftText.getReadOnlyProperty();
    }

    /** What the queue is doing, in a sentence. */
    public ReadOnlyStringProperty stateTextProperty() {
        return stateText.getReadOnlyProperty();
    }

    /** Why the last attempt failed (server unreachable ...), or empty. */
    public ReadOnlyStringProperty problemTextProperty() {
        return problemText.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<DrainerState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** Whether the user paused uploading (kept across restarts). */
    public ReadOnlyBooleanProperty pausedProperty() {
        return paused.getReadOnlyProperty();
    }

    /** A pause, resume, retry or discard is being written. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The entries the server refused, oldest first, with its reasons. */
    public ObservableList<OutboxItem> failedItems() {
        return failedItems;
    }

    /** The refused entry the user selected (the view binds its table's selection here). */
    public ObjectProperty<OutboxItem> selectedProperty() {
        return selected;
    }
}
