package cn.cqs.client.batches;

import cn.cqs.client.dialogs.DialogService;
import cn.cqs.client.i18n.Localization;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * 导入 (CSV/Excel, for plants without an ERP): choose a file, see EVERY row with its status and, for a
 * bad row, the column and the reason; nothing is saved until the user confirms, and then only the
 * good rows go to the outbox (with progress).
 */
public final class PlantImportViewModel {
    private static final Logger LOG = Logger.getLogger(PlantImportViewModel.class.getName());

    private final PlantEnvironment env;
    private final PlantImport importer;
    private final ObservableList<ImportRow> rows = FXCollections.observableArrayList();
    private final ObjectProperty<PlantImport.Preview> preview = new SimpleObjectProperty<>(this, "preview");
    private final ReadOnlyStringWrapper fileName = new ReadOnlyStringWrapper(this, "fileName", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final DoubleProperty progress = new SimpleDoubleProperty(this, "progress", 0);
    private final ObjectProperty<Boolean> busy = new SimpleObjectProperty<>(this, "busy", false);
    private final BooleanBinding canConfirm;

    public PlantImportViewModel(PlantEnvironment env) {
        this.env = env;
        this.importer = new PlantImport(env.cache(), env.clock(), env.zone());
        canConfirm = Bindings.createBooleanBinding(() -> !busy.get() && preview.get() != null && preview.get().good() > 0,
                busy, preview);
    }

    /** Asks for a file and previews it. */
    public void chooseFile() {
        Optional<Path> file = env.dialogs().chooseFileToOpen(Localization.get("plant.import.choose"), Optional.empty(),
                List.of(new DialogService.FileFilter(Localization.get("plant.import.filter"),
                        List.of("*.csv", "*.xlsx"))));
        file.ifPresent(this::open);
    }

    /** Reads and checks {@code file} in the background; shows every row. Saves nothing. */
    public void open(Path file) {
        busy.set(true);
        preview.set(null);
        rows.clear();
        progress.set(0);
        fileName.set(file.getFileName().toString());
        message.set(Localization.get("plant.import.reading"));
        env.run(() -> importer.preview(PlantImport.read(file), env.projects().call()), (p, failure) -> {
            busy.set(false);
            if (failure != null) {
                LOG.log(Level.INFO, "import file refused", failure);
                summary.set("");
                message.set(Localization.get("plant.import.unreadable", String.valueOf(failure.getMessage())));
                return;
            }
            preview.set(p);
            rows.setAll(p.rows());
            summary.set(Localization.get("plant.import.summary", Localization.get("plant.import.kind." + p.kind().name()),
                    p.rows().size(), p.good(), p.bad()));
            message.set(p.bad() > 0 ? Localization.get("plant.import.badRows", p.bad())
                    : Localization.get("plant.import.allGood"));
        });
    }

    /** After confirmation, queues the good rows (bad rows are left out); with progress. */
    public void confirm() {
        PlantImport.Preview p = preview.get();
        if (!canConfirm.get()) {
            return;
        }
        if (!env.dialogs().confirm(Localization.get("plant.import.confirm.title"),
                Localization.get("plant.import.confirm.question", p.good(), p.bad()))) {
            return;
        }
        busy.set(true);
        env.run(() -> importer.queue(p, env.registrar(), (done, total) ->
                env.ui().execute(() -> progress.set(done / (double) total))), (n, failure) -> {
            busy.set(false);
            if (failure != null) {
                LOG.log(Level.WARNING, "import failed", failure);
                message.set(Localization.get("plant.form.failed", String.valueOf(failure.getMessage())));
                return;
            }
            env.drainNow().run();
            preview.set(null);
            message.set(Localization.get("plant.import.queued", n));
        });
    }

    /** The status column's text. */
    public static String status(ImportRow row) {
        return Localization.get(row.ok() ? "plant.import.ok" : "plant.import.bad");
    }

    public ObservableList<ImportRow> rows() {
        return rows;
    }

    public ObjectProperty<PlantImport.Preview> previewProperty() {
        return preview;
    }

    public ReadOnlyStringProperty fileNameProperty() {
        return fileName.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    public ObjectProperty<Boolean> busyProperty() {
        return busy;
    }

    public BooleanBinding canConfirmProperty() {
        return canConfirm;
    }
}
