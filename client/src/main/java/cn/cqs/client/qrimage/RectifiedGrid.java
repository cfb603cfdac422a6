package cn.cqs.client.qrimage;

import com.google.zxing.ChecksumException;
import com.google.zxing.DecodeHintType;
import com.google.zxing.FormatException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.decoder.Decoder;
import java.util.Map;

/**
 * Reads a QR code whose outline and version a detector found but whose bits it got wrong (模块网格
 * 校正): the symbol is rectified with the homography from its four corners, every module is
 * sampled as the mean of nine points around its centre, each module is called dark or light
 * against the mean of the modules around it (so glare or shade across the code does not flip whole
 * areas), and ZXing's decoder reads the grid in each of the four orientations; when that fails,
 * the modules are called again with the crosstalk from their neighbours taken out (see
 * {@link Calling}). Helps small, blurred codes under uneven light, where one threshold per code
 * fails.
 */
final class RectifiedGrid {

    /**
     * The ways modules are called, in order: against the mean of the 7 x 7 modules around; then,
     * for codes blurred across about a module, with the neighbours' crosstalk taken out first,
     * against the 11 x 11 and the 7 x 7 around.
     */
    private static final Calling[] CALLINGS = {new Calling(0, 3), new Calling(1.0, 5), new Calling(1.0, 3)};
    /**
     * A fit of the function patterns below this correlation is no code (or not where the corners
     * say): its grid is not sampled.
     */
    private static final double MIN_FIT_SCORE = 0.25;

    private RectifiedGrid() {
    }

    /**
     * The text of the version {@code version} code with these corners (as for
     * {@link #read(LumaImage, double[], double[], int, Map)}), read as located and, when that fails,
     * from the corners where its function patterns fit the image best ({@link FunctionPatternFit}):
     * a detector's corners of a small or blurred code are often a module or two off. Null when
     * neither reads.
     */
    static String readRefined(LumaImage image, double[] xs, double[] ys, int version, Map<DecodeHintType, ?> hints) {
        int modules = 17 + 4 * version;
        String text = read(image, xs, ys, modules, hints);
        if (text != null) {
            return text;
        }
        FunctionPatternFit.Fit fit = FunctionPatternFit.refine(image, xs, ys, version);
        if (fit == null || !(fit.score() >= MIN_FIT_SCORE)) {
            return null;
        }
        return read(image, fit.xs(), fit.ys(), modules, hints);
    }

    /**
     * The text of the code with {@code modules} modules per side whose corners (top left, top
     * right, bottom right, bottom left, in any one rotation) are {@code xs}, {@code ys} in
     * {@code image}, or null when it does not decode.
     */
    static String read(LumaImage image, double[] xs, double[] ys, int modules, Map<DecodeHintType, ?> hints) {
        return read(image, xs, ys, modules, hints, true);
    }

    /**
     * As {@link #read(LumaImage, double[], double[], int, Map)}; {@code crosstalk} false calls the
     * modules only against their neighbourhood's mean, never with the crosstalk taken out.
     */
    static String read(LumaImage image, double[] xs, double[] ys, int modules, Map<DecodeHintType, ?> hints, boolean crosstalk) {
        double[] h = squareToQuad(modules, xs, ys);
        if (h == null) {
            return null;
        }
        double[] value = new double[modules * modules];
        double[] offsets = {0.3, 0.5, 0.7};
        for (int row = 0; row < modules; row++) {
            for (int col = 0; col < modules; col++) {
                double sum = 0;
                for (double oy : offsets) {
                    for (double ox : offsets) {
                        double u = col + ox;
                        double v = row + oy;
                        double w = h[6] * u + h[7] * v + 1;
                        sum += bilinear(image, (h[0] * u + h[1] * v + h[2]) / w, (h[3] * u + h[4] * v + h[5]) / w);
                    }
                }
                value[row * modules + col] = sum / 9;
            }
        }
        for (Calling calling : CALLINGS) {
            if (calling.crosstalk() != 0 && !crosstalk) {
                continue;
            }
            String text = decode(calling.bits(value, modules), hints);
            if (text != null) {
                return text;
            }
        }
        return null;
    }

    /** ZXing's decoder on the grid in each of the four orientations; null when none reads. */
    private static String decode(BitMatrix bits, Map<DecodeHintType, ?> hints) {
        Decoder decoder = new Decoder();
        BitMatrix turned = bits;
        for (int turn = 0; turn < 4; turn++) {
            try {
                // a copy: the decoder unmasks and mirrors the matrix it is given while it tries
                return decoder.decode(turned.clone(), hints).getText();
            } catch (ChecksumException | FormatException e) {
                // not readable in this orientation: the grid is turned a quarter and tried again
                turned = turned.clone();
                turned.rotate90();
            }
        }
        return null;
    }

    /**
     * One way of calling the sampled modules dark or light.
     *
     * @param crosstalk    share of the difference to its four neighbours' mean added to each module
     *                     first (0: none). A blur of about a module spreads each module into its
     *                     neighbours, so a light module between dark ones reads dark; adding back
     *                     the difference undoes that spread on the module grid, a one-tap
     *                     deconvolution that works where the pixels are too few to deconvolve
     * @param neighbourhood modules each side of a module whose mean is its threshold
     */
    private record Calling(double crosstalk, int neighbourhood) {

        BitMatrix bits(double[] sampled, int modules) {
            double[] value = sampled;
            if (crosstalk != 0) {
                value = new double[sampled.length];
                for (int row = 0; row < modules; row++) {
                    for (int col = 0; col < modules; col++) {
                        double sum = 0;
                        int n = 0;
                        if (col > 0) {
                            sum += sampled[row * modules + col - 1];
                            n++;
                        }
                        if (col < modules - 1) {
                            sum += sampled[row * modules + col + 1];
                            n++;
                        }
                        if (row > 0) {
                            sum += sampled[(row - 1) * modules + col];
                            n++;
                        }
                        if (row < modules - 1) {
                            sum += sampled[(row + 1) * modules + col];
                            n++;
                        }
                        double v = sampled[row * modules + col];
                        value[row * modules + col] = v + crosstalk * (v - sum / n);
                    }
                }
            }
            // sums over the grid for the neighbourhood means
            int stride = modules + 1;
            double[] integral = new double[stride * stride];
            for (int row = 0; row < modules; row++) {
                double rowSum = 0;
                for (int col = 0; col < modules; col++) {
                    rowSum += value[row * modules + col];
                    integral[(row + 1) * stride + col + 1] = integral[row * stride + col + 1] + rowSum;
                }
            }
            BitMatrix bits = new BitMatrix(modules);
            for (int row = 0; row < modules; row++) {
                int r0 = Math.max(0, row - neighbourhood);
                int r1 = Math.min(modules, row + neighbourhood + 1);
                for (int col = 0; col < modules; col++) {
                    int c0 = Math.max(0, col - neighbourhood);
                    int c1 = Math.min(modules, col + neighbourhood + 1);
                    double sum = integral[r1 * stride + c1] - integral[r0 * stride + c1] - integral[r1 * stride + c0]
                            + integral[r0 * stride + c0];
                    if (value[row * modules + col] * (r1 - r0) * (c1 - c0) < sum) {
                        bits.set(col, row);
                    }
                }
            }
            return bits;
        }
    }

    /** The image at (x, y), pixel centres at half-integers, bilinear, clamped to the image. */
    static double bilinear(LumaImage image, double x, double y) {
        double px = Math.max(0, Math.min(image.width() - 1.001, x - 0.5));
        double py = Math.max(0, Math.min(image.height() - 1.001, y - 0.5));
        int x0 = (int) px;
        int y0 = (int) py;
        double fx = px - x0;
        double fy = py - y0;
        double top = image.at(x0, y0) * (1 - fx) + image.at(x0 + 1, y0) * fx;
        double bottom = image.at(x0, y0 + 1) * (1 - fx) + image.at(x0 + 1, y0 + 1) * fx;
        return top * (1 - fy) + bottom * fy;
    }

    /**
     * The homography (h0..h7, h8 = 1) taking the square (0,0), (n,0), (n,n), (0,n) to the four
     * corners, or null when they are degenerate.
     */
    static double[] squareToQuad(int n, double[] xs, double[] ys) {
        double[] us = {0, n, n, 0};
        double[] vs = {0, 0, n, n};
        double[][] a = new double[8][9];
        for (int i = 0; i < 4; i++) {
            double u = us[i];
            double v = vs[i];
            a[2 * i] = new double[] {u, v, 1, 0, 0, 0, -u * xs[i], -v * xs[i], xs[i]};
            a[2 * i + 1] = new double[] {0, 0, 0, u, v, 1, -u * ys[i], -v * ys[i], ys[i]};
        }
        for (int col = 0; col < 8; col++) {
            int pivot = col;
            for (int r = col + 1; r < 8; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
                    pivot = r;
                }
            }
            if (Math.abs(a[pivot][col]) < 1e-12) {
                return null;
            }
            double[] swap = a[col];
            a[col] = a[pivot];
            a[pivot] = swap;
            for (int r = 0; r < 8; r++) {
                if (r != col) {
                    double f = a[r][col] / a[col][col];
                    for (int c = col; c < 9; c++) {
                        a[r][c] -= f * a[col][c];
                    }
                }
            }
        }
        double[] h = new double[8];
        for (int i = 0; i < 8; i++) {
            h[i] = a[i][8] / a[i][i];
        }
        return h;
    }
}
