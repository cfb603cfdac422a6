package cn.cqs.client.refusals;

import cn.cqs.client.api.ApiProblemException;
import cn.cqs.client.api.ServerUnreachableException;
import cn.cqs.client.dialogs.DialogService;
import cn.cqs.client.i18n.Localization;
import cn.cqs.contract.refusals.Refusal;
import cn.cqs.contract.refusals.RefusalCloseRequest;
import cn.cqs.contract.refusals.RefusalState;
import cn.cqs.contract.refusals.RefusalSubject;
import cn.cqs.contract.refusals.RefusalTakeRequest;
import java.io.ByteArrayInputStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import javafx.scene.image.Image;

/**
 * View model of the regulators' 拒收举报 module: the refusal reports routed into the jurisdiction
 * (filtered by state), the selected one's details and scan image, and the two steps — 受理 with a
 * note and 办结 with a finding, both required — sent with the version shown as {@code If-Match}.
 * A stale version (412) or a wrong state (409) is said in plain words and the list is reloaded.
 */
public final class RefusalDeskViewModel {
    private static final Logger LOG = Logger.getLogger(RefusalDeskViewModel.class.getName());
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final RefusalSource source;
    private final DialogService dialogs;
    private final Executor background;
    private final ZoneId zone;

    private final ObjectProperty<RefusalState> stateFilter = new SimpleObjectProperty<>();
    private final ObservableList<Refusal> refusals = FXCollections.observableArrayList();
    private final ObjectProperty<Refusal> selected = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper detailText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper errorText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ObjectProperty<Image> image = new SimpleObjectProperty<>();
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final BooleanBinding canTake;
    private final BooleanBinding canClose;

    public RefusalDeskViewModel(RefusalSource source, DialogService dialogs, Executor background, ZoneId zone) {
        this.source = Objects.requireNonNull(source, "source");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.background = Objects.requireNonNull(background, "background");
        this.zone = Objects.requireNonNull(zone, "zone");
        canTake = Bindings.createBooleanBinding(() -> !busy.get() && selected.get() != null
                && selected.get().state() == RefusalState.OPEN, busy, selected);
        canClose = Bindings.createBooleanBinding(() -> !busy.get() && selected.get() != null
                && selected.get().state() == RefusalState.IN_PROGRESS, busy, selected);
        selected.addListener((obs, old, now) -> showSelected(now));
        stateFilter.addListener((obs, old, now) -> refresh());
    }

    // ------------------------------------------------------------------ actions

    /** Reloads the list with the current state filter, keeping the selection when it is still listed. */
    public void refresh() {
        reload("");
    }

    /** Reloads the list; {@code message} is shown once it is back (a reason the list was reloaded, or ""). */
    private void reload(String message) {
        RefusalState filter = stateFilter.get();
        UUID keep = selected.get() == null ? null : selected.get().id();
        run(() -> source.list(filter), list -> {
            refusals.setAll(list);
            summary.set(Localization.get("refusals.summary", list.size()));
            selected.set(list.stream().filter(r -> r.id().equals(keep)).findFirst().orElse(null));
            errorText.set(message);
        });
    }

    /** 受理: asks for the note (required) and takes the selected refusal. */
    public void take() {
        Refusal r = selected.get();
        if (!canTake.get()) {
            return;
        }
        Optional<String> note = askRequired("refusals.take.title", "refusals.take.prompt", RefusalTakeRequest.MAX_NOTE);
        note.ifPresent(text -> run(() -> source.take(r.id(), r.version(), text), this::replaced));
    }

    /** 办结: asks for the finding (required) and closes the selected refusal. */
    public void close() {
        Refusal r = selected.get();
        if (!canClose.get()) {
            return;
        }
        Optional<String> finding = askRequired("refusals.close.title", "refusals.close.prompt",
                RefusalCloseRequest.MAX_FINDING);
        finding.ifPresent(text -> run(() -> source.close(r.id(), r.version(), text), this::replaced));
    }

    private Optional<String> askRequired(String titleKey, String promptKey, int max) {
        Optional<String> answer = dialogs.askText(Localization.get(titleKey), Localization.get(promptKey), max);
        if (answer.isEmpty()) {
            return Optional.empty();
        }
        String text = answer.get().strip();
        if (text.isEmpty()) {
            dialogs.showWarning(Localization.get(titleKey), Localization.get("refusals.required"));
            return Optional.empty();
        }
        return Optional.of(text);
    }

    private void replaced(Refusal updated) {
        int at = -1;
        for (int i = 0; i < refusals.size(); i++) {
            if (refusals.get(i).id().equals(updated.id())) {
                at = i;
            }
        }
        RefusalState filter = stateFilter.get();
        if (at >= 0 && (filter == null || filter == updated.state())) {
            refusals.set(at, updated);
        } else if (at >= 0) {
            refusals.remove(at);
        }
        selected.set(at >= 0 && refusals.contains(updated) ? updated : null);
        if (selected.get() == null) {
            showSelected(null);
        }
        errorText.set("");
    }

    /** Runs {@code call} in the background, then {@code done} on the JavaFX thread; errors in plain words. */
    private <T> void run(Callable<T> call, Consumer<T> done) {
        busy.set(true);
        errorText.set("");
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return call.call();
            }
        };
        task.setOnSucceeded(e -> {
            busy.set(false);
            done.accept(task.getValue());
        });
        task.setOnFailed(e -> {
            busy.set(false);
            failed(task.getException());
        });
        background.execute(task);
    }

    private void failed(Throwable error) {
        if (error instanceof ApiProblemException problem) {
            if (problem.status() == 412) {
                reload(Localization.get("refusals.error.stale"));
                return;
            }
            if (problem.status() == 409) {
                reload(Localization.get("refusals.error.state"));
                return;
            }
            String detail = problem.problem().detail() != null ? problem.problem().detail() : problem.problem().title();
            errorText.set(Localization.get("refusals.error.server", problem.status(), String.valueOf(detail)));
        } else if (error instanceof ServerUnreachableException) {
            errorText.set(Localization.get("refusals.error.offline"));
        } else {
            LOG.log(Level.WARNING, "refusal desk request failed", error);
            errorText.set(Localization.get("refusals.error.unexpected", String.valueOf(error.getMessage())));
        }
    }

    private void showSelected(Refusal r) {
        image.set(null);
        if (r == null) {
            detailText.set("");
            return;
        }
        detailText.set(details(r));
        UUID id = r.id();
        Task<byte[]> task = new Task<>() {
            @Override
            protected byte[] call() {
                return source.image(id);
            }
        };
        task.setOnSucceeded(e -> {
            if (selected.get() != null && selected.get().id().equals(id)) {
                image.set(new Image(new ByteArrayInputStream(task.getValue())));
            }
        });
        task.setOnFailed(e -> failed(task.getException()));
        background.execute(task);
    }

    /** The detail text of one refusal, in the current language. */
    String details(Refusal r) {
        StringBuilder b = new StringBuilder();
        line(b, "refusals.detail.state", stateLabel(r.state()));
        line(b, "refusals.detail.filed", time(r.filedAt()) + " · " + r.organisationName()
                + (r.filedByName() == null ? "" : " · " + r.filedByName()));
        line(b, "refusals.detail.place", r.place() == null ? "—" : r.place());
        line(b, "refusals.detail.subject", subjectLabel(r));
        line(b, "refusals.detail.reason", r.reason());
        if (r.subject() == RefusalSubject.CONCRETE_WITHOUT_SERIAL) {
            line(b, "refusals.detail.truckNumber", r.truckNumber());
            line(b, "refusals.detail.plantName", r.plantName());
            line(b, "refusals.detail.project", r.projectName() == null ? "—" : r.projectName());
            line(b, "refusals.detail.pourLocation", r.pourLocation());
            line(b, "refusals.detail.region", r.regionName() + " · " + r.routingReason());
            appendHandling(b, r);
            return b.toString().strip();
        }
        line(b, "refusals.detail.outcome", r.outcome() == null ? "—" : Localization.get("verify.outcome." + r.outcome()));
        line(b, "refusals.detail.serverOutcome", r.serverOutcome() == null ? "—"
                : Localization.get("verify.outcome." + r.serverOutcome()));
        if (r.batchSerialNumber() != null) {
            line(b, "refusals.detail.batch", r.batchSerialNumber());
        }
        if (r.projectName() != null) {
            line(b, "refusals.detail.project", r.projectName());
        }
        if (r.claims() != null && r.claims().documentNumber() != null && r.batchSerialNumber() == null) {
            line(b, "refusals.detail.document", r.claims().documentNumber()
                    + (r.claims().issuerName() == null ? "" : " · " + r.claims().issuerName())
                    + (r.claimsVerified() ? "" : " " + Localization.get("refusals.detail.unverified")));
        }
        line(b, "refusals.detail.region", r.regionName() + " · " + r.routingReason());
        line(b, "refusals.detail.text", r.scannedText());
        appendHandling(b, r);
        return b.toString().strip();
    }

    private void appendHandling(StringBuilder b, Refusal r) {
        if (r.takenAt() != null) {
            line(b, "refusals.detail.taken", time(r.takenAt()) + " · " + r.takenByName() + " · " + r.takeNote());
        }
        if (r.closedAt() != null) {
            line(b, "refusals.detail.closed", time(r.closedAt()) + " · " + r.closedByName() + " · " + r.finding());
        }
    }

    /** What was refused, in words (检测报告 / 生产批次 / 无流水号混凝土). */
    public static String subjectLabel(Refusal r) {
        RefusalSubject subject = r.subject() == null ? RefusalSubject.REPORT : r.subject();
        return Localization.get("refusals.subject." + subject.name());
    }

    /** The table's document column: the report number, the serial number, or the truck for a delivery without one. */
    public static String documentOf(Refusal r) {
        if (r.subject() == RefusalSubject.CONCRETE_WITHOUT_SERIAL) {
            return r.truckNumber();
        }
        if (r.batchSerialNumber() != null) {
            return r.batchSerialNumber();
        }
        return r.claims() == null || r.claims().documentNumber() == null ? "—" : r.claims().documentNumber();
    }

    private static void line(StringBuilder b, String key, String value) {
        b.append(Localization.get(key)).append('：').append(value).append('\n');
    }

    private String time(java.time.Instant t) {
        return t == null ? "—" : TIME.format(t.atZone(zone));
    }

    /** The localised name of a state, e.g. 待受理. */
    public static String stateLabel(RefusalState state) {
        return state == null ? Localization.get("refusals.state.ALL") : Localization.get("refusals.state." + state.name());
    }

    /** One table row's time column. */
    public String filedAt(Refusal r) {
        return time(r.filedAt());
    }

    // ------------------------------------------------------------------ properties

    /** The state shown; null for every state. Changing it reloads the list. */
    public ObjectProperty<RefusalState> stateFilterProperty() {
        return stateFilter;
    }

    public ObservableList<Refusal> refusals() {
        return FXCollections.unmodifiableObservableList(refusals);
    }

    public ObjectProperty<Refusal> selectedProperty() {
        return selected;
    }

    public ReadOnlyStringProperty detailTextProperty() {
        return detailText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorTextProperty() {
        return errorText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Image> imageProperty() {
        return image;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public BooleanBinding canTakeProperty() {
        return canTake;
    }

    public BooleanBinding canCloseProperty() {
        return canClose;
    }

    /** The states offered by the filter, null (all) first. */
    public static List<RefusalState> filterChoices() {
        java.util.ArrayList<RefusalState> choices = new java.util.ArrayList<>();
        choices.add(null);
        choices.addAll(List.of(RefusalState.values()));
        return choices;
    }
}
