package cn.cqs.client.batches;

import cn.cqs.client.i18n.Localization;
import cn.cqs.contract.batches.MaterialKind;
import cn.cqs.contract.batches.MixDesignRequest;
import cn.cqs.contract.batches.MixQuantity;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * 配合比: the mix design form — its id (配合比编号), the marking checked live with the contract's
 * {@code ConcreteMarking}, kg per m³ of each material (one line per {@link MaterialKind}; cement and
 * water required), the trial-mix report number and the validity — and the list of mix designs.
 */
public final class MixDesignViewModel extends PlantForm {
    private static final Set<String> FIELDS = Set.of("mixDesignId", "marking", "quantities", "trialReportNumber",
            "trialReportToken", "validFrom", "validTo");
    private static final BigDecimal MAX_KG = new BigDecimal("5000");

    private final StringProperty mixDesignId = new SimpleStringProperty(this, "mixDesignId", "");
    private final StringProperty marking = new SimpleStringProperty(this, "marking", "");
    private final ReadOnlyStringWrapper markingCheck = new ReadOnlyStringWrapper(this, "markingCheck", "");
    private final BooleanProperty markingValid = new SimpleBooleanProperty(this, "markingValid", false);
    private final List<QuantityLine> quantities = new ArrayList<>();
    private final StringProperty trialReportNumber = new SimpleStringProperty(this, "trialReportNumber", "");
    private final ScannedReport trialReport = new ScannedReport(env, trialReportNumber);
    private final ObjectProperty<LocalDate> validFrom = new SimpleObjectProperty<>(this, "validFrom");
    private final ObjectProperty<LocalDate> validTo = new SimpleObjectProperty<>(this, "validTo");
    private final ObservableList<LocalMixDesign> designs = FXCollections.observableArrayList();

    public MixDesignViewModel(PlantEnvironment env) {
        super(env);
        for (MaterialKind k : MaterialKind.values()) {
            quantities.add(new QuantityLine(k));
        }
        validFrom.set(LocalDate.ofInstant(env.clock().instant(), env.zone()));
        marking.addListener((o, a, b) -> {
            MarkingCheck check = MarkingCheck.of(b);
            markingCheck.set(check.text());
            markingValid.set(check.valid());
        });
    }

    @Override
    protected Set<String> fields() {
        return FIELDS;
    }

    public void reload() {
        env.run(() -> env.cache().mixDesigns(), (found, failure) -> {
            if (failure != null) {
                setMessage(Localization.get("plant.form.failed", String.valueOf(failure.getMessage())));
                return;
            }
            designs.setAll(found);
        });
    }

    Map<String, String> validate() {
        Map<String, String> e = new LinkedHashMap<>();
        String idProblem = PlantIds.problem(mixDesignId.get());
        if (idProblem != null) {
            e.put("mixDesignId", Localization.get("plant.error.id." + idProblem));
        }
        MarkingCheck check = MarkingCheck.of(marking.get());
        if (marking.get() == null || marking.get().isBlank()) {
            e.put("marking", Localization.get("plant.error.required"));
        } else if (!check.valid()) {
            e.put("marking", check.text());
        }
        List<String> lineErrors = new ArrayList<>();
        for (QuantityLine line : quantities) {
            String problem = quantityProblem(line);
            line.errorProperty().set(problem == null ? "" : problem);
            if (problem != null) {
                lineErrors.add(PlantTexts.kind(line.kind()) + "：" + problem);
            }
        }
        if (!lineErrors.isEmpty()) {
            e.put("quantities", String.join("；", lineErrors));
        }
        if (validFrom.get() == null) {
            e.put("validFrom", Localization.get("plant.error.required"));
        } else if (validTo.get() != null && validTo.get().isBefore(validFrom.get())) {
            e.put("validTo", Localization.get("plant.error.validTo"));
        }
        if (trialReportNumber.get() != null && trialReportNumber.get().strip().length() > 64) {
            e.put("trialReportNumber", Localization.get("plant.error.tooLong", 64));
        }
        return e;
    }

    private static String quantityProblem(QuantityLine line) {
        String typed = line.kgPerM3Property().get();
        if (typed == null || typed.isBlank()) {
            return line.required() ? Localization.get("plant.error.required") : null;
        }
        BigDecimal v = PlantTexts.parseDecimal(typed);
        if (v == null) {
            return Localization.get("plant.error.number");
        }
        if (v.signum() <= 0 || v.compareTo(MAX_KG) > 0) {
            return Localization.get("plant.error.range", "0", MAX_KG.toPlainString());
        }
        if (v.stripTrailingZeros().scale() > 3) {
            return Localization.get("plant.error.decimals", 3);
        }
        return null;
    }

    /** The quantities as the request carries them (the lines with a value). */
    List<MixQuantity> requestQuantities() {
        return quantities.stream().filter(l -> l.kgPerM3Property().get() != null && !l.kgPerM3Property().get().isBlank())
                .map(l -> new MixQuantity(l.kind(), PlantTexts.parseDecimal(l.kgPerM3Property().get())))
                .collect(Collectors.toList());
    }

    public void save() {
        if (busyProperty().get() || !showLocalErrors(validate())) {
            return;
        }
        MarkingCheck check = MarkingCheck.of(marking.get());
        String id = PlantIds.orNew(mixDesignId.get());
        MixDesignRequest r = new MixDesignRequest(check.marking().render(), requestQuantities(),
                MaterialIntakeViewModel.blankToNull(trialReportNumber.get()), validFrom.get(), validTo.get(),
                trialReport.tokenOrNull());
        send(() -> env.registrar().registerMixDesign(id, r, check.marking().strength().code()), outcome -> {
            mixDesignId.set(id);
            if (!(outcome instanceof SendOutcome.Refused)) {
                marking.set(r.marking());
            }
            reload();
        });
    }

    /** Fills the form from a listed mix design (to register a revised copy under a new id). */
    public void copyFrom(LocalMixDesign d) {
        if (d == null) {
            return;
        }
        mixDesignId.set("");
        marking.set(d.design().marking());
        for (QuantityLine line : quantities) {
            line.kgPerM3Property().set(d.design().quantities().stream().filter(q -> q.kind() == line.kind())
                    .findFirst().map(q -> PlantTexts.decimal(q.kgPerM3())).orElse(""));
            line.errorProperty().set("");
        }
        trialReportNumber.set(d.design().trialReportNumber() == null ? "" : d.design().trialReportNumber());
        // the local copy keeps no token: scan the trial-mix report again to link another lab's report
        trialReport.clear();
        validFrom.set(d.design().validFrom());
        validTo.set(d.design().validTo());
    }

    /** A design's quantities in one line, e.g. 水泥 320 · 水 175. */
    public static String quantitiesText(LocalMixDesign d) {
        return d.design().quantities().stream().map(q -> PlantTexts.kind(q.kind()) + " " + PlantTexts.decimal(q.kgPerM3()))
                .collect(Collectors.joining(" · "));
    }

    public static String validity(LocalMixDesign d) {
        return d.design().validFrom() + " ~ " + (d.design().validTo() == null ? "" : d.design().validTo().toString());
    }

    public StringProperty mixDesignIdProperty() {
        return mixDesignId;
    }

    public StringProperty markingProperty() {
        return marking;
    }

    public ReadOnlyStringProperty markingCheckProperty() {
        return markingCheck.getReadOnlyProperty();
    }

    public BooleanProperty markingValidProperty() {
        return markingValid;
    }

    public List<QuantityLine> quantities() {
        return quantities;
    }

    public StringProperty trialReportNumberProperty() {
        return trialReportNumber;
    }

    /** 扫描报告二维码…: the trial-mix report read from its QR code. */
    public ScannedReport trialReport() {
        return trialReport;
    }

    /** Sets where report codes are read and checked (the session's server). */
    public void setReportCodes(ReportCodes codes) {
        trialReport.setCodes(codes);
    }

    public ObjectProperty<LocalDate> validFromProperty() {
        return validFrom;
    }

    public ObjectProperty<LocalDate> validToProperty() {
        return validTo;
    }

    public ObservableList<LocalMixDesign> designs() {
        return designs;
    }
}
