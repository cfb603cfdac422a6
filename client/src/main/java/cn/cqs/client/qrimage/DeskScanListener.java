package cn.cqs.client.qrimage;

/**
 * Receives what a {@link DeskScanner} finds. Called on the scanner's worker thread, never on the
 * JavaFX thread: a screen hands the result over with {@code Platform.runLater}.
 */
public interface DeskScanListener {

    /** One frame decoded (with or without codes). */
    void onScan(DeskScan scan);

    /** A file or page of the source could not be read; the scanner goes on with the next frame. */
    default void onUnreadable(UnreadableSourceException problem) {
    }

    /**
     * The scanner stopped: the source ended, {@link DeskScanner#stop()} was called, or the source
     * failed with {@code failure} (null when it ended normally).
     */
    default void onEnd(Throwable failure) {
    }
}
