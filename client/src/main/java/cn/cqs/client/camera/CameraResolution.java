package cn.cqs.client.camera;

import java.awt.Dimension;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A capture size a camera offers (分辨率), e.g. 1280×720. Written as {@code 1280x720} in settings.
 */
public record CameraResolution(int width, int height) implements Comparable<CameraResolution> {

    private static final Pattern TEXT = Pattern.compile("\\s*(\\d{1,5})\\s*[xX×]\\s*(\\d{1,5})\\s*");

    public CameraResolution {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("resolution: width and height must be positive, got " + width + "x" + height);
        }
    }

    public static CameraResolution of(Dimension size) {
        return new CameraResolution(size.width, size.height);
    }

    /** Parses {@code 1280x720}; empty for blank or malformed text. */
    public static Optional<CameraResolution> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = TEXT.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        int w = Integer.parseInt(m.group(1));
        int h = Integer.parseInt(m.group(2));
        return w > 0 && h > 0 ? Optional.of(new CameraResolution(w, h)) : Optional.empty();
    }

    public Dimension toDimension() {
        return new Dimension(width, height);
    }

    public long pixels() {
        return (long) width * height;
    }

    /** Orders by pixel count, then width. */
    @Override
    public int compareTo(CameraResolution other) {
        int byPixels = Long.compare(pixels(), other.pixels());
        return byPixels != 0 ? byPixels : Integer.compare(width, other.width);
    }

    @Override
    public String toString() {
        return width + "x" + height;
    }
}
