package cn.cqs.client.bench;

import cn.cqs.client.qrimage.LumaImage;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Objects;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Makes camera-like frames of a paper report held up to a desk webcam (generated at run time,
 * never stored): the rendered page placed in 3-D with a tilt of up to 30 degrees about a random
 * axis and any rotation, projected by a webcam-like lens (about 65 degrees wide), lit unevenly
 * with vignetting and sometimes glare, in low contrast on a third of the frames, blurred by
 * defocus and sometimes by motion, with sensor noise, a warm colour cast and JPEG compression,
 * as 1280x720 and 1920x1080 frames. Code sizes run from a 25 mm code whose modules are about 2
 * pixels wide to a code filling the frame; about one frame in seven also shows a foreign code.
 *
 * <p>Frame {@code i} depends only on the seed and {@code i} (one {@link Random} per frame), so a
 * run is repeatable and frames can be made one at a time without keeping them all in memory.
 * The distributions are fixed in this class; the decoder under test never sees them.
 */
public final class DeskFrameGenerator {

    /** How big the code appears in the frame, in pixels per module. */
    public enum SizeClass {
        /** 2.0 to 2.6 px per module: a 25 mm code at arm's length. */
        SMALL(2.0, 2.6),
        /** 2.6 to 6 px per module. */
        MEDIUM(2.6, 6.0),
        /** 6 px per module up to the code filling the frame's height. */
        LARGE(6.0, Double.MAX_VALUE);

        final double minModulePx;
        final double maxModulePx;

        SizeClass(double min, double max) {
            this.minModulePx = min;
            this.maxModulePx = max;
        }
    }

    /**
     * One generated frame.
     *
     * @param index      position in the set
     * @param image      the frame as a camera delivers it (decoded JPEG, 3-byte BGR)
     * @param expected   the system code's text, which a decoder must find
     * @param foreign    the foreign code's text when one is in view, else null
     * @param size       the size class
     * @param modulePx   pixels per module of the system's code at its centre (before tilt)
     * @param conditions what was done to the frame, for logs
     */
    public record DeskFrame(int index, BufferedImage image, String expected, String foreign, SizeClass size,
                            double modulePx, String conditions) {
    }

    private final DeskPage page;
    private final DeskPage pageWithForeign;
    private final long seed;

    public DeskFrameGenerator(DeskPage page, DeskPage pageWithForeign, long seed) {
        this.page = Objects.requireNonNull(page, "page");
        this.pageWithForeign = Objects.requireNonNull(pageWithForeign, "pageWithForeign");
        if (!pageWithForeign.hasForeignCode()) {
            throw new IllegalArgumentException("pageWithForeign: has no foreign code");
        }
        this.seed = seed;
    }

    /** Size class of frame {@code i}: 30 % small, 40 % medium, 30 % large. */
    public static SizeClass sizeClassOf(int i) {
        int k = i % 10;
        return k < 3 ? SizeClass.SMALL : k < 7 ? SizeClass.MEDIUM : SizeClass.LARGE;
    }

    /** Frame {@code i}: even frames 1280x720, odd ones 1920x1080. */
    public DeskFrame frame(int i) {
        Random rnd = new Random(mix(seed * 1_000_003L + i));
        int width = i % 2 == 0 ? 1280 : 1920;
        int height = i % 2 == 0 ? 720 : 1080;
        SizeClass size = sizeClassOf(i);
        boolean twoCodes = i % 7 == 3 && size != SizeClass.LARGE;
        DeskPage p = twoCodes ? pageWithForeign : page;

        double fillModulePx = 0.92 * height / (p.symbolModules() + 4);
        double min = size.minModulePx;
        double max = Math.min(size.maxModulePx, fillModulePx);
        double module = min + (max - min) * rnd.nextDouble();
        double tilt = Math.toRadians(30 * rnd.nextDouble());
        double tiltAxis = 2 * Math.PI * rnd.nextDouble();
        double rotation = 2 * Math.PI * rnd.nextDouble();
        double focal = width / (2 * Math.tan(Math.toRadians(65) / 2));

        // lighting and optics, drawn before placement so they stay the same if the placement shrinks
        double shade = 0.45 + 0.45 * rnd.nextDouble();
        double shadeDirection = 2 * Math.PI * rnd.nextDouble();
        boolean lowContrast = rnd.nextDouble() < 0.3;
        double white = lowContrast ? 150 + 35 * rnd.nextDouble() : 200 + 40 * rnd.nextDouble();
        double black = lowContrast ? 90 + 30 * rnd.nextDouble() : 25 + 30 * rnd.nextDouble();
        boolean glare = rnd.nextDouble() < 0.25;
        double glareStrength = 60 + 80 * rnd.nextDouble();
        double glareRadius = 0.15 + 0.2 * rnd.nextDouble();
        double glareDx = rnd.nextDouble() - 0.5;
        double glareDy = rnd.nextDouble() - 0.5;
        boolean defocused = rnd.nextDouble() < 0.5;
        double blur = Math.min(3.0, Math.max(0.4, module * (defocused ? 0.1 + 0.25 * rnd.nextDouble() : 0.1 + 0.1 * rnd.nextDouble())));
        boolean moving = rnd.nextDouble() < 0.35;
        double motion = moving ? module * (0.3 + 0.9 * rnd.nextDouble()) : 0;
        double motionAngle = Math.PI * rnd.nextDouble();
        double noise = 2 + 5 * rnd.nextDouble();
        int quality = 55 + rnd.nextInt(36);
        double tintG = 0.95 + 0.05 * rnd.nextDouble();
        double tintB = 0.85 + 0.1 * rnd.nextDouble();
        double placeX = rnd.nextDouble();
        double placeY = rnd.nextDouble();

        double[] h = null;
        for (int attempt = 0; attempt < 40 && h == null; attempt++) {
            h = placement(p, width, height, module, tilt, tiltAxis, rotation, focal, placeX, placeY);
            if (h == null) {
                module *= 0.95;
            }
        }
        if (h == null) {
            throw new IllegalStateException("frame " + i + ": the code does not fit the frame");
        }
        float[] scene = project(p, h, width, height, module / p.modulePx());
        light(scene, width, height, black, white, shade, shadeDirection);
        if (glare) {
            double[] c = apply(h, p.codeCenterX(), p.codeCenterY());
            double r = glareRadius * module * p.symbolModules();
            glare(scene, width, height, c[0] + glareDx * module * p.symbolModules(),
                    c[1] + glareDy * module * p.symbolModules(), r, glareStrength);
        }
        scene = gaussianBlur(scene, width, height, blur);
        if (moving) {
            scene = motionBlur(scene, width, height, motion, motionAngle);
        }
        BufferedImage frame = toColour(scene, width, height, noise, tintG, tintB, rnd);
        BufferedImage jpeg = jpeg(frame, quality);
        String conditions = String.format(Locale.ROOT, "%dx%d %s %.2fpx/module (narrowest %.2f) tilt %.0f rot %.0f blur %.2f"
                        + " motion %.1f shade %.2f%s%s noise %.1f q%d%s", width, height, size, module, narrowestModule(p, h),
                Math.toDegrees(tilt),
                Math.toDegrees(rotation), blur, motion, shade, lowContrast ? " low-contrast" : "", glare ? " glare" : "",
                noise, quality, twoCodes ? " +foreign" : "");
        return new DeskFrame(i, jpeg, p.text(), twoCodes ? p.foreignText() : null, size, module, conditions);
    }

    /**
     * The narrowest a module of the system's code comes out in the frame, in pixels: the shorter of
     * a module's two projected sides at the symbol's four corners, where tilt (foreshortening) and
     * perspective shrink modules most. {@code modulePx} is measured at the code's centre before
     * tilt, so a tilted small code has narrower modules than its size class says.
     */
    private static double narrowestModule(DeskPage p, double[] h) {
        double half = p.symbolModules() * p.modulePx() / 2;
        double narrowest = Double.MAX_VALUE;
        for (int corner = 0; corner < 4; corner++) {
            double x = p.codeCenterX() + (corner % 2 == 0 ? -half : half);
            double y = p.codeCenterY() + (corner < 2 ? -half : half);
            double w = h[6] * x + h[7] * y + h[8];
            double fx = (h[0] * x + h[1] * y + h[2]) / w;
            double fy = (h[3] * x + h[4] * y + h[5]) / w;
            // columns of the Jacobian of the projection, times one module
            double ax = (h[0] - fx * h[6]) / w * p.modulePx();
            double ay = (h[3] - fy * h[6]) / w * p.modulePx();
            double bx = (h[1] - fx * h[7]) / w * p.modulePx();
            double by = (h[4] - fy * h[7]) / w * p.modulePx();
            narrowest = Math.min(narrowest, Math.min(Math.hypot(ax, ay), Math.hypot(bx, by)));
        }
        return narrowest;
    }

    /**
     * The homography from page level-0 pixels to frame pixels, or null when the code (and the
     * foreign code, if any) would not fit inside the frame with a margin.
     */
    private static double[] placement(DeskPage p, int width, int height, double module, double tilt, double tiltAxis,
                                      double rotation, double focal, double placeX, double placeY) {
        double s = module / p.modulePx();
        // page pixels -> plane coordinates (code centre at the origin, rotated, scaled to frame pixels at the centre)
        double cos = Math.cos(rotation);
        double sin = Math.sin(rotation);
        double[] a = {
            s * cos, -s * sin, -s * (cos * p.codeCenterX() - sin * p.codeCenterY()),
            s * sin, s * cos, -s * (sin * p.codeCenterX() + cos * p.codeCenterY()),
            0, 0, 1};
        // tilt: rotation by `tilt` about the in-plane axis at angle `tiltAxis` (Rodrigues)
        double ux = Math.cos(tiltAxis);
        double uy = Math.sin(tiltAxis);
        double c = Math.cos(tilt);
        double si = Math.sin(tilt);
        double[][] r = {
            {c + ux * ux * (1 - c), ux * uy * (1 - c), uy * si},
            {uy * ux * (1 - c), c + uy * uy * (1 - c), -ux * si},
            {-uy * si, ux * si, c}};
        // camera: [f 0 0; 0 f 0; 0 0 1] * [r0 r1 (0,0,f)], principal point added by the shift below
        double[] k = {
            focal * r[0][0], focal * r[0][1], 0,
            focal * r[1][0], focal * r[1][1], 0,
            r[2][0], r[2][1], focal};
        double[] h = multiply(k, a);
        // extent of what must be in view, projected with the code centre at (0, 0)
        double half = (p.symbolModules() + 4) * p.modulePx() / 2;
        double minX = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        double[][] centres = p.hasForeignCode()
                ? new double[][] {{p.codeCenterX(), p.codeCenterY(), half}, {p.foreignCenterX(), p.foreignCenterY(), p.foreignSidePx() / 2 + 2 * p.modulePx()}}
                : new double[][] {{p.codeCenterX(), p.codeCenterY(), half}};
        for (double[] centre : centres) {
            for (int corner = 0; corner < 4; corner++) {
                double[] q = apply(h, centre[0] + (corner % 2 == 0 ? -centre[2] : centre[2]),
                        centre[1] + (corner < 2 ? -centre[2] : centre[2]));
                if (Double.isNaN(q[0])) {
                    return null;
                }
                minX = Math.min(minX, q[0]);
                maxX = Math.max(maxX, q[0]);
                minY = Math.min(minY, q[1]);
                maxY = Math.max(maxY, q[1]);
            }
        }
        double margin = 4;
        double loX = margin - minX;
        double hiX = width - margin - maxX;
        double loY = margin - minY;
        double hiY = height - margin - maxY;
        if (loX > hiX || loY > hiY) {
            return null;
        }
        double tx = loX + (hiX - loX) * placeX;
        double ty = loY + (hiY - loY) * placeY;
        double[] shift = {1, 0, tx, 0, 1, ty, 0, 0, 1};
        return multiply(shift, h);
    }

    /** Renders the page through the homography; outside the page a darker desk shows. */
    private static float[] project(DeskPage p, double[] h, int width, int height, double scale) {
        double[] inv = invert(h);
        int level = 0;
        while (level + 1 < p.levels().length && scale * (1 << (level + 1)) <= 1.0) {
            level++;
        }
        LumaImage img = p.levels()[level];
        double factor = 1.0 / (1 << level);
        boolean supersample = scale * (1 << level) < 0.75;
        float[] out = new float[width * height];
        double[] offsets = supersample ? new double[] {-0.25, 0.25} : new double[] {0};
        int n = offsets.length * offsets.length;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double sum = 0;
                for (double oy : offsets) {
                    for (double ox : offsets) {
                        double fx = x + 0.5 + ox;
                        double fy = y + 0.5 + oy;
                        double w = inv[6] * fx + inv[7] * fy + inv[8];
                        double u = (inv[0] * fx + inv[1] * fy + inv[2]) / w * factor - 0.5;
                        double v = (inv[3] * fx + inv[4] * fy + inv[5]) / w * factor - 0.5;
                        sum += sample(img, u, v);
                    }
                }
                out[y * width + x] = (float) (sum / n / 255.0);
            }
        }
        return out;
    }

    /** Reflectance 0..1 at (u, v), bilinear; the desk (reflectance 0.3) outside the page. */
    private static double sample(LumaImage img, double u, double v) {
        if (u < 0 || v < 0 || u > img.width() - 1 || v > img.height() - 1) {
            return 0.3 * 255;
        }
        int x0 = (int) u;
        int y0 = (int) v;
        int x1 = Math.min(img.width() - 1, x0 + 1);
        int y1 = Math.min(img.height() - 1, y0 + 1);
        double fx = u - x0;
        double fy = v - y0;
        double top = img.at(x0, y0) * (1 - fx) + img.at(x1, y0) * fx;
        double bottom = img.at(x0, y1) * (1 - fx) + img.at(x1, y1) * fx;
        return top * (1 - fy) + bottom * fy;
    }

    /** Turns reflectance into grey levels under a light falling off across the frame, with vignetting. */
    private static void light(float[] scene, int width, int height, double black, double white, double shade,
                              double direction) {
        double dx = Math.cos(direction);
        double dy = Math.sin(direction);
        double extent = Math.abs(dx) * width + Math.abs(dy) * height;
        double cx = width / 2.0;
        double cy = height / 2.0;
        double rMax = cx * cx + cy * cy;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double t = ((x - cx) * dx + (y - cy) * dy) / extent + 0.5;
                double light = 1 - (1 - shade) * t;
                double vignette = 1 - 0.25 * ((x - cx) * (x - cx) + (y - cy) * (y - cy)) / rMax;
                int i = y * width + x;
                scene[i] = (float) ((black + (white - black) * scene[i]) * light * vignette);
            }
        }
    }

    private static void glare(float[] scene, int width, int height, double gx, double gy, double radius, double strength) {
        double twoSigma2 = 2 * radius * radius;
        int x0 = (int) Math.max(0, gx - 3 * radius);
        int x1 = (int) Math.min(width - 1, gx + 3 * radius);
        int y0 = (int) Math.max(0, gy - 3 * radius);
        int y1 = (int) Math.min(height - 1, gy + 3 * radius);
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                double d2 = (x - gx) * (x - gx) + (y - gy) * (y - gy);
                scene[y * width + x] += (float) (strength * Math.exp(-d2 / twoSigma2));
            }
        }
    }

    /** Separable Gaussian blur (defocus). */
    static float[] gaussianBlur(float[] in, int width, int height, double sigma) {
        int radius = (int) Math.ceil(3 * sigma);
        float[] kernel = new float[2 * radius + 1];
        float sum = 0;
        for (int k = -radius; k <= radius; k++) {
            kernel[k + radius] = (float) Math.exp(-k * k / (2 * sigma * sigma));
            sum += kernel[k + radius];
        }
        for (int k = 0; k < kernel.length; k++) {
            kernel[k] /= sum;
        }
        float[] tmp = new float[in.length];
        for (int y = 0; y < height; y++) {
            int row = y * width;
            for (int x = 0; x < width; x++) {
                float acc = 0;
                for (int k = -radius; k <= radius; k++) {
                    int xx = Math.min(width - 1, Math.max(0, x + k));
                    acc += kernel[k + radius] * in[row + xx];
                }
                tmp[row + x] = acc;
            }
        }
        float[] out = new float[in.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                float acc = 0;
                for (int k = -radius; k <= radius; k++) {
                    int yy = Math.min(height - 1, Math.max(0, y + k));
                    acc += kernel[k + radius] * tmp[yy * width + x];
                }
                out[y * width + x] = acc;
            }
        }
        return out;
    }

    /** Motion blur: the mean along a line of {@code length} pixels at {@code angle}. */
    private static float[] motionBlur(float[] in, int width, int height, double length, double angle) {
        int steps = Math.max(2, (int) Math.ceil(length) + 1);
        float[] out = new float[in.length];
        double dx = Math.cos(angle) * length;
        double dy = Math.sin(angle) * length;
        for (int s = 0; s < steps; s++) {
            double t = (double) s / (steps - 1) - 0.5;
            double ox = dx * t;
            double oy = dy * t;
            int ix = (int) Math.floor(ox);
            int iy = (int) Math.floor(oy);
            float fx = (float) (ox - ix);
            float fy = (float) (oy - iy);
            for (int y = 0; y < height; y++) {
                int y0 = Math.min(height - 1, Math.max(0, y + iy));
                int y1 = Math.min(height - 1, Math.max(0, y + iy + 1));
                for (int x = 0; x < width; x++) {
                    int x0 = Math.min(width - 1, Math.max(0, x + ix));
                    int x1 = Math.min(width - 1, Math.max(0, x + ix + 1));
                    float top = in[y0 * width + x0] * (1 - fx) + in[y0 * width + x1] * fx;
                    float bottom = in[y1 * width + x0] * (1 - fx) + in[y1 * width + x1] * fx;
                    out[y * width + x] += (top * (1 - fy) + bottom * fy) / steps;
                }
            }
        }
        return out;
    }

    /** Adds sensor noise and a warm colour cast, clipping at the sensor's range. */
    private static BufferedImage toColour(float[] scene, int width, int height, double noise, double tintG, double tintB,
                                          Random rnd) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        byte[] data = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < scene.length; i++) {
            double v = scene[i] + noise * rnd.nextGaussian();
            data[3 * i] = clip(v * tintB + noise * 0.5 * rnd.nextGaussian());
            data[3 * i + 1] = clip(v * tintG);
            data[3 * i + 2] = clip(v);
        }
        return image;
    }

    private static byte clip(double v) {
        return (byte) Math.max(0, Math.min(255, (int) Math.round(v)));
    }

    /** Compresses and decodes as JPEG at {@code quality} percent, as a webcam's MJPEG stream does. */
    static BufferedImage jpeg(BufferedImage image, int quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality / 100f);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException("JPEG compression in memory failed", e);
        } finally {
            writer.dispose();
        }
        try {
            return ImageIO.read(new ByteArrayInputStream(bytes.toByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException("JPEG decoding in memory failed", e);
        }
    }

    /**
     * Scrambles a seed (SplitMix64's finaliser): {@link Random}'s first values for neighbouring
     * seeds are nearly equal, which would give every frame almost the same first draw.
     */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private static double[] multiply(double[] m, double[] n) {
        double[] out = new double[9];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                out[r * 3 + c] = m[r * 3] * n[c] + m[r * 3 + 1] * n[3 + c] + m[r * 3 + 2] * n[6 + c];
            }
        }
        return out;
    }

    private static double[] apply(double[] h, double x, double y) {
        double w = h[6] * x + h[7] * y + h[8];
        if (w <= 1e-9) {
            return new double[] {Double.NaN, Double.NaN};
        }
        return new double[] {(h[0] * x + h[1] * y + h[2]) / w, (h[3] * x + h[4] * y + h[5]) / w};
    }

    private static double[] invert(double[] m) {
        double a = m[0], b = m[1], c = m[2], d = m[3], e = m[4], f = m[5], g = m[6], hh = m[7], i = m[8];
        double det = a * (e * i - f * hh) - b * (d * i - f * g) + c * (d * hh - e * g);
        if (Math.abs(det) < 1e-12) {
            throw new IllegalStateException("degenerate placement");
        }
        return new double[] {
            (e * i - f * hh) / det, (c * hh - b * i) / det, (b * f - c * e) / det,
            (f * g - d * i) / det, (a * i - c * g) / det, (c * d - a * f) / det,
            (d * hh - e * g) / det, (b * g - a * hh) / det, (a * e - b * d) / det};
    }
}
