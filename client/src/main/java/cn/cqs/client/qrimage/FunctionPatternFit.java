package cn.cqs.client.qrimage;

import com.google.zxing.qrcode.decoder.Version;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Sharpens where a located QR code's grid lies (功能图形拟合): a detector's corners of a small or
 * blurred code are often one or two modules off, enough for every module sampled from them to be
 * read from the wrong place. But part of every code is known before it is read: the three finder
 * patterns with their light separators, the two timing patterns, the alignment patterns, the dark
 * module and, from version 7, the version information. This class moves the four corners (the
 * whole quadrilateral, then each corner alone, in steps from a module down to a sixteenth of one)
 * while that improves the correlation between those known modules and the image there, and returns
 * the corners where the known modules fit best; {@link RectifiedGrid} then samples the data modules
 * from them. The coarse steps compare module means rather than centres, which widens the range of
 * corners the fit recovers from to about a module; all four rotations are tried, since corners that
 * far off do not tell which one lacks a finder pattern.
 *
 * <p>Costs 5 to 15 ms for a version 12 code; used only on codes a detector located and could not read.
 */
final class FunctionPatternFit {

    /** Step sizes tried, in modules, coarse to fine. */
    private static final double[] STEPS = {1.0, 0.5, 0.25, 0.125, 0.0625};
    /** The first this many step sizes sample module means ({@link #COARSE_SPREAD}), the rest module centres. */
    private static final int COARSE_STEPS = 2;
    /** Modules between the points averaged for a module's value in the coarse steps. */
    private static final double COARSE_SPREAD = 0.3;
    /** Rounds of moves per step size at most (each round tries every move once). */
    private static final int MAX_ROUNDS = 6;
    /** The generator polynomial of the version information's BCH (18, 6) code. */
    private static final int VERSION_GENERATOR = 0x1F25;

    private FunctionPatternFit() {
    }

    /**
     * A refined quadrilateral.
     *
     * @param xs    corners' x (top left, top right, bottom right, bottom left of the symbol, in
     *              that order: the first, second and fourth hold finder patterns)
     * @param ys    corners' y
     * @param score correlation between the known modules and the image there, -1 to 1
     */
    record Fit(double[] xs, double[] ys, double score) {
    }

    /**
     * The corners of the version {@code version} code near the given ones (in any of the four
     * rotations; the fit finds out which corner holds no finder pattern) where its function
     * patterns fit {@code image} best, or null for a version out of range or degenerate corners.
     */
    static Fit refine(LumaImage image, double[] xs, double[] ys, int version) {
        if (version < 1 || version > 40 || xs.length != 4 || ys.length != 4) {
            return null;
        }
        int n = 17 + 4 * version;
        Template template = Template.of(version);
        // which corner is the one without a finder pattern: each rotation fitted with the coarsest
        // step, the two best with the next, the best of those finely (with corners far off, the wrong
        // rotation can fit best before any move)
        List<Fit> rotations = new ArrayList<>(4);
        for (int turn = 0; turn < 4; turn++) {
            double[] rx = new double[4];
            double[] ry = new double[4];
            for (int k = 0; k < 4; k++) {
                rx[k] = xs[(k + turn) % 4];
                ry[k] = ys[(k + turn) % 4];
            }
            double score = template.score(image, rx, ry, n, COARSE_SPREAD);
            if (!Double.isNaN(score)) {
                rotations.add(climb(template, image, new Fit(rx, ry, score), n, 0, 1));
            }
        }
        rotations.sort(Comparator.comparingDouble(Fit::score).reversed());
        Fit best = null;
        for (Fit rotation : rotations.subList(0, Math.min(2, rotations.size()))) {
            Fit coarse = climb(template, image, rotation, n, 1, COARSE_STEPS);
            if (best == null || coarse.score() > best.score()) {
                best = coarse;
            }
        }
        return best == null ? null : climb(template, image, best, n, COARSE_STEPS, STEPS.length);
    }

    /**
     * Hill climbing from {@code start} with the step sizes {@code STEPS[from]} to {@code STEPS[to - 1]}:
     * the whole quadrilateral along x and y, then each corner's x and y, while the fit improves.
     */
    private static Fit climb(Template template, LumaImage image, Fit start, int n, int from, int to) {
        double module = Math.hypot(start.xs()[1] - start.xs()[0], start.ys()[1] - start.ys()[0]) / n;
        double[] x = start.xs().clone();
        double[] y = start.ys().clone();
        double score = start.score();
        for (int level = from; level < to; level++) {
            double d = STEPS[level] * module;
            double spread = level < COARSE_STEPS ? COARSE_SPREAD : 0;
            if (level == COARSE_STEPS) {
                // the scores so far were of spread samples
                score = template.score(image, x, y, n);
            }
            for (int round = 0; round < MAX_ROUNDS; round++) {
                boolean moved = false;
                for (int move = 0; move < 10; move++) {
                    for (int sign = -1; sign <= 1; sign += 2) {
                        double[] cx = x.clone();
                        double[] cy = y.clone();
                        if (move < 2) {
                            for (int k = 0; k < 4; k++) {
                                if (move == 0) {
                                    cx[k] += sign * d;
                                } else {
                                    cy[k] += sign * d;
                                }
                            }
                        } else {
                            int corner = (move - 2) / 2;
                            if ((move & 1) == 0) {
                                cx[corner] += sign * d;
                            } else {
                                cy[corner] += sign * d;
                            }
                        }
                        double s = template.score(image, cx, cy, n, spread);
                        if (s > score) {
                            score = s;
                            x = cx;
                            y = cy;
                            moved = true;
                        }
                    }
                }
                if (!moved) {
                    break;
                }
            }
        }
        return new Fit(x, y, score);
    }

    /** The modules of a version's function patterns whose colour is known: column, row, dark. */
    private record Template(int[] cols, int[] rows, boolean[] dark) {

        static Template of(int version) {
            int n = 17 + 4 * version;
            byte[] known = new byte[n * n]; // 0 unknown, 1 light, 2 dark
            for (int[] finder : new int[][] {{0, 0}, {n - 7, 0}, {0, n - 7}}) {
                // the finder pattern and its one-module light separator
                for (int dy = -1; dy <= 7; dy++) {
                    for (int dx = -1; dx <= 7; dx++) {
                        int c = finder[0] + dx;
                        int r = finder[1] + dy;
                        if (c < 0 || r < 0 || c >= n || r >= n) {
                            continue;
                        }
                        boolean ring = dx >= 0 && dx <= 6 && dy >= 0 && dy <= 6 && (dx == 0 || dx == 6 || dy == 0 || dy == 6);
                        boolean centre = dx >= 2 && dx <= 4 && dy >= 2 && dy <= 4;
                        known[r * n + c] = (byte) (ring || centre ? 2 : 1);
                    }
                }
            }
            for (int i = 8; i < n - 8; i++) {
                known[6 * n + i] = (byte) (i % 2 == 0 ? 2 : 1);
                known[i * n + 6] = (byte) (i % 2 == 0 ? 2 : 1);
            }
            int[] centres = alignmentCentres(version);
            for (int cy : centres) {
                for (int cx : centres) {
                    boolean nearFinder = (cx < 9 && cy < 9) || (cx > n - 10 && cy < 9) || (cx < 9 && cy > n - 10);
                    if (nearFinder) {
                        continue;
                    }
                    for (int dy = -2; dy <= 2; dy++) {
                        for (int dx = -2; dx <= 2; dx++) {
                            boolean dark = Math.max(Math.abs(dx), Math.abs(dy)) != 1;
                            known[(cy + dy) * n + cx + dx] = (byte) (dark ? 2 : 1);
                        }
                    }
                }
            }
            known[(n - 8) * n + 8] = 2;
            if (version >= 7) {
                int info = versionInformation(version);
                for (int k = 0; k < 18; k++) {
                    byte bit = (byte) (((info >> k) & 1) == 1 ? 2 : 1);
                    known[(k / 3) * n + n - 11 + k % 3] = bit;
                    known[(n - 11 + k % 3) * n + k / 3] = bit;
                }
            }
            int count = 0;
            for (byte b : known) {
                count += b != 0 ? 1 : 0;
            }
            int[] cols = new int[count];
            int[] rows = new int[count];
            boolean[] dark = new boolean[count];
            int i = 0;
            for (int r = 0; r < n; r++) {
                for (int c = 0; c < n; c++) {
                    if (known[r * n + c] != 0) {
                        cols[i] = c;
                        rows[i] = r;
                        dark[i] = known[r * n + c] == 2;
                        i++;
                    }
                }
            }
            return new Template(cols, rows, dark);
        }

        /**
         * Correlation between darkness (255 minus the luminance at each known module's centre) and
         * the module being dark, for the symbol of {@code n} modules with these corners; NaN when
         * the corners are degenerate or the image is flat there.
         */
        double score(LumaImage image, double[] xs, double[] ys, int n) {
            return score(image, xs, ys, n, 0);
        }

        /**
         * As {@link #score(LumaImage, double[], double[], int)}, each module's value the mean of its
         * centre and four points {@code spread} modules off diagonally (0: the centre only). A spread sample
         * is the module's mean rather than its centre, which smooths the fit's landscape for the
         * coarse steps: a corner a module off still sees part of the pattern move the right way.
         */
        double score(LumaImage image, double[] xs, double[] ys, int n, double spread) {
            double[] h = RectifiedGrid.squareToQuad(n, xs, ys);
            if (h == null) {
                return Double.NaN;
            }
            double sum = 0;
            double squares = 0;
            double darkSum = 0;
            int darkCount = 0;
            for (int i = 0; i < cols.length; i++) {
                double value;
                if (spread == 0) {
                    value = 255 - at(image, h, cols[i] + 0.5, rows[i] + 0.5);
                } else {
                    double u = cols[i] + 0.5;
                    double v = rows[i] + 0.5;
                    double acc = at(image, h, u, v) + at(image, h, u - spread, v - spread) + at(image, h, u + spread, v - spread)
                            + at(image, h, u - spread, v + spread) + at(image, h, u + spread, v + spread);
                    value = 255 - acc / 5;
                }
                sum += value;
                squares += value * value;
                if (dark[i]) {
                    darkSum += value;
                    darkCount++;
                }
            }
            int m = cols.length;
            double mean = sum / m;
            double variance = squares / m - mean * mean;
            double p = (double) darkCount / m;
            if (!(variance > 1e-9) || p <= 0 || p >= 1) {
                return Double.NaN;
            }
            // Pearson correlation of the values with the 0/1 template
            double covariance = darkSum / m - mean * p;
            return covariance / Math.sqrt(variance * p * (1 - p));
        }

        private static double at(LumaImage image, double[] h, double u, double v) {
            double w = h[6] * u + h[7] * v + 1;
            return RectifiedGrid.bilinear(image, (h[0] * u + h[1] * v + h[2]) / w, (h[3] * u + h[4] * v + h[5]) / w);
        }
    }

    /** The version's alignment pattern centres, one coordinate each way (ZXing's table). */
    private static int[] alignmentCentres(int version) {
        return Version.getVersionForNumber(version).getAlignmentPatternCenters();
    }

    /** The 18-bit version information of a version of 7 or more: the version and its BCH remainder. */
    static int versionInformation(int version) {
        int remainder = version << 12;
        for (int bit = 17; bit >= 12; bit--) {
            if (((remainder >> bit) & 1) == 1) {
                remainder ^= VERSION_GENERATOR << (bit - 12);
            }
        }
        return (version << 12) | remainder;
    }
}
