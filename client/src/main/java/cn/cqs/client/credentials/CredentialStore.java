package cn.cqs.client.credentials;

import cn.cqs.contract.pki.OrganisationCredential;
import cn.cqs.contract.pki.OrganisationIdentity;
import cn.cqs.contract.pki.Pkcs12Keystores;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.UnrecoverableKeyException;
import java.util.Locale;
import java.util.Map;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;
import java.util.Objects;
import java.util.Optional;

/**
 * 签章证书库: the organisation's PKCS#12 signing credential kept in the user's profile directory
 * as {@code <USCC>.p12}, with its certificate beside it as {@code <USCC>.cer} (DER) so the
 * credential can be described without the password. Importing checks that the file opens with
 * the password and that the certificate is the user's own organisation's (by USCC). The password
 * itself is never stored. No JavaFX; call off the JavaFX thread.
 */
public final class CredentialStore {
    private final Path directory;

    public CredentialStore(Path directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    public Path directory() {
        return directory;
    }

    /**
     * Imports the credential in {@code source} for the organisation with {@code expectedUscc},
     * replacing an earlier one.
     *
     * @throws CredentialException when the password is not printable ASCII or wrong, the file is
     *                             not a PKCS#12 signing credential, or it belongs to another organisation
     */
    public CredentialInfo importFile(Path source, char[] password, String expectedUscc) throws CredentialException {
        Objects.requireNonNull(source, "source");
        Optional<String> passwordProblem = CredentialPasswords.check(password);
        if (passwordProblem.isPresent()) {
            throw new CredentialException(passwordProblem.get(), "The password is empty or not printable ASCII", null);
        }
        if (expectedUscc == null || expectedUscc.isBlank()) {
            throw new CredentialException("credentials.error.noOrganisationUscc",
                    "The user's organisation has no unified social credit code", null);
        }
        OrganisationCredential credential = load(source, password);
        OrganisationIdentity identity = identity(credential.certificate());
        String wanted = expectedUscc.strip().toUpperCase(Locale.ROOT);
        if (!identity.uscc().equals(wanted)) {
            throw new CredentialException("credentials.error.otherOrganisation", "The credential is for "
                    + identity.name() + " (" + identity.uscc() + "), not for the user's organisation " + wanted,
                    null, identity.name(), identity.uscc(), wanted);
        }
        try {
            Files.createDirectories(directory);
            Path p12 = p12File(wanted);
            Path tmp = Files.createTempFile(directory, wanted, ".tmp");
            Files.copy(source, tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, p12, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.write(certificateFile(wanted), credential.certificate().getEncoded());
        } catch (IOException | CertificateException e) {
            throw new CredentialException("credentials.error.cannotStore", "Cannot store the credential in "
                    + directory + ": " + e.getMessage(), e, directory.toString(), String.valueOf(e.getMessage()));
        }
        return describe(wanted, credential.certificate());
    }

    /** The installed credential of the organisation {@code uscc}, if any. */
    public Optional<CredentialInfo> installed(String uscc) throws CredentialException {
        String code = uscc.strip().toUpperCase(Locale.ROOT);
        Path cer = certificateFile(code);
        if (!Files.isRegularFile(cer) || !Files.isRegularFile(p12File(code))) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(cer)) {
            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(in);
            return Optional.of(describe(code, certificate));
        } catch (IOException | CertificateException e) {
            throw new CredentialException("credentials.error.unreadable", "The stored certificate " + cer
                    + " is unreadable: " + e.getMessage(), e, cer.toString());
        }
    }

    /**
     * Opens the installed credential of {@code uscc} with {@code password}.
     *
     * @throws CredentialException when none is installed or the password is wrong
     */
    public OrganisationCredential unlock(String uscc, char[] password) throws CredentialException {
        Optional<String> passwordProblem = CredentialPasswords.check(password);
        if (passwordProblem.isPresent()) {
            throw new CredentialException(passwordProblem.get(), "The password is empty or not printable ASCII", null);
        }
        Path p12 = p12File(uscc.strip().toUpperCase(Locale.ROOT));
        if (!Files.isRegularFile(p12)) {
            throw new CredentialException("credentials.error.none", "No signing credential is installed for "
                    + uscc, null);
        }
        return load(p12, password);
    }

    private static OrganisationCredential load(Path file, char[] password) throws CredentialException {
        try {
            return Pkcs12Keystores.load(file, password);
        } catch (NoSuchFileException e) {
            throw new CredentialException("credentials.error.noFile", "No such file: " + file, e, file.toString());
        } catch (IOException | GeneralSecurityException e) {
            if (causedByWrongPassword(e)) {
                throw new CredentialException("credentials.error.wrongPassword", "Wrong password for " + file, e);
            }
            throw new CredentialException("credentials.error.notPkcs12", file + " is not a PKCS#12 signing "
                    + "credential: " + e.getMessage(), e, file.toString());
        }
    }

    /** The JDK reports a wrong PKCS#12 password as an UnrecoverableKeyException somewhere in the causes. */
    private static boolean causedByWrongPassword(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnrecoverableKeyException || t instanceof javax.crypto.BadPaddingException) {
                return true;
            }
        }
        return false;
    }

    /** The organisation named in a certificate subject: O (or CN) and the USCC in serialNumber (2.5.4.5). */
    static OrganisationIdentity identity(X509Certificate certificate) throws CredentialException {
        String name = certificate.getSubjectX500Principal().getName(X500Principal.RFC2253,
                Map.of("2.5.4.5", "SERIALNUMBER"));
        String organisation = null;
        String commonName = null;
        String uscc = null;
        try {
            for (Rdn rdn : new LdapName(name).getRdns()) {
                String value = String.valueOf(rdn.getValue());
                switch (rdn.getType().toUpperCase(Locale.ROOT)) {
                    case "O" -> organisation = value;
                    case "CN" -> commonName = value;
                    case "SERIALNUMBER" -> uscc = value;
                    default -> { }
                }
            }
            return new OrganisationIdentity(organisation != null ? organisation : commonName, uscc);
        } catch (InvalidNameException | IllegalArgumentException e) {
            throw new CredentialException("credentials.error.noUscc", "The certificate " + name + " names no "
                    + "organisation with a unified social credit code: " + e.getMessage(), e);
        }
    }

    private CredentialInfo describe(String uscc, X509Certificate certificate) throws CredentialException {
        OrganisationIdentity identity = identity(certificate);
        return new CredentialInfo(certificate.getSubjectX500Principal().getName(X500Principal.RFC2253,
                Map.of("2.5.4.5", "SERIALNUMBER")), identity.name(), identity.uscc(),
                cn.cqs.contract.pki.KeyId.of(certificate).hex(), certificate.getNotBefore().toInstant(),
                certificate.getNotAfter().toInstant(), p12File(uscc));
    }

    private Path p12File(String uscc) {
        return directory.resolve(uscc + ".p12");
    }

    private Path certificateFile(String uscc) {
        return directory.resolve(uscc + ".cer");
    }
}
