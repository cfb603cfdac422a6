package cn.cqs.client.qrimage;

import java.util.Objects;

/**
 * One QR code read from an image: its text and the pass that read it. The caller decides whether
 * the text is one of the system's codes (a verification URL with a signed token) or a foreign one.
 *
 * @param text the decoded text, exactly as encoded
 * @param pass the attempt that read it
 */
public record DecodedQr(String text, DecodePass pass) {

    public DecodedQr {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(pass, "pass");
    }
}
