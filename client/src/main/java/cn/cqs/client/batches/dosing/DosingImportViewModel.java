package cn.cqs.client.batches.dosing;

import cn.cqs.client.api.ApiProblemException;
import cn.cqs.client.dialogs.DialogService;
import cn.cqs.client.i18n.Localization;
import cn.cqs.contract.batches.MaterialKind;
import cn.cqs.contract.batches.dosing.BatchDosing;
import cn.cqs.contract.batches.dosing.DosingCsv;
import cn.cqs.contract.batches.dosing.DosingCsvError;
import cn.cqs.contract.batches.dosing.DosingRecord;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * 投料数据导入 (the plant's dosing import): choose the batching control system's CSV export, preview
 * it with every bad row (checked here by the contract's {@link DosingCsv}, the same reader the server
 * uses), see which batches it holds (looked up on the server by serial number), send the good file's
 * batches through the outbox, and show a batch's deviation report (偏差报告) once the server has it.
 * A file with a bad row is not sent: the plant corrects the export first.
 */
public final class DosingImportViewModel {
    private final DosingImportEnvironment env;
    private final ObjectProperty<Path> file = new SimpleObjectProperty<>(this, "file");
    private final BooleanProperty computerControlled = new SimpleBooleanProperty(this, "computerControlled", true);
    private final ObservableList<DosingRecord> plates = FXCollections.observableArrayList();
    private final ObservableList<DosingCsvError> errors = FXCollections.observableArrayList();
    private final ObservableList<ImportedBatch> batches = FXCollections.observableArrayList();
    private final ObservableList<MaterialKind> materials = FXCollections.observableArrayList();
    private final ObjectProperty<ImportedBatch> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObjectProperty<BatchDosing> report = new SimpleObjectProperty<>(this, "report");
    private final DosingReportModel reportModel = new DosingReportModel();
    private final StringProperty status = new SimpleStringProperty(this, "status", "");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy", false);
    private final BooleanBinding canSend;
    private final StringProperty targetSerial = new SimpleStringProperty(this, "targetSerial");

    public DosingImportViewModel(DosingImportEnvironment env) {
        this.env = env;
        canSend = Bindings.createBooleanBinding(() -> !busy.get() && errors.isEmpty() && !plates.isEmpty()
                && sendable().stream().anyMatch(b -> !b.plates().isEmpty()), busy, errors, batches, plates, targetSerial);
        selected.addListener((o, a, b) -> {
            report.set(null);
            if (b != null) {
                refreshReport();
            }
        });
        report.addListener((o, a, b) -> showReport(b));
    }

    /**
     * 导入投料数据… from a row of the batch list: the import for one batch. The batch is selected (its
     * current deviation report shows); after a file is loaded it is selected again, and only its
     * plates are sent (a control system's export often holds the day's other batches too).
     */
    public void forBatch(String serialNumber, String batchId) {
        targetSerial.set(serialNumber);
        clear();
        ImportedBatch target = new ImportedBatch(serialNumber, batchId, List.of());
        batches.setAll(target);
        selected.set(target);
        status.set(Localization.get("dosing.import.forBatch", serialNumber));
    }

    /** The batches {@link #send()} sends: the target batch alone when there is one, else every known batch. */
    private List<ImportedBatch> sendable() {
        String target = targetSerial.get();
        return batches.stream().filter(ImportedBatch::known)
                .filter(b -> target == null || target.equals(b.serialNumber())).toList();
    }

    /** Asks for the file and loads it. */
    public void chooseFile() {
        Optional<Path> chosen = env.dialogs().chooseFileToOpen(Localization.get("dosing.import.choose"), Optional.empty(),
                List.of(new DialogService.FileFilter(Localization.get("dosing.import.filter"), List.of("*.csv"))));
        chosen.ifPresent(this::load);
    }

    /** Reads and checks {@code path} in the background, then looks up its batches on the server. */
    public void load(Path path) {
        if (busy.get()) {
            return;
        }
        busy.set(true);
        file.set(path);
        status.set(Localization.get("dosing.import.reading", path.getFileName()));
        env.run(() -> read(path), (loaded, failure) -> {
            busy.set(false);
            if (failure != null) {
                clear();
                status.set(Localization.get("dosing.import.readFailed", failureText(failure)));
                return;
            }
            plates.setAll(loaded.parsed().plates());
            errors.setAll(loaded.parsed().errors());
            batches.setAll(loaded.batches());
            materials.setAll(loaded.parsed().plates().stream().flatMap(p -> p.weighedKg().keySet().stream())
                    .distinct().sorted().toList());
            String target = targetSerial.get();
            ImportedBatch targetBatch = target == null ? null
                    : batches.stream().filter(b -> target.equals(b.serialNumber())).findFirst().orElse(null);
            if (!errors.isEmpty()) {
                status.set(Localization.get("dosing.import.badRows", errors.size()));
            } else if (target != null && targetBatch == null) {
                status.set(Localization.get("dosing.import.targetMissing", target));
            } else if (target != null) {
                status.set(Localization.get("dosing.import.targetOnly", target, targetBatch.plates().size(),
                        batches.size() - 1));
            } else {
                long unknown = batches.stream().filter(b -> !b.known()).count();
                status.set(Localization.get("dosing.import.ready", plates.size(), batches.size(), unknown));
            }
            if (targetBatch != null) {
                selected.set(targetBatch);
            } else if (!batches.isEmpty()) {
                selected.set(batches.get(0));
            }
        });
    }

    private record Loaded(DosingCsv.Parsed parsed, List<ImportedBatch> batches) {
    }

    private Loaded read(Path path) throws IOException {
        DosingCsv.Parsed parsed;
        try (InputStream in = Files.newInputStream(path)) {
            parsed = DosingCsv.parse(in);
        }
        List<ImportedBatch> found = new ArrayList<>();
        for (Map.Entry<String, List<DosingRecord>> e : parsed.bySerialNumber().entrySet()) {
            found.add(new ImportedBatch(e.getKey(), env.batches().batchId(e.getKey()).orElse(null), e.getValue()));
        }
        return new Loaded(parsed, found);
    }

    /** Queues every known batch of the file in the outbox. */
    public void send() {
        if (!canSend.get()) {
            return;
        }
        boolean cc = computerControlled.get();
        List<ImportedBatch> toSend = sendable().stream().filter(b -> !b.plates().isEmpty()).toList();
        busy.set(true);
        env.run(() -> {
            for (ImportedBatch b : toSend) {
                env.submissions().submit(b.batchId(), cc, b.plates());
            }
            return toSend.size();
        }, (count, failure) -> {
            busy.set(false);
            if (failure != null) {
                env.dialogs().showError(Localization.get("dosing.import.title"),
                        Localization.get("dosing.import.sendFailed", failureText(failure)));
                return;
            }
            status.set(Localization.get("dosing.import.queued", count));
        });
    }

    /** Fetches the selected batch's deviation report from the server. */
    public void refreshReport() {
        ImportedBatch batch = selected.get();
        if (batch == null || !batch.known()) {
            return;
        }
        env.run(() -> env.reports().fetch(batch.serialNumber()), (dosing, failure) -> {
            if (failure != null) {
                status.set(Localization.get("dosing.report.failed", failureText(failure)));
                return;
            }
            if (batch.equals(selected.get())) {
                report.set(dosing);
            }
        });
    }

    private void showReport(BatchDosing dosing) {
        reportModel.show(dosing);
    }

    private void clear() {
        plates.clear();
        errors.clear();
        batches.clear();
        materials.clear();
    }

    /** The problem's kind in the current language (the reader's message is English and precise). */
    public static String problemText(DosingCsvError error) {
        String key = "dosing.csvError." + error.code();
        return Localization.bundle().containsKey(key) ? Localization.get(key) : error.code();
    }

    static String failureText(Exception failure) {
        if (failure instanceof ApiProblemException problem && !problem.fieldErrors().isEmpty()) {
            return problem.fieldErrors().stream().map(e -> e.field() + ": " + e.message())
                    .collect(Collectors.joining("; "));
        }
        return failure.getMessage();
    }

    // ------------------------------------------------------------------ properties

    public ObjectProperty<Path> fileProperty() {
        return file;
    }

    public BooleanProperty computerControlledProperty() {
        return computerControlled;
    }

    public ObservableList<DosingRecord> plates() {
        return plates;
    }

    public ObservableList<DosingCsvError> errors() {
        return errors;
    }

    public ObservableList<ImportedBatch> batches() {
        return batches;
    }

    public ObservableList<MaterialKind> materials() {
        return materials;
    }

    public ObjectProperty<ImportedBatch> selectedProperty() {
        return selected;
    }

    public ObjectProperty<BatchDosing> reportProperty() {
        return report;
    }

    public ObservableList<DosingReportLines.Line> reportLines() {
        return reportModel.lines();
    }

    public ObservableList<MaterialKind> reportMaterials() {
        return reportModel.materials();
    }

    public StringProperty conclusionProperty() {
        return reportModel.conclusionProperty();
    }

    public StringProperty statusProperty() {
        return status;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    /** The batch this import is for (from the batch list), or null for a file's every batch. */
    public StringProperty targetSerialProperty() {
        return targetSerial;
    }

    public BooleanBinding canSendProperty() {
        return canSend;
    }
}
