package cn.cqs.server.refusals;

import java.util.Arrays;
import java.util.Optional;

/**
 * Recognises the scan images a refusal report may carry by their magic bytes, never by what the
 * sender claims: PNG ({@code 89 50 4E 47 0D 0A 1A 0A}) and JPEG ({@code FF D8 FF}).
 */
public final class ScanImages {
    public static final String PNG = "image/png";
    public static final String JPEG = "image/jpeg";
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private ScanImages() {
    }

    /** The media type of {@code bytes} when they start like a PNG or JPEG file. */
    public static Optional<String> mediaTypeOf(byte[] bytes) {
        if (bytes.length > PNG_SIGNATURE.length
                && Arrays.equals(bytes, 0, PNG_SIGNATURE.length, PNG_SIGNATURE, 0, PNG_SIGNATURE.length)) {
            return Optional.of(PNG);
        }
        if (bytes.length > 3 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8 && (bytes[2] & 0xFF) == 0xFF) {
            return Optional.of(JPEG);
        }
        return Optional.empty();
    }
}
