package cn.cqs.client.reports;

import cn.cqs.client.credentials.SigningCredentials;
import cn.cqs.contract.reports.ReportDraft;
import java.util.Objects;

/**
 * Issues (签发) an approved shared draft on this PC: unlocks the lab's signing credential when a
 * password is given, then signs, renders and queues the upload through {@link ReportIssuer#issueApproved}.
 * No JavaFX; call off the JavaFX thread.
 */
public final class ApprovedDraftIssuer {
    private final SigningCredentials credentials;
    private final ReportIssuer issuer;
    private final String labName;

    public ApprovedDraftIssuer(SigningCredentials credentials, ReportIssuer issuer, String labName) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.labName = Objects.requireNonNull(labName, "labName");
    }

    /** Whether the lab's signing credential was imported on this PC. */
    public boolean hasCredential() throws cn.cqs.client.credentials.CredentialException {
        return credentials.installed().isPresent();
    }

    /** Whether the credential must be unlocked with its password first. */
    public boolean needsPassword() {
        return !credentials.isUnlocked();
    }

    /**
     * Issues {@code approved}.
     *
     * @param password the credential's password when {@link #needsPassword()}, else null
     */
    public LocalReport issue(ReportDraft approved, char[] password) throws Exception {
        if (password != null) {
            credentials.unlock(password);
        }
        return issuer.issueApproved(approved, credentials.credential().orElseThrow(
                () -> new IllegalStateException("The signing credential is not unlocked")), labName);
    }

    /**
     * Issues {@code approved} with a PDF the lab produced in its own software, the QR code stamped at
     * {@code choice}'s placement ({@link ReportIssuer#issueApprovedWithExternalPdf}).
     *
     * @param password the credential's password when {@link #needsPassword()}, else null
     */
    public LocalReport issueWithExternalPdf(ReportDraft approved, char[] password, ExternalPdfChoice choice) throws Exception {
        if (password != null) {
            credentials.unlock(password);
        }
        return issuer.issueApprovedWithExternalPdf(approved, choice.file(), choice.placement(),
                credentials.credential().orElseThrow(() -> new IllegalStateException("The signing credential is not unlocked")));
    }
}
