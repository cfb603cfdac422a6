package cn.cqs.client.qrimage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds where a QR code may be without finding its finder patterns (纹理候选区域): a code is a
 * compact, square patch of fine black-and-white texture, which stays visible when a small, blurred,
 * low-contrast code's finder patterns no longer binarize. The frame is halved (which halves the
 * sensor noise), cut into 4 x 4 cells, and a cell is busy when its contrast (standard deviation)
 * stands out from the frame's flat paper and desk; 4-connected busy cells form patches, and the
 * patches about as wide as high and mostly filled are proposed, busiest first. About a millisecond
 * for a 1280x720 frame.
 */
final class TextureRegions {

    /** Cell side on the halved frame (8 frame pixels). */
    private static final int CELL = 4;
    /** Cell side on the halved frame for large codes (32 frame pixels). */
    private static final int LARGE_CELL = 16;
    /**
     * Share of the busiest cells' deviation a large cell needs: higher than for fine cells, since at
     * 32 pixels the page's ruled lines and text are about half as busy as a code and would otherwise
     * join it into one sprawling patch.
     */
    private static final double LARGE_SHARE_OF_BUSIEST = 0.5;
    /** Share of the frame a large patch may cover: a code filling the frame's height, tilted, covers more than half. */
    private static final double LARGE_MAX_FRAME_SHARE = 0.75;
    /** A busy cell's standard deviation is at least this many grey levels ... */
    private static final double MIN_STD = 5;
    /** ... and at least this share of the frame's busiest cells' (its 99th percentile). */
    private static final double SHARE_OF_BUSIEST = 0.3;
    /** A patch spans at least this many cells each way (a version 1 code at 2 px per module is 6 cells). */
    private static final int MIN_CELLS_ACROSS = 6;
    /** A patch's longer side is at most this many times its shorter (a square seen tilted by up to 60 degrees). */
    private static final double MAX_ASPECT = 2.2;
    /** Share of its bounding box a patch must fill (a square turned by 45 degrees fills half). */
    private static final double MIN_FILL = 0.4;
    /** Share of the frame's area a patch may cover at most (beyond it, it is a page of text, not a code). */
    private static final double MAX_FRAME_SHARE = 0.5;

    /**
     * How a texture patch ranks among candidates ({@link CodeRegion#evidence()}): below codes whose
     * bits (3) or format (2) a detector read, above finder patterns whose version failed (0), which
     * are mostly three look-alike squares from text and tables.
     */
    static final int EVIDENCE = 1;

    private TextureRegions() {
    }

    /** Up to {@code max} candidate boxes in {@code frame}'s pixels, busiest first. */
    static List<CodeRegion> find(LumaImage frame, int max) {
        return patches(frame, max).stream().map(Patch::region).toList();
    }

    /**
     * A patch of code-like texture.
     *
     * @param region    its box, in frame pixels
     * @param busyness  its cells' mean standard deviation times the share of its box they fill
     */
    record Patch(CodeRegion region, double busyness) {
    }

    /** Up to {@code max} patches, busiest first. */
    static List<Patch> patches(LumaImage frame, int max) {
        return patches(frame, max, CELL, SHARE_OF_BUSIEST, MAX_FRAME_SHARE);
    }

    /**
     * Up to {@code max} patches of at least {@link #MIN_CELLS_ACROSS} cells of {@link #LARGE_CELL}
     * (32 frame pixels), busiest first: large codes smeared by motion, whose fine cells (inside one
     * blurred module) look as flat as paper.
     */
    static List<Patch> largePatches(LumaImage frame, int max) {
        return patches(frame, max, LARGE_CELL, LARGE_SHARE_OF_BUSIEST, LARGE_MAX_FRAME_SHARE);
    }

    private static List<Patch> patches(LumaImage frame, int max, int cell, double shareOfBusiest, double maxFrameShare) {
        LumaImage half = LumaFilters.halve(frame);
        int cw = half.width() / cell;
        int ch = half.height() / cell;
        List<Patch> regions = new ArrayList<>();
        if (cw < MIN_CELLS_ACROSS || ch < MIN_CELLS_ACROSS) {
            return regions;
        }
        double[] std = cellDeviations(half, cw, ch, cell);
        double[] sorted = std.clone();
        Arrays.sort(sorted);
        double threshold = Math.max(MIN_STD, shareOfBusiest * sorted[(int) (0.99 * (sorted.length - 1))]);
        boolean[] busy = new boolean[std.length];
        for (int i = 0; i < std.length; i++) {
            busy[i] = std[i] >= threshold;
        }
        int[] label = new int[std.length];
        Arrays.fill(label, -1);
        int[] stack = new int[std.length];
        List<double[]> patches = new ArrayList<>();
        for (int start = 0; start < std.length; start++) {
            if (!busy[start] || label[start] >= 0) {
                continue;
            }
            int minX = cw;
            int minY = ch;
            int maxX = -1;
            int maxY = -1;
            int count = 0;
            double sum = 0;
            int top = 0;
            stack[top++] = start;
            label[start] = start;
            while (top > 0) {
                int c = stack[--top];
                int x = c % cw;
                int y = c / cw;
                minX = Math.min(minX, x);
                maxX = Math.max(maxX, x);
                minY = Math.min(minY, y);
                maxY = Math.max(maxY, y);
                count++;
                sum += std[c];
                int[] neighbours = {x > 0 ? c - 1 : -1, x < cw - 1 ? c + 1 : -1, y > 0 ? c - cw : -1, y < ch - 1 ? c + cw : -1};
                for (int n : neighbours) {
                    if (n >= 0 && busy[n] && label[n] < 0) {
                        label[n] = start;
                        stack[top++] = n;
                    }
                }
            }
            int w = maxX - minX + 1;
            int h = maxY - minY + 1;
            double fill = (double) count / (w * h);
            if (Math.min(w, h) >= MIN_CELLS_ACROSS && Math.max(w, h) <= MAX_ASPECT * Math.min(w, h) && fill >= MIN_FILL
                    && (double) w * h <= maxFrameShare * cw * ch) {
                patches.add(new double[] {minX, minY, maxX + 1, maxY + 1, fill * sum / count});
            }
        }
        patches.sort((a, b) -> Double.compare(b[4], a[4]));
        double scale = 2.0 * cell;
        for (double[] p : patches.subList(0, Math.min(max, patches.size()))) {
            regions.add(new Patch(new CodeRegion(p[0] * scale, p[1] * scale, p[2] * scale, p[3] * scale, Double.NaN, EVIDENCE), p[4]));
        }
        return regions;
    }

    /** Standard deviation of each cell of the halved frame. */
    private static double[] cellDeviations(LumaImage half, int cw, int ch, int cell) {
        byte[] px = half.pixels();
        int w = half.width();
        double[] std = new double[cw * ch];
        int n = cell * cell;
        for (int cy = 0; cy < ch; cy++) {
            for (int cx = 0; cx < cw; cx++) {
                long sum = 0;
                long squares = 0;
                for (int y = cy * cell; y < cy * cell + cell; y++) {
                    int row = y * w;
                    for (int x = cx * cell; x < cx * cell + cell; x++) {
                        int v = px[row + x] & 0xFF;
                        sum += v;
                        squares += v * v;
                    }
                }
                double mean = (double) sum / n;
                std[cy * cw + cx] = Math.sqrt(Math.max(0, (double) squares / n - mean * mean));
            }
        }
        return std;
    }
}
