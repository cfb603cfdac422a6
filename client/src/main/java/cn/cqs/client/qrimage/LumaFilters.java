package cn.cqs.client.qrimage;

import java.util.Arrays;

/**
 * The cheap image corrections the verify desk retries a frame with when a plain pass finds
 * nothing: halving a frame, doubling a small code, local contrast normalisation (like CLAHE, 自适应
 * 直方图均衡), sharpening against defocus and motion blur. Each makes a new image in one or two
 * integer passes over the pixels (a few milliseconds for a 1280x720 frame); none changes its input.
 */
final class LumaFilters {

    /** Local normalisation: tiles along the shorter edge. */
    private static final int TILES_SHORT_SIDE = 8;
    /** A neighbourhood whose dark and bright levels differ by less than this is treated as flat. */
    private static final int MIN_LOCAL_RANGE = 12;

    private LumaFilters() {
    }

    /** Half the width and height, each pixel the mean of a 2 x 2 block. */
    static LumaImage halve(LumaImage in) {
        int w = in.width() / 2;
        int h = in.height() / 2;
        if (w < 1 || h < 1) {
            return in;
        }
        byte[] src = in.pixels();
        int sw = in.width();
        byte[] out = new byte[w * h];
        for (int y = 0; y < h; y++) {
            int r0 = 2 * y * sw;
            int r1 = r0 + sw;
            int o = y * w;
            for (int x = 0, sx = 0; x < w; x++, sx += 2) {
                int sum = (src[r0 + sx] & 0xFF) + (src[r0 + sx + 1] & 0xFF) + (src[r1 + sx] & 0xFF) + (src[r1 + sx + 1] & 0xFF);
                out[o + x] = (byte) ((sum + 2) >> 2);
            }
        }
        return new LumaImage(w, h, out);
    }

    /** Twice the width and height, bilinear: gives ZXing's finder more than one pixel per module. */
    static LumaImage doubled(LumaImage in) {
        int sw = in.width();
        int sh = in.height();
        int w = sw * 2;
        byte[] src = in.pixels();
        byte[] out = new byte[w * sh * 2];
        int[] previous = new int[w];
        int[] current = new int[w];
        int[] next = new int[w];
        widenRow(src, 0, sw, current);
        System.arraycopy(current, 0, previous, 0, w);
        for (int y = 0; y < sh; y++) {
            widenRow(src, Math.min(sh - 1, y + 1) * sw, sw, next);
            // output row 2y lies a quarter pixel above source row y, row 2y + 1 a quarter below
            int r0 = 2 * y * w;
            int r1 = r0 + w;
            for (int x = 0; x < w; x++) {
                int c = 3 * current[x];
                out[r0 + x] = (byte) ((c + previous[x] + 8) >> 4);
                out[r1 + x] = (byte) ((c + next[x] + 8) >> 4);
            }
            int[] recycled = previous;
            previous = current;
            current = next;
            next = recycled;
        }
        return new LumaImage(w, sh * 2, out);
    }

    /** One source row doubled horizontally, values times 4 (weights 3/4 and 1/4). */
    private static void widenRow(byte[] src, int rowStart, int sw, int[] out) {
        for (int x = 0; x < sw; x++) {
            int c = 3 * (src[rowStart + x] & 0xFF);
            int left = src[rowStart + Math.max(0, x - 1)] & 0xFF;
            int right = src[rowStart + Math.min(sw - 1, x + 1)] & 0xFF;
            out[2 * x] = c + left;
            out[2 * x + 1] = c + right;
        }
    }

    /** The part of {@code in} from ({@code x}, {@code y}), {@code w} x {@code h} pixels, which must lie inside it. */
    static LumaImage crop(LumaImage in, int x, int y, int w, int h) {
        if (x < 0 || y < 0 || w < 1 || h < 1 || x + w > in.width() || y + h > in.height()) {
            throw new IllegalArgumentException("crop: " + w + " x " + h + " at (" + x + ", " + y + ") does not lie inside "
                    + in.width() + " x " + in.height());
        }
        byte[] src = in.pixels();
        byte[] out = new byte[w * h];
        for (int row = 0; row < h; row++) {
            System.arraycopy(src, (y + row) * in.width() + x, out, row * w, w);
        }
        return new LumaImage(w, h, out);
    }

    /**
     * {@code factor} times the width and height with bicubic (Catmull-Rom) interpolation: a code
     * whose modules are two pixels wide comes out with six-pixel modules whose edges lie where the
     * camera saw them, so a binarizer no longer merges neighbouring modules.
     */
    static LumaImage enlarged(LumaImage in, int factor) {
        if (factor < 1 || factor > 8) {
            throw new IllegalArgumentException("factor: must be 1 to 8, got " + factor);
        }
        if (factor == 1) {
            return in;
        }
        int sw = in.width();
        int sh = in.height();
        int w = sw * factor;
        int h = sh * factor;
        // the source pixels and weights (in 1/1024) of each output column, the same for rows
        int[][] weights = cubicWeights(factor);
        byte[] src = in.pixels();
        int[] wide = new int[w * sh];
        for (int y = 0; y < sh; y++) {
            int row = y * sw;
            int out = y * w;
            for (int x = 0; x < w; x++) {
                int phase = x % factor;
                int base = x / factor + phaseBase(phase, factor);
                int[] k = weights[phase];
                int acc = 0;
                for (int t = 0; t < 4; t++) {
                    int sx = Math.min(sw - 1, Math.max(0, base + t));
                    acc += k[t] * (src[row + sx] & 0xFF);
                }
                wide[out + x] = acc;
            }
        }
        byte[] out = new byte[w * h];
        for (int y = 0; y < h; y++) {
            int phase = y % factor;
            int base = y / factor + phaseBase(phase, factor);
            int[] k = weights[phase];
            int r0 = Math.min(sh - 1, Math.max(0, base)) * w;
            int r1 = Math.min(sh - 1, Math.max(0, base + 1)) * w;
            int r2 = Math.min(sh - 1, Math.max(0, base + 2)) * w;
            int r3 = Math.min(sh - 1, Math.max(0, base + 3)) * w;
            int o = y * w;
            for (int x = 0; x < w; x++) {
                long acc = (long) k[0] * wide[r0 + x] + (long) k[1] * wide[r1 + x] + (long) k[2] * wide[r2 + x]
                        + (long) k[3] * wide[r3 + x];
                int v = (int) ((acc + (1L << 19)) >> 20);
                out[o + x] = (byte) (v < 0 ? 0 : v > 255 ? 255 : v);
            }
        }
        return new LumaImage(w, h, out);
    }

    /**
     * Output pixel {@code phase} of each group of {@code factor} lies at source position
     * {@code (phase + 0.5) / factor - 0.5} from the group's source pixel; the four taps start at the
     * pixel before the one left of that position.
     */
    private static int phaseBase(int phase, int factor) {
        double u = (phase + 0.5) / factor - 0.5;
        return (int) Math.floor(u) - 1;
    }

    private static int[][] cubicWeights(int factor) {
        int[][] weights = new int[factor][4];
        for (int phase = 0; phase < factor; phase++) {
            double u = (phase + 0.5) / factor - 0.5;
            double f = u - Math.floor(u);
            double[] k = {catmullRom(1 + f), catmullRom(f), catmullRom(1 - f), catmullRom(2 - f)};
            int sum = 0;
            for (int t = 0; t < 3; t++) {
                weights[phase][t] = (int) Math.round(k[t] * 1024);
                sum += weights[phase][t];
            }
            weights[phase][3] = 1024 - sum;
        }
        return weights;
    }

    /** The Catmull-Rom cubic (a = -0.5) at distance {@code d} from a sample. */
    private static double catmullRom(double d) {
        double x = Math.abs(d);
        if (x < 1) {
            return 1.5 * x * x * x - 2.5 * x * x + 1;
        }
        if (x < 2) {
            return -0.5 * x * x * x + 2.5 * x * x - 4 * x + 2;
        }
        return 0;
    }

    /**
     * Local contrast normalisation: the image is cut into tiles, each tile's dark and bright levels
     * (2nd and 98th percentile, widened over the neighbouring tiles) are interpolated between tile
     * centres, and every pixel is stretched between its local levels. Undoes uneven lighting, glare
     * fall-off and low contrast in one pass, like CLAHE without its histogram redistribution.
     */
    static LumaImage normaliseLocally(LumaImage in) {
        int w = in.width();
        int h = in.height();
        int tile = Math.max(8, Math.min(w, h) / TILES_SHORT_SIDE);
        int tx = (w + tile - 1) / tile;
        int ty = (h + tile - 1) / tile;
        byte[] src = in.pixels();
        int[] lo = new int[tx * ty];
        int[] hi = new int[tx * ty];
        tileLevels(src, w, h, tile, tx, ty, lo, hi);
        int[] lo3 = new int[lo.length];
        int[] hi3 = new int[hi.length];
        widenLevels(tx, ty, lo, hi, lo3, hi3);

        // per column: the two tile columns and the weight of the right one, in 1/256
        int[] col0 = new int[w];
        int[] col1 = new int[w];
        int[] colWeight = new int[w];
        for (int x = 0; x < w; x++) {
            float gx = (x + 0.5f) / tile - 0.5f;
            int i0 = Math.max(0, Math.min(tx - 1, (int) Math.floor(gx)));
            col0[x] = i0;
            col1[x] = Math.min(tx - 1, i0 + 1);
            colWeight[x] = Math.round(256 * Math.max(0f, Math.min(1f, gx - i0)));
        }
        int[] rowLo = new int[tx];
        int[] rowHi = new int[tx];
        byte[] out = new byte[w * h];
        for (int y = 0; y < h; y++) {
            float gy = (y + 0.5f) / tile - 0.5f;
            int j0 = Math.max(0, Math.min(ty - 1, (int) Math.floor(gy)));
            int j1 = Math.min(ty - 1, j0 + 1);
            int wy = Math.round(256 * Math.max(0f, Math.min(1f, gy - j0)));
            for (int i = 0; i < tx; i++) {
                rowLo[i] = lo3[j0 * tx + i] * (256 - wy) + lo3[j1 * tx + i] * wy;
                rowHi[i] = hi3[j0 * tx + i] * (256 - wy) + hi3[j1 * tx + i] * wy;
            }
            int row = y * w;
            for (int x = 0; x < w; x++) {
                int wx = colWeight[x];
                // levels in 1/65536
                long l = (long) rowLo[col0[x]] * (256 - wx) + (long) rowLo[col1[x]] * wx;
                long u = (long) rowHi[col0[x]] * (256 - wx) + (long) rowHi[col1[x]] * wx;
                long range = Math.max(MIN_LOCAL_RANGE << 16, u - l);
                long v = (((long) (src[row + x] & 0xFF) << 16) - l) * 255 / range;
                out[row + x] = (byte) (v < 0 ? 0 : v > 255 ? 255 : v);
            }
        }
        return new LumaImage(w, h, out);
    }

    /** The 2nd and 98th percentile of every tile. */
    private static void tileLevels(byte[] src, int w, int h, int tile, int tx, int ty, int[] lo, int[] hi) {
        int[] histogram = new int[256];
        for (int j = 0; j < ty; j++) {
            for (int i = 0; i < tx; i++) {
                Arrays.fill(histogram, 0);
                int x0 = i * tile;
                int y0 = j * tile;
                int x1 = Math.min(w, x0 + tile);
                int y1 = Math.min(h, y0 + tile);
                for (int y = y0; y < y1; y++) {
                    int row = y * w;
                    for (int x = x0; x < x1; x++) {
                        histogram[src[row + x] & 0xFF]++;
                    }
                }
                int count = (x1 - x0) * (y1 - y0);
                lo[j * tx + i] = percentile(histogram, count / 50);
                hi[j * tx + i] = percentile(histogram, count - 1 - count / 50);
            }
        }
    }

    /** Each tile's range widened over its 3 x 3 neighbourhood, so a code crossing tiles keeps one scale. */
    private static void widenLevels(int tx, int ty, int[] lo, int[] hi, int[] lo3, int[] hi3) {
        for (int j = 0; j < ty; j++) {
            for (int i = 0; i < tx; i++) {
                int l = 255;
                int u = 0;
                for (int jj = Math.max(0, j - 1); jj <= Math.min(ty - 1, j + 1); jj++) {
                    for (int ii = Math.max(0, i - 1); ii <= Math.min(tx - 1, i + 1); ii++) {
                        l = Math.min(l, lo[jj * tx + ii]);
                        u = Math.max(u, hi[jj * tx + ii]);
                    }
                }
                if (u - l < MIN_LOCAL_RANGE) {
                    l = Math.max(0, Math.min(255 - MIN_LOCAL_RANGE, (u + l) / 2 - MIN_LOCAL_RANGE / 2));
                    u = l + MIN_LOCAL_RANGE;
                }
                lo3[j * tx + i] = l;
                hi3[j * tx + i] = u;
            }
        }
    }

    /**
     * Unsharp masking: each pixel pushed away from the mean of its 3 x 3 neighbourhood by 1.5 times
     * the difference, which restores module edges softened by defocus or motion.
     */
    static LumaImage sharpened(LumaImage in) {
        int w = in.width();
        int h = in.height();
        byte[] src = in.pixels();
        byte[] out = new byte[w * h];
        // horizontal 3-sums of the rows above, at and below y
        int[] above = new int[w];
        int[] here = new int[w];
        int[] below = new int[w];
        rowSums(src, 0, w, here);
        System.arraycopy(here, 0, above, 0, w);
        for (int y = 0; y < h; y++) {
            rowSums(src, Math.min(h - 1, y + 1) * w, w, below);
            int row = y * w;
            for (int x = 0; x < w; x++) {
                int p = src[row + x] & 0xFF;
                int sum = above[x] + here[x] + below[x];
                // p + 1.5 * (p - sum / 9)
                int v = p + ((9 * p - sum) * 3) / 18;
                out[row + x] = (byte) (v < 0 ? 0 : v > 255 ? 255 : v);
            }
            int[] recycled = above;
            above = here;
            here = below;
            below = recycled;
        }
        return new LumaImage(w, h, out);
    }

    private static void rowSums(byte[] src, int rowStart, int w, int[] out) {
        for (int x = 0; x < w; x++) {
            out[x] = (src[rowStart + Math.max(0, x - 1)] & 0xFF) + (src[rowStart + x] & 0xFF)
                    + (src[rowStart + Math.min(w - 1, x + 1)] & 0xFF);
        }
    }

    private static int percentile(int[] histogram, int rank) {
        int seen = 0;
        for (int v = 0; v < 256; v++) {
            seen += histogram[v];
            if (seen > rank) {
                return v;
            }
        }
        return 255;
    }
}
