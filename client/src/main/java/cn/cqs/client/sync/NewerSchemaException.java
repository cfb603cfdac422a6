package cn.cqs.client.sync;

import java.nio.file.Path;

/**
 * The profile database was written by a newer version of the client. It is refused, and left
 * exactly as it was: its outbox may hold changes not yet uploaded, which the newer client can still
 * send.
 */
public class NewerSchemaException extends LocalStoreException {
    private final Path file;
    private final int fileVersion;
    private final int supportedVersion;

    public NewerSchemaException(Path file, int fileVersion, int supportedVersion) {
        super("The local database " + file + " was created by a newer version of the client (schema "
                + fileVersion + "; this client understands up to schema " + supportedVersion
                + "). It has not been changed. Please install the newer client to keep working with "
                + "this profile; changes waiting to upload in it are kept.");
        this.file = file;
        this.fileVersion = fileVersion;
        this.supportedVersion = supportedVersion;
    }

    public Path file() {
        return file;
    }

    public int fileVersion() {
        return fileVersion;
    }

    public int supportedVersion() {
        return supportedVersion;
    }
}
