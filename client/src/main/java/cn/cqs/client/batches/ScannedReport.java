package cn.cqs.client.batches;

import cn.cqs.client.dialogs.DialogService;
import cn.cqs.client.i18n.Localization;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;

/**
 * A plant form's report linked by its QR code (扫描报告二维码…): the material's test report on the
 * intake form, the trial-mix report on the mix design form. Reading a picture or PDF of the paper
 * report fills the form's number field from the code, keeps the token to send with the registration
 * and says what the check found (report number, issuer, 已核验 — or why it will not be accepted).
 * Part of a view model: properties only, no controls.
 */
public final class ScannedReport {
    private final PlantEnvironment env;
    private final StringProperty number;
    private final ReadOnlyStringWrapper token = new ReadOnlyStringWrapper(this, "token", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyBooleanWrapper verified = new ReadOnlyBooleanWrapper(this, "verified", false);
    private final ReadOnlyBooleanWrapper reading = new ReadOnlyBooleanWrapper(this, "reading", false);
    private final ReadOnlyBooleanWrapper available = new ReadOnlyBooleanWrapper(this, "available", false);
    private ReportCodes codes;

    /** @param number the form's report number field, filled from the code */
    ScannedReport(PlantEnvironment env, StringProperty number) {
        this.env = env;
        this.number = number;
    }

    /** Where codes are read and checked (the session's server); without it the scan action is unavailable. */
    void setCodes(ReportCodes codes) {
        this.codes = codes;
        available.set(codes != null);
    }

    /** Whether a reader is set (the scan button is disabled otherwise). */
    public ReadOnlyBooleanProperty availableProperty() {
        return available.getReadOnlyProperty();
    }

    /** Asks for a picture or PDF of the report and reads it. */
    public void choose() {
        if (codes == null || reading.get()) {
            return;
        }
        Optional<Path> file = env.dialogs().chooseFileToOpen(Localization.get("plant.report.choose"), Optional.empty(),
                List.of(new DialogService.FileFilter(Localization.get("plant.report.filter"),
                        List.of("*.png", "*.jpg", "*.jpeg", "*.pdf"))));
        file.ifPresent(this::read);
    }

    /** Reads the report's code from {@code file} in the background and shows what it is. */
    public void read(Path file) {
        if (codes == null) {
            throw new IllegalStateException("no report code reader is set");
        }
        ReportCodes reader = codes;
        reading.set(true);
        verified.set(false);
        summary.set(Localization.get("plant.report.reading", file.getFileName()));
        env.run(() -> reader.read(file), (found, failure) -> {
            reading.set(false);
            if (failure != null) {
                summary.set(Localization.get("plant.report.unreadable", String.valueOf(failure.getMessage())));
                return;
            }
            show(found, file);
        });
    }

    private void show(ReportCodes.Reading r, Path file) {
        switch (r.status()) {
            case NO_REPORT_CODE, SEVERAL_REPORTS -> summary.set(Localization.get("plant.report." + r.status().name(),
                    file.getFileName()));
            case VERIFIED -> {
                token.set(r.token());
                number.set(r.reportNumber());
                verified.set(true);
                summary.set(Localization.get("plant.report.VERIFIED", r.reportNumber(), r.issuerName()));
            }
            case NOT_CHECKED -> {
                token.set(r.token());
                number.set(r.reportNumber());
                summary.set(Localization.get("plant.report.NOT_CHECKED", r.reportNumber()));
            }
            default -> summary.set(Localization.get("plant.report." + r.status().name(), r.reportNumber(),
                    r.issuerName() == null ? "" : r.issuerName(), r.detail() == null ? "" : r.detail()));
        }
    }

    /** 清除: forgets the scanned code (the number stays for the user to keep or clear). */
    public void clear() {
        token.set("");
        verified.set(false);
        summary.set("");
    }

    /** The token to send, or null. */
    String tokenOrNull() {
        return token.get().isBlank() ? null : token.get();
    }

    public ReadOnlyStringProperty tokenProperty() {
        return token.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty verifiedProperty() {
        return verified.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty readingProperty() {
        return reading.getReadOnlyProperty();
    }
}
