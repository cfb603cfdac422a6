package cn.cqs.client.qrimage;

import java.io.IOException;

/**
 * A file or document that cannot be turned into images to scan: missing, not an image or PDF,
 * damaged, or password-protected. The message names the file and the reason in plain words.
 */
public class UnreadableSourceException extends IOException {

    private static final long serialVersionUID = 1L;

    public UnreadableSourceException(String message) {
        super(message);
    }

    public UnreadableSourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
