package cn.cqs.client.rendering.signing;

/** A PDF could not be signed: it cannot be read, the seal cannot be drawn, or the key refused to sign. */
public class PdfSigningException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PdfSigningException(String message, Throwable cause) {
        super(message, cause);
    }

    public PdfSigningException(String message) {
        super(message);
    }
}
