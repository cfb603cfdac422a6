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
 * areas), and ZXing's decoder reads the grid in each of the four orientations. Helps small,
 * blurred codes under uneven light, where one threshold per code fails.
 */
final class RectifiedGrid {

    /** Modules each side of a module whose mean is its threshold. */
    private static final int NEIGHBOURHOOD = 3;

    private RectifiedGrid() {
    }

    /**
     * The text of the code with {@code modules} modules per side whose corners (top left, top
     * right, bottom right, bottom left, in any one rotation) are {@code xs}, {@code ys} in
     * {@code image}, or null when it does not decode.
     */
    static String read(LumaImage image, double[] xs, double[] ys, int modules, Map<DecodeHintType, ?> hints) {
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
        BitMatrix bits = new BitMatrix(modules);
        for (int row = 0; row < modules; row++) {
            for (int col = 0; col < modules; col++) {
                double mean = 0;
                int n = 0;
                for (int r = Math.max(0, row - NEIGHBOURHOOD); r <= Math.min(modules - 1, row + NEIGHBOURHOOD); r++) {
                    for (int c = Math.max(0, col - NEIGHBOURHOOD); c <= Math.min(modules - 1, col + NEIGHBOURHOOD); c++) {
                        mean += value[r * modules + c];
                        n++;
                    }
                }
                if (value[row * modules + col] < mean / n) {
                    bits.set(col, row);
                }
            }
        }
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

    private static double bilinear(LumaImage image, double x, double y) {
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
