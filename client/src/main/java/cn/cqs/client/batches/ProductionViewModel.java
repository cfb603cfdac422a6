package cn.cqs.client.batches;

import cn.cqs.client.i18n.Localization;
import cn.cqs.client.qrimage.QrCodes;
import cn.cqs.client.reports.ProjectChoice;
import cn.cqs.contract.batches.MaterialKind;
import cn.cqs.contract.batches.MixQuantity;
import cn.cqs.contract.batches.ProductionBatch;
import cn.cqs.contract.batches.ProductionRequest;
import cn.cqs.contract.json.Json;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.image.Image;

/**
 * 生产信息登记 (R6, R8): the production form — the plant's batch id (made when blank), project,
 * buyer (需方), pour location, mix design (valid on the planned day) with its marking, planned volume,
 * one registered material lot per material of the mix design (filtered by kind), planned start and
 * contract number. Saving queues {@code PUT /plant/batches/{batchId}}; the server's answer shows the
 * production serial number (生产流水号) and its QR code.
 */
public final class ProductionViewModel extends PlantForm {
    private static final Set<String> FIELDS = Set.of("batchId", "projectId", "buyer", "pourLocation", "marking",
            "volumeM3", "mixDesignId", "materialLotIds", "plannedStart", "contractNumber");
    private static final BigDecimal MAX_VOLUME = new BigDecimal("10000");

    private final StringProperty batchId = new SimpleStringProperty(this, "batchId", "");
    private final ObjectProperty<ProjectChoice> project = new SimpleObjectProperty<>(this, "project");
    private final ObservableList<ProjectChoice> projects = FXCollections.observableArrayList();
    private final StringProperty buyer = new SimpleStringProperty(this, "buyer", "");
    private final StringProperty pourLocation = new SimpleStringProperty(this, "pourLocation", "");
    private final ObjectProperty<LocalMixDesign> mixDesign = new SimpleObjectProperty<>(this, "mixDesign");
    private final ObservableList<LocalMixDesign> mixDesigns = FXCollections.observableArrayList();
    private final StringProperty marking = new SimpleStringProperty(this, "marking", "");
    private final ReadOnlyStringWrapper markingCheck = new ReadOnlyStringWrapper(this, "markingCheck", "");
    private final StringProperty volume = new SimpleStringProperty(this, "volumeM3", "");
    private final ObservableList<LotSlot> lotSlots = FXCollections.observableArrayList();
    private final StringProperty plannedStart = new SimpleStringProperty(this, "plannedStart", "");
    private final StringProperty contractNumber = new SimpleStringProperty(this, "contractNumber", "");
    private final ReadOnlyStringWrapper serialNumber = new ReadOnlyStringWrapper(this, "serialNumber", "");
    private final ReadOnlyObjectWrapper<Image> qrImage = new ReadOnlyObjectWrapper<>(this, "qrImage");
    private final BooleanProperty answered = new SimpleBooleanProperty(this, "answered", false);
    private List<LocalLot> allLots = List.of();

    public ProductionViewModel(PlantEnvironment env) {
        super(env);
        plannedStart.set(PlantTexts.time(env.clock().instant(), env.zone()));
        mixDesign.addListener((o, a, d) -> {
            if (d != null) {
                marking.set(d.design().marking());
            }
            rebuildSlots();
        });
        marking.addListener((o, a, b) -> markingCheck.set(MarkingCheck.of(b).text()));
    }

    @Override
    protected Set<String> fields() {
        return FIELDS;
    }

    /** Loads projects, mix designs and lots. */
    public void reload() {
        env.run(() -> new Loaded(env.projects().call(), env.cache().mixDesigns(),
                env.cache().lots(null, MaterialIntakeViewModel.LIST_LIMIT)), (loaded, failure) -> {
            if (failure != null) {
                setMessage(Localization.get("plant.form.failed", String.valueOf(failure.getMessage())));
                return;
            }
            ProjectChoice keepProject = project.get();
            projects.setAll(loaded.projects());
            project.set(keepProject == null ? null : projects.stream().filter(p -> p.id().equals(keepProject.id()))
                    .findFirst().orElse(null));
            String keepDesign = mixDesign.get() == null ? null : mixDesign.get().mixDesignId();
            mixDesigns.setAll(loaded.designs());
            allLots = loaded.lots();
            mixDesign.set(mixDesigns.stream().filter(d -> d.mixDesignId().equals(keepDesign)).findFirst().orElse(null));
            rebuildSlots();
        });
    }

    private record Loaded(List<ProjectChoice> projects, List<LocalMixDesign> designs, List<LocalLot> lots) {
    }

    private void rebuildSlots() {
        Map<MaterialKind, LocalLot> kept = new LinkedHashMap<>();
        for (LotSlot s : lotSlots) {
            if (s.chosenProperty().get() != null) {
                kept.put(s.kind(), s.chosenProperty().get());
            }
        }
        List<LotSlot> slots = new ArrayList<>();
        LocalMixDesign d = mixDesign.get();
        if (d != null) {
            for (MixQuantity q : d.design().quantities()) {
                if (!q.kind().registeredByLot()) {
                    continue;
                }
                LotSlot slot = new LotSlot(q.kind());
                slot.choices().setAll(allLots.stream().filter(l -> l.intake().kind() == q.kind()).toList());
                LocalLot keep = kept.get(q.kind());
                slot.chosenProperty().set(keep != null && slot.choices().contains(keep) ? keep
                        : slot.choices().isEmpty() ? null : slot.choices().get(0));
                slots.add(slot);
            }
        }
        lotSlots.setAll(slots);
    }

    Map<String, String> validate() {
        Map<String, String> e = new LinkedHashMap<>();
        String idProblem = PlantIds.problem(batchId.get());
        if (idProblem != null) {
            e.put("batchId", Localization.get("plant.error.id." + idProblem));
        }
        if (project.get() == null) {
            e.put("projectId", Localization.get("plant.error.required"));
        }
        MaterialIntakeViewModel.text(e, "buyer", buyer.get(), 200);
        MaterialIntakeViewModel.text(e, "pourLocation", pourLocation.get(), 200);
        MarkingCheck check = MarkingCheck.of(marking.get());
        if (marking.get() == null || marking.get().isBlank()) {
            e.put("marking", Localization.get("plant.error.required"));
        } else if (!check.valid()) {
            e.put("marking", check.text());
        } else if (mixDesign.get() != null && !check.marking().render().equals(canonical(mixDesign.get()))) {
            e.put("marking", Localization.get("plant.error.markingDiffers", mixDesign.get().design().marking()));
        }
        BigDecimal v = PlantTexts.parseDecimal(volume.get());
        if (volume.get() == null || volume.get().isBlank()) {
            e.put("volumeM3", Localization.get("plant.error.required"));
        } else if (v == null) {
            e.put("volumeM3", Localization.get("plant.error.number"));
        } else if (v.signum() <= 0 || v.compareTo(MAX_VOLUME) > 0) {
            e.put("volumeM3", Localization.get("plant.error.range", "0", MAX_VOLUME.toPlainString()));
        }
        Instant start = PlantTexts.parseTime(plannedStart.get(), env.zone());
        if (start == null) {
            e.put("plannedStart", Localization.get("plant.error.time"));
        }
        if (mixDesign.get() == null) {
            e.put("mixDesignId", Localization.get("plant.error.required"));
        } else if (start != null && !mixDesign.get().validOn(LocalDate.ofInstant(start, env.zone()))) {
            e.put("mixDesignId", Localization.get("plant.error.mixDesignValidity", MixDesignViewModel.validity(mixDesign.get())));
        }
        List<String> missing = new ArrayList<>();
        for (LotSlot s : lotSlots) {
            boolean none = s.chosenProperty().get() == null;
            s.errorProperty().set(none ? Localization.get("plant.error.lotRequired") : "");
            if (none) {
                missing.add(PlantTexts.kind(s.kind()));
            }
        }
        if (!missing.isEmpty()) {
            e.put("materialLotIds", Localization.get("plant.error.lotsMissing", String.join("、", missing)));
        }
        if (contractNumber.get() != null && contractNumber.get().strip().length() > 64) {
            e.put("contractNumber", Localization.get("plant.error.tooLong", 64));
        }
        return e;
    }

    /** Checks and queues the registration; shows the serial number and QR code when the server answers. */
    public void save() {
        if (busyProperty().get() || !showLocalErrors(validate())) {
            return;
        }
        // the same batch sent again keeps showing its serial and QR: the server either confirms them
        // or refuses the changed values (409), and the batch stays registered as it was either way
        boolean sameBatch = answered.get() && !batchId.get().isBlank();
        if (!sameBatch) {
            serialNumber.set("");
            qrImage.set(null);
            answered.set(false);
        }
        String id = PlantIds.orNew(batchId.get());
        List<String> lots = lotSlots.stream().map(s -> s.chosenProperty().get().lotId()).toList();
        ProductionRequest r = new ProductionRequest(project.get().id(), buyer.get().strip(), pourLocation.get().strip(),
                MarkingCheck.of(marking.get()).marking().render(), PlantTexts.parseDecimal(volume.get()),
                mixDesign.get().mixDesignId(), lots, PlantTexts.parseTime(plannedStart.get(), env.zone()),
                MaterialIntakeViewModel.blankToNull(contractNumber.get()));
        String projectName = project.get().name();
        send(() -> env.registrar().registerBatch(id, r, projectName), outcome -> {
            batchId.set(id);
            if (outcome instanceof SendOutcome.Delivered delivered) {
                showAnswer(delivered.receipt());
            }
        });
    }

    private void showAnswer(String receipt) {
        try {
            ProductionBatch b = Json.newMapper().readValue(receipt, ProductionBatch.class);
            serialNumber.set(b.serialNumber());
            qrImage.set(javafx.embed.swing.SwingFXUtils.toFXImage(QrCodes.encode(b.qrText(), 4).image(), null));
            answered.set(true);
            setMessage(Localization.get("plant.production.assigned", b.serialNumber()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            setMessage(Localization.get("plant.form.failed", e.getOriginalMessage()));
        }
    }

    /** Clears the form for the next batch (project, buyer, mix design and contract kept). */
    public void next() {
        batchId.set("");
        pourLocation.set("");
        volume.set("");
        serialNumber.set("");
        qrImage.set(null);
        answered.set(false);
        plannedStart.set(PlantTexts.time(env.clock().instant(), env.zone()));
        errors().clear();
        setMessage("");
    }

    /** The mix design's marking in canonical form (as stored when it is not a valid marking). */
    private static String canonical(LocalMixDesign d) {
        MarkingCheck c = MarkingCheck.of(d.design().marking());
        return c.valid() ? c.marking().render() : d.design().marking();
    }

    public static String lotText(LocalLot lot) {
        return lot.lotId() + " · " + lot.intake().specification() + " · " + lot.intake().manufacturer() + " · "
                + lot.intake().lotNumber();
    }

    public StringProperty batchIdProperty() {
        return batchId;
    }

    public ObjectProperty<ProjectChoice> projectProperty() {
        return project;
    }

    public ObservableList<ProjectChoice> projects() {
        return projects;
    }

    public StringProperty buyerProperty() {
        return buyer;
    }

    public StringProperty pourLocationProperty() {
        return pourLocation;
    }

    public ObjectProperty<LocalMixDesign> mixDesignProperty() {
        return mixDesign;
    }

    public ObservableList<LocalMixDesign> mixDesigns() {
        return mixDesigns;
    }

    public StringProperty markingProperty() {
        return marking;
    }

    public ReadOnlyStringProperty markingCheckProperty() {
        return markingCheck.getReadOnlyProperty();
    }

    public StringProperty volumeProperty() {
        return volume;
    }

    public ObservableList<LotSlot> lotSlots() {
        return lotSlots;
    }

    public StringProperty plannedStartProperty() {
        return plannedStart;
    }

    public StringProperty contractNumberProperty() {
        return contractNumber;
    }

    public ReadOnlyStringProperty serialNumberProperty() {
        return serialNumber.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Image> qrImageProperty() {
        return qrImage.getReadOnlyProperty();
    }

    public BooleanProperty answeredProperty() {
        return answered;
    }
}
