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
 */
public record DeskDecodeResult(List<DecodedQr> codes, long elapsedNanos, int passesTried, boolean budgetExceeded) {

    public DeskDecodeResult {
        codes = List.copyOf(Objects.requireNonNull(codes, "codes"));
    }

    /** The texts only, in order. */
    public List<String> texts() {
        return codes.stream().map(DecodedQr::text).toList();
    }

    public double elapsedMillis() {
        return elapsedNanos / 1_000_000.0;
    }
}
