package cn.cqs.client.qrimage;

import java.util.List;
import java.util.Objects;

/**
 * What the desk's pipeline made of one frame.
 *
 * @param codes          every distinct code found (the system's and any foreign one), possibly none
 * @param elapsedNanos   time the pipeline spent on the frame
 * @param passesTried    how many passes ran
 * @param budgetExceeded whether passes were left out because the time budget ran out
 * @param outlines       where the codes lie in the frame, for those whose position the decoder reported
 */
public record DeskDecodeResult(List<DecodedQr> codes, long elapsedNanos, int passesTried, boolean budgetExceeded,
                               List<QrOutline> outlines) {

    public DeskDecodeResult {
        codes = List.copyOf(Objects.requireNonNull(codes, "codes"));
        outlines = List.copyOf(Objects.requireNonNull(outlines, "outlines"));
    }

    /** A result without positions. */
    public DeskDecodeResult(List<DecodedQr> codes, long elapsedNanos, int passesTried, boolean budgetExceeded) {
        this(codes, elapsedNanos, passesTried, budgetExceeded, List.of());
    }

    /** The outline of the code with {@code text}, when its position is known. */
    public java.util.Optional<QrOutline> outline(String text) {
        return outlines.stream().filter(o -> o.text().equals(text)).findFirst();
    }

    /** The texts only, in order. */
    public List<String> texts() {
        return codes.stream().map(DecodedQr::text).toList();
    }

    public double elapsedMillis() {
        return elapsedNanos / 1_000_000.0;
    }
}
