package cn.cqs.client.qrimage;

import java.time.Duration;
import java.util.Objects;

/**
 * The settings of the verify desk's decoding pipeline, the same for every frame of a session
 * (camera, files and benchmarks alike; never tuned per image).
 *
 * @param timeBudget        once a frame has taken this much time, no further pass (and no further
 *                          candidate region) is started on it: a camera frame that has nothing
 *                          readable must not hold up the next
 * @param secondDetector    whether BoofCV is tried after every ZXing pass failed
 * @param downscaleAbovePx  frames whose longer side exceeds this are first tried halved
 * @param upscaleBelowPx    frames whose longer side is at most this are also tried doubled
 *                          (small codes in camera frames); 0 turns the pass off
 * @param budgetClock       what the budget counts: the decoding thread's CPU time (the same passes
 *                          run on an idle and a busy machine: files, folders, benchmarks) or the
 *                          wall clock (the live camera, where what counts is how soon a person sees
 *                          the result, however busy the machine is)
 */
public record DeskDecoderSettings(Duration timeBudget, boolean secondDetector, int downscaleAbovePx, int upscaleBelowPx,
                                  BudgetClock budgetClock) {

    /** What a {@link DeskDecoderSettings#timeBudget()} counts. */
    public enum BudgetClock {
        /** The decoding thread's CPU time (the wall clock where the JVM cannot measure it). */
        THREAD_CPU,
        /** Time on the wall clock since the frame entered the decoder. */
        WALL
    }

    /**
     * The desk's settings for files, folders and single frames: 250 ms of CPU time per frame,
     * BoofCV on, halve above 2000 px, double up to 1920 px.
     */
    public static final DeskDecoderSettings DEFAULT = new DeskDecoderSettings(Duration.ofMillis(250), true, 2000, 1920);

    /**
     * The live camera's settings: {@link #DEFAULT} with 120 ms on the wall clock per frame. A frame
     * that arrives while the decoder works waits for it, so the time from a frame to its result can
     * reach twice the budget; 120 ms keeps that under the desk's 300 ms even on a busy machine, and
     * an unreadable frame is soon followed by the next, sharper one.
     */
    public static final DeskDecoderSettings LIVE_CAMERA = new DeskDecoderSettings(Duration.ofMillis(120), true, 2000, 1920,
            BudgetClock.WALL);

    public DeskDecoderSettings {
        Objects.requireNonNull(timeBudget, "timeBudget");
        Objects.requireNonNull(budgetClock, "budgetClock");
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

    /** Settings whose budget counts the decoding thread's CPU time. */
    public DeskDecoderSettings(Duration timeBudget, boolean secondDetector, int downscaleAbovePx, int upscaleBelowPx) {
        this(timeBudget, secondDetector, downscaleAbovePx, upscaleBelowPx, BudgetClock.THREAD_CPU);
    }

    /** These settings with another time budget. */
    public DeskDecoderSettings withTimeBudget(Duration budget) {
        return new DeskDecoderSettings(budget, secondDetector, downscaleAbovePx, upscaleBelowPx, budgetClock);
    }

    /** These settings with the second detector on or off. */
    public DeskDecoderSettings withSecondDetector(boolean on) {
        return new DeskDecoderSettings(timeBudget, on, downscaleAbovePx, upscaleBelowPx, budgetClock);
    }
}
