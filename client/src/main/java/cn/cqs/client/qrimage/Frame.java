package cn.cqs.client.qrimage;

import java.awt.image.BufferedImage;
import java.util.Objects;

/**
 * One picture handed to the verify desk's decoder: a camera frame, an image file, a PDF page or a
 * frame pushed by a test. Every {@link FrameSource} yields these, so the camera, the files and
 * the benchmarks run exactly the same pipeline.
 *
 * @param image            the luminance of the picture
 * @param capturedAtNanos  {@link System#nanoTime()} when the frame entered the desk (grabbed,
 *                         read or pushed): the start of the latency the desk promises
 * @param label            where it came from, for display and logs: a file name, "page 2 of x.pdf",
 *                         "camera frame 1234"
 */
public record Frame(LumaImage image, long capturedAtNanos, String label) {

    public Frame {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(label, "label");
    }

    /** A frame of {@code image} entering the desk now. */
    public static Frame of(BufferedImage image, String label) {
        long now = System.nanoTime();
        return new Frame(LumaImage.of(image), now, label);
    }

    /** A frame of {@code image} entering the desk now. */
    public static Frame of(LumaImage image, String label) {
        return new Frame(image, System.nanoTime(), label);
    }
}
