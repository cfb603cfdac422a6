package cn.cqs.client.qrimage;

import java.time.Duration;
import java.util.Objects;

/**
 * The settings of the verify desk's decoding pipeline, the same for every frame of a session
 * (camera, files and benchmarks alike; never tuned per image).
 *
 * @param timeBudget        once a frame has taken this much of the decoding thread's CPU time, no
 *                          further pass is started on it (a camera frame that has nothing readable
 *                          must not hold up the next); CPU time rather than the wall clock, so a
 *                          machine busy with other programs does not change which passes run
 * @param secondDetector    whether BoofCV is tried after every ZXing pass failed
 * @param downscaleAbovePx  frames whose longer side exceeds this are first tried halved
 * @param upscaleBelowPx    frames whose longer side is at most this are also tried doubled
 *                          (small codes in camera frames); 0 turns the pass off
 */
public record DeskDecoderSettings(Duration timeBudget, boolean secondDetector, int downscaleAbovePx, int upscaleBelowPx) {

    /** The desk's settings: 250 ms per frame, BoofCV on, halve above 2000 px, double up to 1920 px. */
    public static final DeskDecoderSettings DEFAULT = new DeskDecoderSettings(Duration.ofMillis(250), true, 2000, 1920);

    public DeskDecoderSettings {
        Objects.requireNonNull(timeBudget, "timeBudget");
        if (timeBudget.isNegative() || timeBudget.isZero()) {
            throw new IllegalArgumentException("timeBudget: must be positive, got " + timeBudget);
        }
        if (downscaleAbovePx < 64) {
            throw new IllegalArgumentException("downscaleAbovePx: must be at least 64, got " + downscaleAbovePx);
        }
        if (upscaleBelowPx < 0 || upscaleBelowPx > 4096) {
            throw new IllegalArgumentException("upscaleBelowPx: must be 0 (off) to 4096, got " + upscaleBelowPx);
        }
    }

    /** These settings with another time budget. */
    public DeskDecoderSettings withTimeBudget(Duration budget) {
        return new DeskDecoderSettings(budget, secondDetector, downscaleAbovePx, upscaleBelowPx);
    }

    /** These settings with the second detector on or off. */
    public DeskDecoderSettings withSecondDetector(boolean on) {
        return new DeskDecoderSettings(timeBudget, on, downscaleAbovePx, upscaleBelowPx);
    }
}
