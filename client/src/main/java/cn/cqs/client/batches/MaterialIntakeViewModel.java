package cn.cqs.client.batches;

import cn.cqs.client.i18n.Localization;
import cn.cqs.contract.batches.MaterialIntakeRequest;
import cn.cqs.contract.batches.MaterialKind;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * 原材料进厂登记 (R5): the intake form — the plant's lot id (made when left blank), kind,
 * specification, supplier, manufacturer, the material's batch number, tonnes, arrival time and the
 * material's test report (its number, or read with its QR code from a picture or PDF of the paper
 * report: {@link ScannedReport}) — and the list of registered lots, filtered by kind. Saving checks
 * the form, queues {@code PUT /plant/material-lots/{lotId}} and shows the server's answer.
 */
public final class MaterialIntakeViewModel extends PlantForm {
    /** The most lots listed. */
    static final int LIST_LIMIT = 500;
    private static final Set<String> FIELDS = Set.of("lotId", "kind", "specification", "supplier", "manufacturer",
            "lotNumber", "quantityTonnes", "arrivedAt", "testReportNumber", "testReportToken");

    private final StringProperty lotId = new SimpleStringProperty(this, "lotId", "");
    private final ObjectProperty<MaterialKind> kind = new SimpleObjectProperty<>(this, "kind", MaterialKind.CEMENT);
    private final StringProperty specification = new SimpleStringProperty(this, "specification", "");
    private final StringProperty supplier = new SimpleStringProperty(this, "supplier", "");
    private final StringProperty manufacturer = new SimpleStringProperty(this, "manufacturer", "");
    private final StringProperty lotNumber = new SimpleStringProperty(this, "lotNumber", "");
    private final StringProperty quantity = new SimpleStringProperty(this, "quantityTonnes", "");
    private final StringProperty arrivedAt = new SimpleStringProperty(this, "arrivedAt", "");
    private final StringProperty testReportNumber = new SimpleStringProperty(this, "testReportNumber", "");
    private final ScannedReport testReport = new ScannedReport(env, testReportNumber);
    private final ObjectProperty<MaterialKind> kindFilter = new SimpleObjectProperty<>(this, "kindFilter");
    private final ObservableList<LocalLot> lots = FXCollections.observableArrayList();

    public MaterialIntakeViewModel(PlantEnvironment env) {
        super(env);
        arrivedAt.set(PlantTexts.time(env.clock().instant(), env.zone()));
        kindFilter.addListener((o, a, b) -> reload());
    }

    @Override
    protected Set<String> fields() {
        return FIELDS;
    }

    /** The kinds registered by lot (water is not). */
    public static List<MaterialKind> kinds() {
        return Arrays.stream(MaterialKind.values()).filter(MaterialKind::registeredByLot).toList();
    }

    /** Reloads the list of lots. */
    public void reload() {
        MaterialKind filter = kindFilter.get();
        env.run(() -> env.cache().lots(filter, LIST_LIMIT), (found, failure) -> {
            if (failure != null) {
                setMessage(Localization.get("plant.form.failed", String.valueOf(failure.getMessage())));
                return;
            }
            lots.setAll(found);
        });
    }

    /** The form's own checks (the contract's limits), by field. */
    Map<String, String> validate() {
        Map<String, String> e = new LinkedHashMap<>();
        String idProblem = PlantIds.problem(lotId.get());
        if (idProblem != null) {
            e.put("lotId", Localization.get("plant.error.id." + idProblem));
        }
        if (kind.get() == null || !kind.get().registeredByLot()) {
            e.put("kind", Localization.get("plant.error.required"));
        }
        text(e, "specification", specification.get(), 100);
        text(e, "supplier", supplier.get(), 200);
        text(e, "manufacturer", manufacturer.get(), 200);
        text(e, "lotNumber", lotNumber.get(), 64);
        BigDecimal q = PlantTexts.parseDecimal(quantity.get());
        if (quantity.get() == null || quantity.get().isBlank()) {
            e.put("quantityTonnes", Localization.get("plant.error.required"));
        } else if (q == null) {
            e.put("quantityTonnes", Localization.get("plant.error.number"));
        } else if (q.signum() <= 0 || q.compareTo(new BigDecimal("100000")) > 0) {
            e.put("quantityTonnes", Localization.get("plant.error.range", "0", "100000"));
        }
        Instant at = parseTimeOrNull(arrivedAt.get());
        if (at == null) {
            e.put("arrivedAt", Localization.get("plant.error.time"));
        } else if (at.isAfter(env.clock().instant().plus(Duration.ofMinutes(5)))) {
            e.put("arrivedAt", Localization.get("plant.error.future"));
        }
        if (testReportNumber.get() != null && testReportNumber.get().strip().length() > 64) {
            e.put("testReportNumber", Localization.get("plant.error.tooLong", 64));
        }
        return e;
    }

    static void text(Map<String, String> e, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            e.put(field, Localization.get("plant.error.required"));
        } else if (value.strip().length() > max) {
            e.put(field, Localization.get("plant.error.tooLong", max));
        }
    }

    /** Checks and queues the registration; on success the form is cleared for the next delivery (kind kept). */
    public void save() {
        if (busyProperty().get() || !showLocalErrors(validate())) {
            return;
        }
        String id = PlantIds.orNew(lotId.get());
        MaterialIntakeRequest r = new MaterialIntakeRequest(kind.get(), specification.get().strip(),
                supplier.get().strip(), manufacturer.get().strip(), lotNumber.get().strip(),
                PlantTexts.parseDecimal(quantity.get()), parseTimeOrNull(arrivedAt.get()),
                blankToNull(testReportNumber.get()), testReport.tokenOrNull());
        send(() -> env.registrar().registerLot(id, r), outcome -> {
            if (!(outcome instanceof SendOutcome.Refused)) {
                lotId.set("");
                lotNumber.set("");
                quantity.set("");
                testReportNumber.set("");
                testReport.clear();
                arrivedAt.set(PlantTexts.time(env.clock().instant(), env.zone()));
            } else {
                lotId.set(id);
            }
            reload();
        });
    }

    private Instant parseTimeOrNull(String s) {
        return PlantTexts.parseTime(s, env.zone());
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** A lot's line in the list. */
    public String describe(LocalLot lot) {
        MaterialIntakeRequest r = lot.intake();
        return PlantTexts.kind(r.kind()) + " · " + r.specification() + " · " + r.manufacturer() + " · "
                + PlantTexts.decimal(r.quantityTonnes()) + " t";
    }

    /** Whether a lot is confirmed, as the list's status column says it. */
    public static String status(LocalLot lot) {
        return Localization.get(lot.confirmed() ? "plant.status.confirmed" : "plant.status.waiting");
    }

    public String arrived(LocalLot lot) {
        return PlantTexts.time(lot.intake().arrivedAt(), env.zone());
    }

    public StringProperty lotIdProperty() {
        return lotId;
    }

    public ObjectProperty<MaterialKind> kindProperty() {
        return kind;
    }

    public StringProperty specificationProperty() {
        return specification;
    }

    public StringProperty supplierProperty() {
        return supplier;
    }

    public StringProperty manufacturerProperty() {
        return manufacturer;
    }

    public StringProperty lotNumberProperty() {
        return lotNumber;
    }

    public StringProperty quantityProperty() {
        return quantity;
    }

    public StringProperty arrivedAtProperty() {
        return arrivedAt;
    }

    public StringProperty testReportNumberProperty() {
        return testReportNumber;
    }

    /** 扫描报告二维码…: the material's test report read from its QR code. */
    public ScannedReport testReport() {
        return testReport;
    }

    /** Sets where report codes are read and checked (the session's server). */
    public void setReportCodes(ReportCodes codes) {
        testReport.setCodes(codes);
    }

    public ObjectProperty<MaterialKind> kindFilterProperty() {
        return kindFilter;
    }

    public ObservableList<LocalLot> lots() {
        return lots;
    }
}
