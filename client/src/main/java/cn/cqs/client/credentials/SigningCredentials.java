package cn.cqs.client.credentials;

import cn.cqs.contract.pki.OrganisationCredential;
import cn.cqs.contract.qr.TokenSigner;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The logged-in user's access to their organisation's signing credential for this session:
 * the installed credential in the profile directory ({@link CredentialStore}), the organisation's
 * USCC ({@link OrganisationUsccCache}), and, once the user has typed the password when issuing,
 * the unlocked credential, held in memory until {@link #forget()} (logout). The password is never
 * written anywhere. No JavaFX; call off the JavaFX thread.
 */
public final class SigningCredentials {
    /** Where the organisation's USCC comes from ({@link OrganisationUsccCache} in the client). */
    @FunctionalInterface
    public interface UsccSource {
        String uscc(UUID organisationId) throws CredentialException;
    }

    private final CredentialStore store;
    private final UsccSource organisations;
    private final UUID organisationId;
    private volatile String uscc;
    private volatile OrganisationCredential unlocked;

    public SigningCredentials(CredentialStore store, UsccSource organisations, UUID organisationId) {
        this.store = Objects.requireNonNull(store, "store");
        this.organisations = Objects.requireNonNull(organisations, "organisations");
        this.organisationId = Objects.requireNonNull(organisationId, "organisationId");
    }

    /** The user's organisation's USCC (fetched once, then cached). */
    public String organisationUscc() throws CredentialException {
        String known = uscc;
        if (known == null) {
            known = organisations.uscc(organisationId);
            uscc = known;
        }
        return known;
    }

    /** Imports a PKCS#12 file; the imported credential is not unlocked (the password is asked when issuing). */
    public CredentialInfo importFile(Path source, char[] password) throws CredentialException {
        try {
            CredentialInfo info = store.importFile(source, password, organisationUscc());
            unlocked = null;
            return info;
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** The installed credential, if any. */
    public Optional<CredentialInfo> installed() throws CredentialException {
        return store.installed(organisationUscc());
    }

    /** Whether the credential was unlocked in this session. */
    public boolean isUnlocked() {
        return unlocked != null;
    }

    /** Unlocks the installed credential with {@code password} (cleared afterwards) for this session. */
    public void unlock(char[] password) throws CredentialException {
        try {
            unlocked = store.unlock(organisationUscc(), password);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** The signer of the unlocked credential. */
    public Optional<TokenSigner> signer() {
        OrganisationCredential c = unlocked;
        return c == null ? Optional.empty() : Optional.of(TokenSigner.of(c));
    }

    /** The unlocked credential itself (key and chain), to sign PDFs; empty until {@link #unlock}. */
    public Optional<OrganisationCredential> credential() {
        return Optional.ofNullable(unlocked);
    }

    /** Forgets the unlocked credential (logout, exit). */
    public void forget() {
        unlocked = null;
    }
}
