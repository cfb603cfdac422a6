package cn.cqs.client.qrimage;

import java.util.List;
import java.util.Objects;

/**
 * The desk's verdict on one frame, as handed to the screen.
 *
 * @param frameLabel      where the frame came from
 * @param capturedAtNanos when the frame entered the desk ({@link System#nanoTime()})
 * @param deliveredAtNanos when this result was handed to the listener
 * @param result          what the pipeline found, with its timing
 * @param newCodes        the codes not seen within the de-duplication window: the ones to beep for
 */
public record DeskScan(String frameLabel, long capturedAtNanos, long deliveredAtNanos, DeskDecodeResult result,
                       List<DecodedQr> newCodes) {

    public DeskScan {
        Objects.requireNonNull(frameLabel, "frameLabel");
        Objects.requireNonNull(result, "result");
        newCodes = List.copyOf(Objects.requireNonNull(newCodes, "newCodes"));
    }

    /** From the frame entering the desk to this result, in milliseconds. */
    public double latencyMillis() {
        return (deliveredAtNanos - capturedAtNanos) / 1_000_000.0;
    }
}
