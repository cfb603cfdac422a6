package cn.cqs.client.batches.trace;

import cn.cqs.client.i18n.Localization;
import cn.cqs.contract.batches.trace.CubeReportCandidate;
import cn.cqs.contract.batches.trace.TracedBatch;
import cn.cqs.contract.batches.trace.TracedCubeReport;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * 关联试块报告 (the batch's plant): the current cube reports of the batch's project from the server,
 * newest first, filtered by what is typed (report number, lab, part, grade, sampling date); those
 * linked already are marked and cannot be chosen again. 关联 sends the link; on success the dialog
 * closes and {@code onLinked} gets the linked report, on a refusal the server's field and reason
 * show in {@code message}.
 */
public final class CubeReportLinkViewModel {
    private final BatchTraceSource source;
    private final TracedBatch batch;
    private final Executor background;
    private final Executor ui;
    private final Consumer<TracedCubeReport> onLinked;
    private final ObservableList<CubeReportCandidate> all = FXCollections.observableArrayList();
    private final FilteredList<CubeReportCandidate> candidates = new FilteredList<>(all);
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final ObjectProperty<CubeReportCandidate> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(this, "failed", false);
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy", false);
    private final ReadOnlyBooleanWrapper closed = new ReadOnlyBooleanWrapper(this, "closed", false);
    private final BooleanBinding canLink;

    public CubeReportLinkViewModel(BatchTraceSource source, TracedBatch batch, Executor background, Executor ui,
                                   Consumer<TracedCubeReport> onLinked) {
        this.source = Objects.requireNonNull(source, "source");
        this.batch = Objects.requireNonNull(batch, "batch");
        this.background = Objects.requireNonNull(background, "background");
        this.ui = Objects.requireNonNull(ui, "ui");
        this.onLinked = Objects.requireNonNull(onLinked, "onLinked");
        filter.addListener((o, a, b) -> {
            String needle = b == null ? "" : b.strip().toLowerCase(Locale.ROOT);
            candidates.setPredicate(c -> needle.isEmpty() || haystack(c).contains(needle));
        });
        canLink = Bindings.createBooleanBinding(() -> !busy.get() && selected.get() != null && !selected.get().linked(),
                busy, selected);
    }

    private static String haystack(CubeReportCandidate c) {
        return String.join("\n", c.reportNumber(), TraceTexts.text(c.labName()), TraceTexts.text(c.projectPart()),
                TraceTexts.text(c.designGrade()), TraceTexts.day(c.samplingDate())).toLowerCase(Locale.ROOT);
    }

    /** The dialog's heading: which batch the report is linked to. */
    public String heading() {
        return Localization.get("trace.link.heading", batch.serialNumber(), TraceTexts.text(batch.projectName()),
                TraceTexts.text(batch.pourLocation()), TraceTexts.text(batch.marking()));
    }

    /** Loads the candidates. */
    public void start() {
        busy.set(true);
        say(Localization.get("trace.link.loading"), false);
        cn.cqs.client.shell.BackgroundWork.run(background, ui, () -> source.candidates(batch.serialNumber()),
                (List<CubeReportCandidate> list, Exception failure) -> {
                    busy.set(false);
                    if (failure != null) {
                        say(Localization.get("trace.link.loadFailed", TraceTexts.failure(failure)), true);
                        return;
                    }
                    all.setAll(list);
                    long open = list.stream().filter(c -> !c.linked()).count();
                    say(list.isEmpty() ? Localization.get("trace.link.none")
                            : Localization.get("trace.link.count", list.size(), open), false);
                    list.stream().filter(c -> !c.linked()).findFirst().ifPresent(selected::set);
                });
    }

    /** 关联: links the selected report to the batch. */
    public void link() {
        CubeReportCandidate c = selected.get();
        if (c == null) {
            say(Localization.get("trace.link.chooseFirst"), true);
            return;
        }
        if (c.linked()) {
            say(Localization.get("trace.link.already", c.reportNumber()), true);
            return;
        }
        if (busy.get()) {
            return;
        }
        busy.set(true);
        say(Localization.get("trace.link.sending", c.reportNumber()), false);
        cn.cqs.client.shell.BackgroundWork.run(background, ui, () -> source.link(batch.serialNumber(), c.reportId()),
                (TracedCubeReport linked, Exception failure) -> {
                    busy.set(false);
                    if (failure != null) {
                        say(Localization.get("trace.link.failed", c.reportNumber(), TraceTexts.failure(failure)), true);
                        return;
                    }
                    closed.set(true);
                    onLinked.accept(linked);
                });
    }

    /** 取消: closes without linking. */
    public void cancel() {
        closed.set(true);
    }

    private void say(String text, boolean error) {
        message.set(text);
        failed.set(error);
    }

    // ------------------------------------------------------------------ properties

    public ObservableList<CubeReportCandidate> candidates() {
        return candidates;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public ObjectProperty<CubeReportCandidate> selectedProperty() {
        return selected;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Whether {@code message} tells of a failure (shown in red). */
    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    /** Set when the dialog should close (linked, or cancelled). */
    public ReadOnlyBooleanProperty closedProperty() {
        return closed.getReadOnlyProperty();
    }

    public BooleanBinding canLinkProperty() {
        return canLink;
    }
}
