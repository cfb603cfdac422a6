package cn.cqs.client.batches.trace;

import cn.cqs.client.api.ServerUnreachableException;
import cn.cqs.client.dialogs.DialogService;
import cn.cqs.client.i18n.Localization;
import cn.cqs.client.viewer.ReportDocument;
import cn.cqs.contract.batches.SerialNumber;
import cn.cqs.contract.batches.trace.BatchTrace;
import cn.cqs.contract.batches.trace.TracedBatch;
import cn.cqs.contract.batches.trace.TracedCubeReport;
import cn.cqs.contract.batches.trace.TracedLot;
import cn.cqs.contract.batches.trace.TracedMixDesign;
import cn.cqs.contract.orgs.Permission;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * 批次追溯 of one production batch: the serial number (typed, given by the batch list or the
 * regulators' drill-down, or read from a QR label picture) → the server's trace: the batch, its mix
 * design with the trial-mix report, the material lots with their own test reports, and the linked
 * cube reports. 打开 PDF opens a report in the client's viewer; the batch's plant links cube reports
 * (关联试块报告… lists the candidates) and either the plant or the lab that linked one removes a
 * link (取消关联, after a confirmation); the trace reloads after each change.
 */
public final class BatchTraceViewModel {
    /** One line of the batch and mix design summary: what and its value. */
    public record Line(String label, String value) {
    }

    private final BatchTraceEnvironment env;
    private final StringProperty serialText = new SimpleStringProperty(this, "serialText", "");
    private final ReadOnlyObjectWrapper<TraceState> state = new ReadOnlyObjectWrapper<>(this, "state", TraceState.EMPTY);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message",
            Localization.get("trace.prompt"));
    private final ReadOnlyObjectWrapper<BatchTrace> trace = new ReadOnlyObjectWrapper<>(this, "trace");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", Localization.get("trace.title"));
    private final ObservableList<Line> batchLines = FXCollections.observableArrayList();
    private final ObservableList<Line> mixLines = FXCollections.observableArrayList();
    private final ObservableList<TracedLot> lots = FXCollections.observableArrayList();
    private final ObservableList<TracedCubeReport> cubeReports = FXCollections.observableArrayList();
    private final ObjectProperty<TracedLot> selectedLot = new SimpleObjectProperty<>(this, "selectedLot");
    private final ObjectProperty<TracedCubeReport> selectedReport = new SimpleObjectProperty<>(this, "selectedReport");
    private final ReadOnlyBooleanWrapper mayLink = new ReadOnlyBooleanWrapper(this, "mayLink", false);
    private final ReadOnlyStringWrapper linkMessage = new ReadOnlyStringWrapper(this, "linkMessage", "");
    private final BooleanBinding busy = Bindings.createBooleanBinding(() -> state.get() == TraceState.LOADING, state);
    private final BooleanBinding canOpenLotReport;
    private final BooleanBinding canOpenReport;
    private final BooleanBinding canOpenTrialReport;
    private final BooleanBinding canUnlink;
    private long generation;

    public BatchTraceViewModel(BatchTraceEnvironment env) {
        this.env = env;
        canOpenLotReport = Bindings.createBooleanBinding(() -> selectedLot.get() != null
                && selectedLot.get().testReportId() != null, selectedLot);
        canOpenReport = Bindings.createBooleanBinding(() -> selectedReport.get() != null, selectedReport);
        canOpenTrialReport = Bindings.createBooleanBinding(() -> trace.get() != null
                && trace.get().mixDesign().trialReportId() != null, trace);
        canUnlink = Bindings.createBooleanBinding(() -> selectedReport.get() != null && mayUnlink(selectedReport.get())
                && state.get() == TraceState.SHOWN, selectedReport, state, trace, mayLink);
    }

    // ------------------------------------------------------------------ loading

    /** Shows the trace of {@code serialNumber} (the batch list's and the drill-down's entry). */
    public void load(String serialNumber) {
        serialText.set(serialNumber == null ? "" : serialNumber.strip());
        load();
    }

    /** Asks the server for the trace of the typed serial number; a malformed one is refused here with the reason. */
    public void load() {
        String serial = serialText.get() == null ? "" : serialText.get().strip();
        if (serial.isEmpty()) {
            show(TraceState.INVALID, Localization.get("trace.error.serialRequired"));
            return;
        }
        if (!SerialNumber.isValid(serial)) {
            show(TraceState.INVALID, Localization.get("trace.error.serialFormat", serial));
            return;
        }
        long gen = ++generation;
        show(TraceState.LOADING, Localization.get("trace.loading", serial));
        env.run(() -> env.source().trace(serial), (result, failure) -> {
            if (gen != generation) {
                return; // a newer query was started meanwhile
            }
            if (failure != null) {
                clear();
                if (TraceTexts.notFound(failure)) {
                    show(TraceState.NOT_FOUND, Localization.get("trace.notFound", serial));
                } else if (failure instanceof ServerUnreachableException) {
                    show(TraceState.UNREACHABLE, Localization.get("trace.unreachable"));
                } else {
                    show(TraceState.FAILED, Localization.get("trace.failed", TraceTexts.failure(failure)));
                }
                return;
            }
            showTrace(result);
        });
    }

    /** Reloads the trace shown (after a link changed). */
    public void refresh() {
        BatchTrace shown = trace.get();
        if (shown != null) {
            load(shown.batch().serialNumber());
        }
    }

    private void show(TraceState s, String text) {
        state.set(s);
        message.set(text);
    }

    private void clear() {
        trace.set(null);
        batchLines.clear();
        mixLines.clear();
        lots.clear();
        cubeReports.clear();
        mayLink.set(false);
        title.set(Localization.get("trace.title"));
    }

    private void showTrace(BatchTrace t) {
        UUID keepLot = selectedLot.get() == null ? null : selectedLot.get().id();
        UUID keepReport = selectedReport.get() == null ? null : selectedReport.get().reportId();
        trace.set(t);
        TracedBatch b = t.batch();
        title.set(Localization.get("trace.windowTitle", b.serialNumber()));
        batchLines.setAll(List.of(
                line("trace.batch.serialNumber", b.serialNumber()),
                line("trace.batch.batchId", b.batchId()),
                line("trace.batch.plant", b.plantName()),
                line("trace.batch.project", b.projectName()),
                line("trace.batch.pourLocation", b.pourLocation()),
                line("trace.batch.marking", b.marking()),
                line("trace.batch.volume", b.volumeM3() == null ? null
                        : b.volumeM3().stripTrailingZeros().toPlainString() + " m³"),
                line("trace.batch.startedAt", TraceTexts.time(b.startedAt())),
                line("trace.batch.endedAt", TraceTexts.time(b.endedAt())),
                line("trace.batch.dosing", TraceTexts.dosing(b.dosingState()))));
        TracedMixDesign m = t.mixDesign();
        List<Line> mix = new ArrayList<>();
        mix.add(line("trace.mix.id", m.mixDesignId()));
        mix.add(line("trace.mix.marking", m.marking()));
        mix.add(line("trace.mix.strengthClass", m.strengthClass()));
        mix.add(line("trace.mix.trialReport", m.trialReportNumber() == null ? Localization.get("trace.mix.noTrialReport")
                : m.trialReportNumber() + (m.trialReportId() == null ? " " + Localization.get("trace.notInSystem") : "")));
        mixLines.setAll(mix);
        lots.setAll(t.lots());
        cubeReports.setAll(t.cubeReports());
        selectedLot.set(t.lots().stream().filter(l -> l.id().equals(keepLot)).findFirst().orElse(null));
        selectedReport.set(t.cubeReports().stream().filter(r -> r.reportId().equals(keepReport)).findFirst().orElse(null));
        mayLink.set(env.user().organisationId().equals(b.plantId())
                && env.user().permissions().contains(Permission.BATCHES_REGISTER));
        show(TraceState.SHOWN, Localization.get("trace.shown", t.lots().size(), t.cubeReports().size()));
    }

    private static Line line(String key, String value) {
        return new Line(Localization.get(key), TraceTexts.text(value));
    }

    /** Whether the user may remove this link: the batch's plant, or the lab that recorded it. */
    private boolean mayUnlink(TracedCubeReport r) {
        if (mayLink.get()) {
            return true;
        }
        var held = env.user().permissions();
        return env.user().organisationId().equals(r.linkedByOrganisationId())
                && (held.contains(Permission.REPORTS_AUTHOR) || held.contains(Permission.REPORTS_APPROVE));
    }

    /** 从二维码图片读取: the serial number from a picture or PDF of the batch's QR label, then its trace. */
    public void readSerialFromLabel() {
        Optional<Path> file = env.dialogs().chooseFileToOpen(Localization.get("trace.label.choose"), Optional.empty(),
                List.of(new DialogService.FileFilter(Localization.get("trace.label.filter"),
                        List.of("*.png", "*.jpg", "*.jpeg", "*.pdf"))));
        file.ifPresent(this::readSerialFromLabel);
    }

    /** Reads the serial number from {@code file} (in the background) and shows the batch's trace. */
    public void readSerialFromLabel(Path file) {
        show(TraceState.LOADING, Localization.get("trace.label.reading", file.getFileName()));
        env.run(() -> env.labels().read(file), (reading, failure) -> {
            if (failure != null) {
                clear();
                show(TraceState.INVALID, Localization.get("trace.label.unreadable", failure.getMessage()));
            } else if (reading.serialNumber() == null) {
                clear();
                show(TraceState.INVALID, Localization.get("trace.label." + reading.problem().name(),
                        file.getFileName()));
            } else {
                load(reading.serialNumber());
            }
        });
    }

    // ------------------------------------------------------------------ reports

    /** 打开 PDF of a lot's test report (when it is a report in the system). */
    public void openLotReport(TracedLot lot) {
        if (lot != null && lot.testReportId() != null) {
            env.viewers().open(ReportDocument.fromServer(lot.testReportNumber(), lot.testReportId()));
        }
    }

    /** 打开 PDF of the mix design's trial-mix report (when it is a report in the system). */
    public void openTrialReport() {
        BatchTrace t = trace.get();
        if (t != null && t.mixDesign().trialReportId() != null) {
            env.viewers().open(ReportDocument.fromServer(t.mixDesign().trialReportNumber(), t.mixDesign().trialReportId()));
        }
    }

    /** 打开 PDF of a linked cube report. */
    public void openCubeReport(TracedCubeReport report) {
        if (report != null) {
            env.viewers().open(ReportDocument.fromServer(report.reportNumber(), report.reportId()));
        }
    }

    // ------------------------------------------------------------------ links

    /** 关联试块报告…: the dialog listing the cube reports the plant may link; the trace reloads after a link. */
    public void linkCubeReports() {
        BatchTrace t = trace.get();
        if (t == null || !mayLink.get()) {
            return;
        }
        CubeReportLinkViewModel dialog = new CubeReportLinkViewModel(env.source(), t.batch(), env.background(), env.ui(),
                linked -> {
                    linkMessage.set(Localization.get("trace.link.done", linked.reportNumber()));
                    refresh();
                });
        env.linkDialogs().show(dialog);
        dialog.start();
    }

    /** 取消关联 of the selected report, after the user confirms; the trace reloads. */
    public void unlinkSelected() {
        TracedCubeReport r = selectedReport.get();
        BatchTrace t = trace.get();
        if (r == null || t == null || !canUnlink.get()) {
            return;
        }
        String serial = t.batch().serialNumber();
        if (!env.dialogs().confirm(Localization.get("trace.unlink.title"),
                Localization.get("trace.unlink.question", r.reportNumber(), serial))) {
            return;
        }
        env.run(() -> {
            env.source().unlink(serial, r.reportId());
            return r;
        }, (done, failure) -> {
            if (failure != null) {
                env.dialogs().showError(Localization.get("trace.unlink.title"),
                        Localization.get("trace.unlink.failed", r.reportNumber(), TraceTexts.failure(failure)));
                return;
            }
            linkMessage.set(Localization.get("trace.unlink.done", r.reportNumber()));
            refresh();
        });
    }

    // ------------------------------------------------------------------ properties

    public StringProperty serialTextProperty() {
        return serialText;
    }

    public ReadOnlyObjectProperty<TraceState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<BatchTrace> traceProperty() {
        return trace.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ObservableList<Line> batchLines() {
        return batchLines;
    }

    public ObservableList<Line> mixLines() {
        return mixLines;
    }

    public ObservableList<TracedLot> lots() {
        return lots;
    }

    public ObservableList<TracedCubeReport> cubeReports() {
        return cubeReports;
    }

    public ObjectProperty<TracedLot> selectedLotProperty() {
        return selectedLot;
    }

    public ObjectProperty<TracedCubeReport> selectedReportProperty() {
        return selectedReport;
    }

    public ReadOnlyBooleanProperty mayLinkProperty() {
        return mayLink.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty linkMessageProperty() {
        return linkMessage.getReadOnlyProperty();
    }

    public BooleanBinding busyProperty() {
        return busy;
    }

    public BooleanBinding canOpenLotReportProperty() {
        return canOpenLotReport;
    }

    public BooleanBinding canOpenReportProperty() {
        return canOpenReport;
    }

    public BooleanBinding canOpenTrialReportProperty() {
        return canOpenTrialReport;
    }

    public BooleanBinding canUnlinkProperty() {
        return canUnlink;
    }
}
