package cn.cqs.client.qrimage;

/**
 * Undoing linear motion blur (运动模糊复原) on a small crop around a code the desk located but could
 * not read. The blur's direction and length are estimated from the crop itself: a code's edges run
 * both ways, so the direction in which the crop's gradients are weakest is the one the camera moved
 * along; along it, the derivative of a box-blurred edge is a box of the blur's length, so the
 * derivative's autocorrelation falls to its lowest at that length (the shifted boxes of neighbouring
 * edges cancel). The crop is then deconvolved with that line spread function by a few
 * Richardson–Lucy iterations, which keep values positive and stop before noise takes over.
 *
 * <p>Costs a few milliseconds on a crop of a few hundred pixels a side; meant for crops only, never
 * whole frames.
 */
final class MotionDeblur {

    /** Blur shorter than this (pixels) is left to sharpening. */
    static final double MIN_LENGTH_PX = 1.5;
    /** Longest blur looked for, pixels. */
    static final int MAX_LENGTH_PX = 14;
    /** Directions tried, over half a turn. */
    private static final int DIRECTIONS = 36;
    /** How far beyond the blur's length the autocorrelation's dip lies, pixels. */
    private static final double LAG_BIAS_PX = 0.8;
    /** Richardson–Lucy iterations. */
    private static final int ITERATIONS = 12;
    /** Gradients are weaker along the blur by at least this factor before a blur is assumed. */
    private static final double MIN_ANISOTROPY = 1.25;

    private MotionDeblur() {
    }

    /** A linear motion blur: the camera moved {@code lengthPx} pixels at {@code angle} radians (0 = along x). */
    record Blur(double angle, double lengthPx) {
    }

    /** The crop's dominant motion blur, or null when the crop shows none worth undoing. */
    static Blur estimate(LumaImage crop) {
        int w = crop.width();
        int h = crop.height();
        if (w < 16 || h < 16) {
            return null;
        }
        float[] f = toFloat(crop);
        // gradient energy along each direction: E(θ) = Σ (cosθ gx + sinθ gy)²
        double sxx = 0;
        double syy = 0;
        double sxy = 0;
        for (int y = 1; y < h - 1; y++) {
            for (int x = 1; x < w - 1; x++) {
                int i = y * w + x;
                double gx = (f[i + 1] - f[i - 1]) * 0.5;
                double gy = (f[i + w] - f[i - w]) * 0.5;
                sxx += gx * gx;
                syy += gy * gy;
                sxy += gx * gy;
            }
        }
        double best = Double.MAX_VALUE;
        double worst = 0;
        double angle = 0;
        for (int d = 0; d < DIRECTIONS; d++) {
            double t = Math.PI * d / DIRECTIONS;
            double c = Math.cos(t);
            double s = Math.sin(t);
            double e = c * c * sxx + 2 * c * s * sxy + s * s * syy;
            if (e < best) {
                best = e;
                angle = t;
            }
            worst = Math.max(worst, e);
        }
        if (!(best > 0) || worst / best < MIN_ANISOTROPY) {
            return null;
        }
        double length = lengthAlong(f, w, h, angle);
        return length >= MIN_LENGTH_PX ? new Blur(angle, length) : null;
    }

    /**
     * The lag at which the autocorrelation of the derivative along {@code angle} is lowest (refined to
     * a fraction of a pixel by a parabola through its neighbours); 0 when there is no clear minimum.
     */
    private static double lengthAlong(float[] f, int w, int h, double angle) {
        double c = Math.cos(angle);
        double s = Math.sin(angle);
        int margin = MAX_LENGTH_PX + 2;
        if (w <= 2 * margin + 4 || h <= 2 * margin + 4) {
            return 0;
        }
        // derivative along the direction, at every pixel away from the border
        float[] d = new float[w * h];
        for (int y = margin; y < h - margin; y++) {
            for (int x = margin; x < w - margin; x++) {
                d[y * w + x] = (float) (bilinear(f, w, x + 0.5 * c, y + 0.5 * s) - bilinear(f, w, x - 0.5 * c, y - 0.5 * s));
            }
        }
        double[] r = new double[MAX_LENGTH_PX + 2];
        int inner = MAX_LENGTH_PX / 2 + 1;
        for (int lag = 0; lag < r.length; lag++) {
            double dx = c * lag;
            double dy = s * lag;
            double acc = 0;
            for (int y = margin + inner; y < h - margin - inner; y++) {
                for (int x = margin + inner; x < w - margin - inner; x++) {
                    double shifted = bilinear(d, w, x + dx, y + dy);
                    acc += d[y * w + x] * shifted;
                }
            }
            r[lag] = acc;
        }
        if (!(r[0] > 0)) {
            return 0;
        }
        int min = 1;
        for (int lag = 2; lag <= MAX_LENGTH_PX; lag++) {
            if (r[lag] < r[min]) {
                min = lag;
            }
        }
        // a real blur's derivative boxes cancel clearly; a shallow dip is texture, not blur
        if (r[min] > -0.05 * r[0]) {
            return 0;
        }
        double a = r[min - 1];
        double b = r[min];
        double e = r[min + 1];
        double denominator = a - 2 * b + e;
        double offset = denominator > 0 ? 0.5 * (a - e) / denominator : 0;
        // the half-pixel derivative and the bilinear shift widen each edge's box by about a pixel:
        // the dip lies that much beyond the blur's length (measured on codes blurred by known lengths)
        return min + Math.max(-0.5, Math.min(0.5, offset)) - LAG_BIAS_PX;
    }

    /** The crop deconvolved with a line spread function of the blur's length and direction. */
    static LumaImage deblurred(LumaImage crop, Blur blur) {
        int w = crop.width();
        int h = crop.height();
        float[] observed = toFloat(crop);
        for (int i = 0; i < observed.length; i++) {
            observed[i] += 1f;
        }
        Psf psf = Psf.line(blur);
        float[] estimate = observed.clone();
        float[] blurred = new float[observed.length];
        float[] ratio = new float[observed.length];
        float[] correction = new float[observed.length];
        for (int it = 0; it < ITERATIONS; it++) {
            psf.apply(estimate, w, h, blurred);
            for (int i = 0; i < ratio.length; i++) {
                ratio[i] = observed[i] / Math.max(1e-3f, blurred[i]);
            }
            // the adjoint of a symmetric line is the line itself
            psf.apply(ratio, w, h, correction);
            for (int i = 0; i < estimate.length; i++) {
                estimate[i] *= correction[i];
            }
        }
        byte[] out = new byte[w * h];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Math.max(0, Math.min(255, Math.round(estimate[i] - 1f)));
        }
        return new LumaImage(w, h, out);
    }

    /** A line spread function sampled at whole-pixel offsets with bilinear weights. */
    private record Psf(int[] dx, int[] dy, float[] weight) {

        static Psf line(Blur blur) {
            int steps = Math.max(2, (int) Math.ceil(blur.lengthPx()) + 1);
            double lx = Math.cos(blur.angle()) * blur.lengthPx();
            double ly = Math.sin(blur.angle()) * blur.lengthPx();
            java.util.Map<Long, Double> taps = new java.util.LinkedHashMap<>();
            for (int s = 0; s < steps; s++) {
                double t = (double) s / (steps - 1) - 0.5;
                double ox = lx * t;
                double oy = ly * t;
                int ix = (int) Math.floor(ox);
                int iy = (int) Math.floor(oy);
                double fx = ox - ix;
                double fy = oy - iy;
                double[] ws = {(1 - fx) * (1 - fy), fx * (1 - fy), (1 - fx) * fy, fx * fy};
                for (int k = 0; k < 4; k++) {
                    if (ws[k] > 1e-6) {
                        long key = ((long) (ix + (k & 1)) << 32) | ((iy + (k >> 1)) & 0xFFFFFFFFL);
                        taps.merge(key, ws[k] / steps, Double::sum);
                    }
                }
            }
            int[] dx = new int[taps.size()];
            int[] dy = new int[taps.size()];
            float[] weight = new float[taps.size()];
            int n = 0;
            for (java.util.Map.Entry<Long, Double> tap : taps.entrySet()) {
                dx[n] = (int) (tap.getKey() >> 32);
                dy[n] = (int) (long) tap.getKey();
                weight[n] = tap.getValue().floatValue();
                n++;
            }
            return new Psf(dx, dy, weight);
        }

        /** out = in convolved with this function (borders clamped). */
        void apply(float[] in, int w, int h, float[] out) {
            java.util.Arrays.fill(out, 0f);
            for (int k = 0; k < weight.length; k++) {
                float wk = weight[k];
                if (wk == 0f) {
                    continue;
                }
                int ox = dx[k];
                int oy = dy[k];
                for (int y = 0; y < h; y++) {
                    int row = Math.min(h - 1, Math.max(0, y + oy)) * w;
                    int o = y * w;
                    for (int x = 0; x < w; x++) {
                        out[o + x] += wk * in[row + Math.min(w - 1, Math.max(0, x + ox))];
                    }
                }
            }
        }
    }

    private static float[] toFloat(LumaImage image) {
        byte[] p = image.pixels();
        float[] f = new float[p.length];
        for (int i = 0; i < p.length; i++) {
            f[i] = p[i] & 0xFF;
        }
        return f;
    }

    private static double bilinear(float[] f, int w, double x, double y) {
        int ix = (int) Math.floor(x);
        int iy = (int) Math.floor(y);
        double fx = x - ix;
        double fy = y - iy;
        int i = iy * w + ix;
        return (f[i] * (1 - fx) + f[i + 1] * fx) * (1 - fy) + (f[i + w] * (1 - fx) + f[i + w + 1] * fx) * fy;
    }
}
