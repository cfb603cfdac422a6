package cn.cqs.client.seal;

import cn.cqs.client.credentials.CredentialException;
import cn.cqs.client.credentials.CredentialInfo;
import cn.cqs.client.credentials.SigningCredentials;
import cn.cqs.client.dialogs.DialogService;
import cn.cqs.client.i18n.Localization;
import cn.cqs.client.shell.BackgroundWork;
import cn.cqs.contract.time.ChinaTime;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * 签章证书: the organisation's signing credential on this PC (a PKCS#12 file with the key the
 * platform CA certified), which signs QR tokens and report PDFs. Shows what is installed and how
 * long it stays valid, and imports or replaces it; the certificate must be the user's
 * organisation's. Used by its own module (so an approver who issues approved drafts can install
 * it) and by the report list.
 */
public final class SealCredentialViewModel {
    /** Warn this long before the certificate expires. */
    static final Duration EXPIRY_WARNING = Duration.ofDays(30);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ChinaTime.ZONE);

    private final SigningCredentials credentials;
    private final DialogService dialogs;
    private final Executor background;
    private final Executor ui;
    private final Clock clock;
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final StringProperty warning = new SimpleStringProperty(this, "warning", "");
    private final BooleanProperty installed = new SimpleBooleanProperty(this, "installed", false);
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy", false);

    public SealCredentialViewModel(SigningCredentials credentials, DialogService dialogs, Executor background,
                                   Executor ui, Clock clock) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.background = Objects.requireNonNull(background, "background");
        this.ui = Objects.requireNonNull(ui, "ui");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Shows the installed credential (organisation, USCC, key id, validity) or that there is none. */
    public void refresh() {
        busy.set(true);
        BackgroundWork.run(background, ui, credentials::installed, (info, failure) -> {
            busy.set(false);
            if (failure instanceof CredentialException ce) {
                show(null);
                text.set(Localization.get(ce.messageKey(), ce.args()));
            } else if (failure != null) {
                show(null);
                text.set(failure.getMessage());
            } else {
                show(info.orElse(null));
            }
        });
    }

    /**
     * Import with a file chooser and a password prompt. The password must be printable ASCII
     * (PKCS#12 with PBES2); the certificate must be the user's organisation's. Replacing an
     * installed credential is confirmed first.
     */
    public void importCredential() {
        String title = Localization.get("credentials.import.title");
        if (installed.get() && !dialogs.confirm(title, Localization.get("credentials.replace.confirm"))) {
            return;
        }
        Optional<Path> file = dialogs.chooseFileToOpen(title, Optional.empty(), List.of(new DialogService.FileFilter(
                Localization.get("credentials.import.filter"), List.of("*.p12", "*.pfx"))));
        if (file.isEmpty()) {
            return;
        }
        Optional<char[]> password = dialogs.askPassword(title, Localization.get("credentials.import.password"));
        password.ifPresent(p -> importCredential(file.get(), p));
    }

    /** Imports {@code file} with {@code password} (cleared afterwards) without any chooser; the result is shown. */
    public void importCredential(Path file, char[] password) {
        busy.set(true);
        BackgroundWork.run(background, ui, () -> {
            try {
                return credentials.importFile(file, password);
            } finally {
                Arrays.fill(password, '\0');
            }
        }, (info, failure) -> {
            busy.set(false);
            String title = Localization.get("credentials.import.title");
            if (failure instanceof CredentialException ce) {
                dialogs.showError(title, Localization.get(ce.messageKey(), ce.args()));
            } else if (failure != null) {
                dialogs.showException(title, failure.getMessage(), failure);
            } else {
                show(info);
                dialogs.showInformation(title, Localization.get("credentials.imported", describe(info)));
            }
        });
    }

    private void show(CredentialInfo info) {
        installed.set(info != null);
        text.set(describe(info));
        if (info == null) {
            warning.set("");
            return;
        }
        Instant now = clock.instant();
        if (!info.validAt(now)) {
            warning.set(Localization.get("credentials.warning.invalid", DAY.format(info.notBefore()),
                    DAY.format(info.notAfter())));
        } else if (info.notAfter().isBefore(now.plus(EXPIRY_WARNING))) {
            warning.set(Localization.get("credentials.warning.expiring", DAY.format(info.notAfter())));
        } else {
            warning.set("");
        }
    }

    /** The credential in one line, or that none is installed. */
    public static String describe(CredentialInfo info) {
        if (info == null) {
            return Localization.get("credentials.none");
        }
        return Localization.get("credentials.installed", info.organisationName(), info.uscc(), info.keyId(),
                DAY.format(info.notBefore()), DAY.format(info.notAfter()));
    }

    public ReadOnlyStringProperty textProperty() {
        return text;
    }

    /** Empty, or why the credential needs attention (expired, not yet valid, expiring within 30 days). */
    public ReadOnlyStringProperty warningProperty() {
        return warning;
    }

    public ReadOnlyBooleanProperty installedProperty() {
        return installed;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }
}
