package cn.cqs.client.batches;

import cn.cqs.client.i18n.Localization;
import cn.cqs.contract.batches.DeliveryTicketRequest;
import cn.cqs.contract.batches.DosingState;
import cn.cqs.contract.batches.NotificationDeadline;
import cn.cqs.contract.batches.NotificationState;
import cn.cqs.contract.batches.NotificationRequest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * 批次列表: the plant's batches from the local cache — search and filters (text, notification state,
 * dosing state, marking, day range) answered by SQL off the JavaFX thread, the latest query winning;
 * the rows loaded page by page ({@link BatchRowList}) — with, for the selected batch, the start and
 * end notifications (开盘/完成告知: event time defaulting to now, editable), the delivery ticket
 * (发货单: recorded, then previewed for printing) and the QR label sheet; and the 待告知 panel with its
 * reminders (at 45 and 55 minutes of the hour, and when it ran out; {@link NotificationWatch}).
 */
public final class BatchListViewModel extends PlantForm {
    private static final Logger LOG = Logger.getLogger(BatchListViewModel.class.getName());
    private static final java.util.Set<String> FIELDS = java.util.Set.of("eventAt", "producedVolumeM3", "ticketNumber",
            "truckNumber", "volumeM3", "departedAt", "deliveryPlace", "labels");

    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ObjectProperty<NoticeFilter> notice = new SimpleObjectProperty<>(this, "notice", NoticeFilter.ALL);
    private final ObjectProperty<DosingState> dosing = new SimpleObjectProperty<>(this, "dosing");
    private final StringProperty marking = new SimpleStringProperty(this, "marking", "");
    private final ObservableList<String> markings = FXCollections.observableArrayList();
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>(this, "from");
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>(this, "to");
    private final BatchRowList rows;
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyLongWrapper lastQueryMillis = new ReadOnlyLongWrapper(this, "lastQueryMillis", 0);
    private final ObjectProperty<BatchRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper(this, "detail", "");
    private final StringProperty eventAt = new SimpleStringProperty(this, "eventAt", "");
    private final StringProperty producedVolume = new SimpleStringProperty(this, "producedVolume", "");
    private final StringProperty ticketNumber = new SimpleStringProperty(this, "ticketNumber", "");
    private final StringProperty truckNumber = new SimpleStringProperty(this, "truckNumber", "");
    private final StringProperty ticketVolume = new SimpleStringProperty(this, "ticketVolume", "");
    private final StringProperty departedAt = new SimpleStringProperty(this, "departedAt", "");
    private final StringProperty deliveryPlace = new SimpleStringProperty(this, "deliveryPlace", "");
    private final IntegerProperty labelCount = new SimpleIntegerProperty(this, "labelCount", 6);
    private final ObservableList<DueNotice> due = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper dueCount = new ReadOnlyIntegerWrapper(this, "dueCount", 0);
    private final ReadOnlyStringWrapper reminder = new ReadOnlyStringWrapper(this, "reminder", "");
    private final BooleanBinding canStart;
    private final BooleanBinding canEnd;
    private final BooleanBinding canPrint;
    private final AtomicLong generation = new AtomicLong();
    private final BooleanBinding canTrace;
    private cn.cqs.client.batches.trace.BatchTraceOpener traceOpener;
    private cn.cqs.client.batches.dosing.DosingImportOpener dosingOpener;
    private Timeline ticker;
    private boolean reminderDismissed = true;
    /**
     * Most reminders one dialog lists: a plant opening the client after a weekend with dozens of overdue
     * notifications gets a readable dialog, the rest counted; 待告知 lists them all.
     */
    static final int DIALOG_LINES = 10;
    /** Minutes left at which a due notice shows in the reminder bar (the first reminder's 15 minutes). */
    static final long URGENT_MINUTES = 15;

    public BatchListViewModel(PlantEnvironment env) {
        super(env);
        rows = new BatchRowList(keys -> env.cache().rows(keys), env.background(), env.ui());
        canStart = Bindings.createBooleanBinding(() -> !busyProperty().get() && selected.get() != null
                && selected.get().startedAt() == null, selected, busyProperty());
        canEnd = Bindings.createBooleanBinding(() -> !busyProperty().get() && selected.get() != null
                && selected.get().startedAt() != null && selected.get().endedAt() == null, selected, busyProperty());
        canPrint = Bindings.createBooleanBinding(() -> !busyProperty().get() && selected.get() != null
                && selected.get().serialNumber() != null, selected, busyProperty());
        canTrace = Bindings.createBooleanBinding(() -> selected.get() != null && selected.get().serialNumber() != null,
                selected);
        text.addListener((o, a, b) -> refresh());
        notice.addListener((o, a, b) -> refresh());
        dosing.addListener((o, a, b) -> refresh());
        marking.addListener((o, a, b) -> refresh());
        from.addListener((o, a, b) -> refresh());
        to.addListener((o, a, b) -> refresh());
        selected.addListener((o, a, b) -> {
            if (a != null && b != null && a.batchId().equals(b.batchId())) {
                detail.set(details(b)); // the same batch, reloaded: keep what the user typed and the errors shown
            } else {
                selectedChanged(b);
            }
        });
    }

    @Override
    protected java.util.Set<String> fields() {
        return FIELDS;
    }

    /** The filter as set now. */
    public BatchFilter filter() {
        LocalDate f = from.get();
        LocalDate t = to.get();
        if (f != null && t != null && f.isAfter(t)) {
            t = f;
        }
        return new BatchFilter(text.get(), notice.get(), dosing.get(), marking.get(), f, t);
    }

    /**
     * Queries the cache with the current filter in the background; a result that arrives after a
     * newer query was started is dropped (the latest query wins).
     */
    public void refresh() {
        long gen = generation.incrementAndGet();
        BatchFilter f = filter();
        Instant now = env.clock().instant();
        env.run(() -> {
            if (gen != generation.get()) {
                return null;
            }
            long t0 = System.nanoTime();
            BatchPage page = env.cache().query(f, now);
            List<BatchRow> first = env.cache().rows(Arrays.copyOf(page.keys(), Math.min(page.size(), BatchRowList.PAGE)));
            return new Result(gen, page, first, (System.nanoTime() - t0) / 1_000_000);
        }, (result, failure) -> {
            if (failure != null) {
                LOG.log(Level.WARNING, "batch list query failed", failure);
                setMessage(Localization.get("plant.form.failed", String.valueOf(failure.getMessage())));
                return;
            }
            if (result == null || result.generation() != generation.get()) {
                return;
            }
            String keep = selected.get() == null ? null : selected.get().batchId();
            rows.show(result.page().keys(), result.first());
            lastQueryMillis.set(result.millis());
            summary.set(Localization.get("plant.batches.summary", result.page().size(), result.millis()));
            if (keep != null) {
                selected.set(result.first().stream().filter(r -> r.batchId().equals(keep)).findFirst().orElse(null));
            }
        });
    }

    private record Result(long generation, BatchPage page, List<BatchRow> first, long millis) {
    }

    /** Loads the marking choices and the list, and checks what is due. */
    public void start() {
        env.run(() -> {
            env.registrar().applyReceipts();
            return env.cache().batchMarkings();
        }, (found, failure) -> {
            if (failure == null) {
                List<String> all = new ArrayList<>();
                all.add("");
                all.addAll(found);
                markings.setAll(all);
            } else {
                LOG.log(Level.WARNING, "loading the batch markings failed", failure);
            }
            refresh();
        });
        tick();
    }

    /** Checks what is due every 30 seconds while the screen is open. */
    public void startTicking() {
        if (ticker == null) {
            ticker = new Timeline(new KeyFrame(javafx.util.Duration.seconds(30), e -> tick()));
            ticker.setCycleCount(Timeline.INDEFINITE);
        }
        ticker.play();
    }

    public void stopTicking() {
        if (ticker != null) {
            ticker.stop();
        }
    }

    /** Recomputes what is due with the clock now, and gives the reminders that fell due. */
    public void tick() {
        Instant now = env.clock().instant();
        env.run(() -> {
            env.cache().recheckLocalDispatches(); // a ticket refused since it was recorded no longer counts
            List<DueNotice> found = env.watch().due(now);
            return new Due(found, env.watch().reminders(found));
        }, (result, failure) -> {
            if (failure != null) {
                LOG.log(Level.WARNING, "checking due notifications failed", failure);
                return;
            }
            due.setAll(result.due());
            dueCount.set(result.due().size());
            if (selected.get() != null) {
                detail.set(details(selected.get())); // its notification states, judged with the clock now
            }
            if (!result.reminders().isEmpty()) {
                reminderDismissed = false;
                if (result.reminders().stream().anyMatch(r -> r.at().compareTo(Duration.ofMinutes(5)) <= 0)) {
                    env.dialogs().showWarning(Localization.get("plant.reminder.title"), String.join("\n",
                            atMost(result.reminders().stream().map(this::reminderText).toList(), DIALOG_LINES)));
                }
            }
            showUrgent();
        });
    }

    /** The reminder bar: the notices due within {@value #URGENT_MINUTES} minutes or overdue, at most three lines. */
    private void showUrgent() {
        if (reminderDismissed) {
            reminder.set("");
            return;
        }
        List<String> lines = atMost(due.stream().filter(d -> d.overdue() || d.minutesLeft() <= URGENT_MINUTES)
                .map(d -> reminderText(new NotificationWatch.Reminder(d, Duration.ZERO))).toList(), 3);
        reminder.set(String.join("\n", lines));
    }

    /** The first {@code max} lines and, when there are more, one line saying how many more are due. */
    private static List<String> atMost(List<String> lines, int max) {
        if (lines.size() <= max) {
            return lines;
        }
        List<String> cut = new ArrayList<>(lines.subList(0, max));
        cut.add(Localization.get("plant.reminder.more", lines.size() - max));
        return cut;
    }

    private record Due(List<DueNotice> due, List<NotificationWatch.Reminder> reminders) {
    }

    String reminderText(NotificationWatch.Reminder r) {
        DueNotice d = r.notice();
        String what = d.serialNumber() != null ? d.serialNumber() : d.batchId();
        String event = Localization.get("plant.event." + d.event().name());
        return d.overdue() ? Localization.get("plant.reminder.overdue", event, what)
                : Localization.get("plant.reminder.left", event, what, d.minutesLeft());
    }

    /** One line of the 待告知 panel. */
    public String dueText(DueNotice d) {
        String what = d.serialNumber() != null ? d.serialNumber() : d.batchId();
        String event = Localization.get("plant.event." + d.event().name());
        String source = Localization.get("plant.due.source." + d.source().name());
        String time = d.overdue() ? Localization.get("plant.due.overdue", -d.minutesLeft())
                : Localization.get("plant.due.left", d.minutesLeft());
        return event + " · " + what + (d.pourLocation() == null ? "" : " · " + d.pourLocation()) + " · " + source
                + " · " + time;
    }

    /** Hides the reminder bar until the next reminder falls due. */
    public void dismissReminder() {
        reminderDismissed = true;
        reminder.set("");
    }

    private void selectedChanged(BatchRow b) {
        errors().clear();
        if (b == null) {
            detail.set("");
            return;
        }
        String now = PlantTexts.time(env.clock().instant(), env.zone());
        eventAt.set(now);
        departedAt.set(now);
        producedVolume.set(PlantTexts.decimal(b.volumeM3()));
        deliveryPlace.set(b.projectName() == null ? b.pourLocation() : b.projectName());
        ticketVolume.set("");
        truckNumber.set("");
        String base = b.serialNumber() != null ? b.serialNumber() : b.batchId();
        env.run(() -> env.cache().ticketCount(b.batchId()), (n, failure) -> {
            // the same batch, even when the list reloaded its row meanwhile (e.g. after a ticket)
            if (failure == null && selected.get() != null && selected.get().batchId().equals(b.batchId())) {
                ticketNumber.set(base + "-" + String.format("%02d", n + 1));
            }
        });
        detail.set(details(b));
    }

    String details(BatchRow b) {
        StringBuilder s = new StringBuilder();
        s.append(Localization.get("plant.batch.detail.serial")).append("：")
                .append(b.serialNumber() == null ? Localization.get("plant.batch.noSerial") : b.serialNumber()).append('\n');
        s.append(Localization.get("plant.batch.detail.batchId")).append("：").append(b.batchId()).append('\n');
        s.append(Localization.get("plant.batch.detail.project")).append("：").append(nz(b.projectName()))
                .append(" · ").append(b.pourLocation()).append('\n');
        s.append(Localization.get("plant.batch.detail.marking")).append("：").append(b.marking()).append(" · ")
                .append(PlantTexts.decimal(b.volumeM3())).append(" m³ · ").append(nz(b.mixDesignId())).append('\n');
        s.append(Localization.get("plant.batch.detail.start")).append("：").append(startText(b)).append('\n');
        s.append(Localization.get("plant.batch.detail.end")).append("：").append(endText(b));
        return s.toString();
    }

    private static String nz(String s) {
        return s == null ? "—" : s;
    }

    // ------------------------------------------------------------------ table texts (rule-based)

    /**
     * The start notification's state as of now, by the contract's rule
     * ({@link NotificationDeadline#judgeStart}): e.g. 按时 10:05, 待告知（剩 15 分钟） from the planned
     * start, 计划开盘已过 1 小时未告知.
     */
    public String startText(BatchRow b) {
        Optional<NotificationDeadline.Judgement> j = NotificationDeadline.judgeStart(b.plannedStart(), b.startedAt(),
                b.startNotifiedAt(), env.clock().instant());
        if (j.isEmpty()) {
            return Localization.get("plant.notice.NOT_DUE");
        }
        if (b.startedAt() == null && j.get().status() == NotificationDeadline.Status.MISSING) {
            return Localization.get("plant.notice.plannedOverdue");
        }
        return judgementText(j.get());
    }

    /**
     * The end notification's state as of now, by the contract's rule ({@link NotificationDeadline#judgeEnd}):
     * judged on the notified end, or, without one, from the dispatch that covered the planned volume
     * (待告知 for the hour after it, 未告知 then), so it changes as the clock runs, offline too.
     */
    public String endText(BatchRow b) {
        Optional<NotificationDeadline.Judgement> j = NotificationDeadline.judgeEnd(b.endedAt(), b.endNotifiedAt(),
                b.dispatchedAt(), env.clock().instant());
        if (j.isPresent()) {
            return judgementText(j.get());
        }
        if (b.endState() == NotificationState.DUE || b.endState() == NotificationState.MISSING) {
            // cached before the dispatch moment was kept (schema 8): the server's last verdict, until the feed sends it again
            return Localization.get("plant.notice." + b.endState().name());
        }
        return Localization.get(b.startedAt() == null ? "plant.notice.NOT_DUE" : "plant.notice.running");
    }

    private String judgementText(NotificationDeadline.Judgement j) {
        return switch (j.status()) {
            case ON_TIME -> Localization.get("plant.notice.onTime", PlantTexts.time(j.eventAt(), env.zone()));
            case LATE -> Localization.get("plant.notice.late", j.overdueBy().toMinutes());
            case DUE -> Localization.get("plant.notice.due", j.remaining().toMinutes());
            case MISSING -> Localization.get("plant.notice.missing", j.overdueBy().toMinutes());
            case BEFORE_EVENT -> Localization.get("plant.notice.beforeEvent");
        };
    }

    /**
     * Whether the row is flagged in the table: the start or the end notification late or missing as
     * of now, by the contract's rule (a planned start an hour past without notification counts).
     */
    public boolean flagged(BatchRow b) {
        Instant now = env.clock().instant();
        boolean start = NotificationDeadline.judgeStart(b.plannedStart(), b.startedAt(), b.startNotifiedAt(), now)
                .map(NotificationDeadline.Judgement::violation).orElse(false);
        Optional<NotificationDeadline.Judgement> end = NotificationDeadline.judgeEnd(b.endedAt(), b.endNotifiedAt(),
                b.dispatchedAt(), now);
        // without a moment to judge from (cached before schema 8), the server's last verdict stands
        boolean endFlag = end.map(NotificationDeadline.Judgement::violation)
                .orElse(b.endState() == NotificationState.MISSING);
        return start || endFlag;
    }

    public String planned(BatchRow b) {
        return PlantTexts.time(b.plannedStart(), env.zone());
    }

    public static String serial(BatchRow b) {
        return b.serialNumber() != null ? b.serialNumber()
                : Localization.get("plant.batch.waiting", b.batchId());
    }

    // ------------------------------------------------------------------ actions

    /** 开盘告知 for the selected batch at the typed time. */
    public void notifyStart() {
        notifyEvent(NotificationDeadline.Event.START);
    }

    /** 完成告知 for the selected batch at the typed time, with the produced volume. */
    public void notifyEnd() {
        notifyEvent(NotificationDeadline.Event.END);
    }

    private void notifyEvent(NotificationDeadline.Event event) {
        BatchRow b = selected.get();
        if (b == null || busyProperty().get()) {
            return;
        }
        java.util.Map<String, String> e = new java.util.LinkedHashMap<>();
        Instant at = PlantTexts.parseTime(eventAt.get(), env.zone());
        Instant now = env.clock().instant();
        if (at == null) {
            e.put("eventAt", Localization.get("plant.error.time"));
        } else if (NotificationDeadline.judge(event, at, now, now).status() == NotificationDeadline.Status.BEFORE_EVENT) {
            e.put("eventAt", Localization.get("plant.error.future"));
        } else if (event == NotificationDeadline.Event.END && b.startedAt() != null && at.isBefore(b.startedAt())) {
            e.put("eventAt", Localization.get("plant.error.endBeforeStart"));
        }
        BigDecimal volume = null;
        if (event == NotificationDeadline.Event.END) {
            volume = PlantTexts.parseDecimal(producedVolume.get());
            if (volume == null || volume.signum() <= 0 || volume.compareTo(new BigDecimal("10000")) > 0) {
                e.put("producedVolumeM3", Localization.get("plant.error.range", "0", "10000"));
            }
        }
        if (!showLocalErrors(e)) {
            return;
        }
        NotificationRequest r = new NotificationRequest(at, volume);
        send(() -> env.registrar().notify(b.batchId(), event, r), outcome -> {
            refresh();
            tick();
        });
    }

    /** 发货单: records the ticket (outbox) and opens the print preview of its PDF. */
    public void printTicket() {
        BatchRow b = selected.get();
        if (b == null || busyProperty().get()) {
            return;
        }
        java.util.Map<String, String> e = new java.util.LinkedHashMap<>();
        String idProblem = PlantIds.problem(ticketNumber.get());
        if (ticketNumber.get() == null || ticketNumber.get().isBlank()) {
            e.put("ticketNumber", Localization.get("plant.error.required"));
        } else if (idProblem != null) {
            e.put("ticketNumber", Localization.get("plant.error.id." + idProblem));
        }
        MaterialIntakeViewModel.text(e, "truckNumber", truckNumber.get(), 32);
        BigDecimal v = PlantTexts.parseDecimal(ticketVolume.get());
        if (v == null || v.signum() <= 0 || v.compareTo(new BigDecimal("20")) > 0) {
            e.put("volumeM3", Localization.get("plant.error.range", "0", "20"));
        }
        Instant departed = PlantTexts.parseTime(departedAt.get(), env.zone());
        if (departed == null) {
            e.put("departedAt", Localization.get("plant.error.time"));
        }
        MaterialIntakeViewModel.text(e, "deliveryPlace", deliveryPlace.get(), 200);
        if (!showLocalErrors(e)) {
            return;
        }
        TicketInput t = new TicketInput(ticketNumber.get().strip(), truckNumber.get().strip(), v, departed,
                deliveryPlace.get().strip());
        env.run(() -> {
            byte[] pdf = env.prints().ticket(b, t);
            env.registrar().recordTicket(b.batchId(), t.ticketNumber(),
                    new DeliveryTicketRequest(t.truckNumber(), t.volumeM3(), t.departedAt(), t.deliveryPlace()));
            env.drainNow().run();
            return pdf;
        }, (pdf, failure) -> {
            if (failure != null) {
                LOG.log(Level.WARNING, "delivery ticket failed", failure);
                setMessage(Localization.get("plant.form.failed", String.valueOf(failure.getMessage())));
                return;
            }
            setMessage(Localization.get("plant.ticket.recorded", t.ticketNumber()));
            env.preview().show(Localization.get("plant.ticket.job", t.ticketNumber()), pdf);
            selectedChanged(b);
            // a ticket completing the planned volume starts the end notification's hour (worked out here,
            // offline too): the list's filters and 待告知 show it at once
            refresh();
            tick();
        });
    }

    /** The QR label sheet of the selected batch. */
    public void printLabels() {
        BatchRow b = selected.get();
        if (b == null) {
            return;
        }
        int n = labelCount.get();
        env.run(() -> env.prints().labels(b, n), (pdf, failure) -> {
            if (failure != null) {
                setMessage(Localization.get("plant.form.failed", String.valueOf(failure.getMessage())));
                return;
            }
            env.preview().show(Localization.get("plant.labels.job", b.serialNumber()), pdf);
        });
    }

    /** Where 追溯 opens a batch's trace (set by the module; without it the button is hidden). */
    public void setTraceOpener(cn.cqs.client.batches.trace.BatchTraceOpener opener) {
        this.traceOpener = opener;
    }

    /** Where 导入投料数据… opens the dosing import (set by the module; without it the button is hidden). */
    public void setDosingImportOpener(cn.cqs.client.batches.dosing.DosingImportOpener opener) {
        this.dosingOpener = opener;
    }

    public boolean offersTrace() {
        return traceOpener != null;
    }

    public boolean offersDosingImport() {
        return dosingOpener != null;
    }

    /** 追溯: the selected batch's trace (mix design, lots and their reports, cube reports) in its own window. */
    public void traceSelected() {
        BatchRow b = selected.get();
        if (b != null && b.serialNumber() != null && traceOpener != null) {
            traceOpener.open(b.serialNumber());
        }
    }

    /** 导入投料数据…: the dosing import for the selected batch, in its own window. */
    public void importDosingSelected() {
        BatchRow b = selected.get();
        if (b != null && b.serialNumber() != null && dosingOpener != null) {
            dosingOpener.open(b.serialNumber(), b.batchId());
        }
    }

    // ------------------------------------------------------------------ properties

    /** Whether the selected batch has a serial number (the server confirmed it): trace and dosing need one. */
    public BooleanBinding canTraceProperty() {
        return canTrace;
    }

    public StringProperty textProperty() {
        return text;
    }

    public ObjectProperty<NoticeFilter> noticeProperty() {
        return notice;
    }

    public ObjectProperty<DosingState> dosingProperty() {
        return dosing;
    }

    public StringProperty markingProperty() {
        return marking;
    }

    public ObservableList<String> markings() {
        return markings;
    }

    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    public BatchRowList rows() {
        return rows;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty lastQueryMillisProperty() {
        return lastQueryMillis.getReadOnlyProperty();
    }

    public ObjectProperty<BatchRow> selectedProperty() {
        return selected;
    }

    public ReadOnlyStringProperty detailProperty() {
        return detail.getReadOnlyProperty();
    }

    public StringProperty eventAtProperty() {
        return eventAt;
    }

    public StringProperty producedVolumeProperty() {
        return producedVolume;
    }

    public StringProperty ticketNumberProperty() {
        return ticketNumber;
    }

    public StringProperty truckNumberProperty() {
        return truckNumber;
    }

    public StringProperty ticketVolumeProperty() {
        return ticketVolume;
    }

    public StringProperty departedAtProperty() {
        return departedAt;
    }

    public StringProperty deliveryPlaceProperty() {
        return deliveryPlace;
    }

    public IntegerProperty labelCountProperty() {
        return labelCount;
    }

    public ObservableList<DueNotice> due() {
        return due;
    }

    public ReadOnlyIntegerProperty dueCountProperty() {
        return dueCount.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty reminderProperty() {
        return reminder.getReadOnlyProperty();
    }

    public BooleanBinding canStartProperty() {
        return canStart;
    }

    public BooleanBinding canEndProperty() {
        return canEnd;
    }

    public BooleanBinding canPrintProperty() {
        return canPrint;
    }
}
