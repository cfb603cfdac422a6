package cn.cqs.client.qrimage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the desk's pipeline has learnt about one frame so far: the codes read and where they are,
 * and the places where a detector located a code it could not read ({@link CodeRegion}s still to
 * be cropped, enlarged and tried again). One per frame, used by one thread.
 */
final class FrameReads {

    /** A candidate that covers this much of a read code (or of a tried candidate) is the same code. */
    private static final double SAME_CODE_OVERLAP = 0.5;

    private final Map<String, DecodedQr> found = new LinkedHashMap<>();
    private final Map<String, QrOutline> outlines = new LinkedHashMap<>();
    private final List<CodeRegion> read = new ArrayList<>();
    private final List<CodeRegion> unread = new ArrayList<>();
    private final List<CodeRegion> tried = new ArrayList<>();

    /**
     * Records a read code; {@code where} (its box) and {@code outline} (its corners, for the live
     * preview) may be null when the reader gives no location. The first sighting of a text decides
     * its pass and outline.
     */
    void add(String text, DecodePass pass, CodeRegion where, QrOutline outline) {
        if (text == null || text.isEmpty()) {
            return;
        }
        found.putIfAbsent(text, new DecodedQr(text, pass));
        if (where != null) {
            read.add(where);
        }
        if (outline != null && outline.text().equals(text)) {
            outlines.putIfAbsent(text, outline);
        }
    }

    /** The outlines of the codes read whose position is known. */
    List<QrOutline> outlines() {
        return List.copyOf(outlines.values());
    }

    /** Records a located code that could not be read. */
    void propose(CodeRegion candidate) {
        unread.add(candidate);
    }

    boolean isEmpty() {
        return found.isEmpty();
    }

    int count() {
        return found.size();
    }

    List<DecodedQr> codes() {
        return List.copyOf(found.values());
    }

    /**
     * The located codes not read and not tried yet, strongest evidence first (smaller boxes first
     * among equals: a box spanning two codes is the least likely to be one), at most {@code max},
     * none covering another, none with less than {@code minEvidence}.
     */
    List<CodeRegion> untried(int max, int minEvidence) {
        List<CodeRegion> sorted = new ArrayList<>();
        for (CodeRegion candidate : unread) {
            if (candidate.evidence() >= minEvidence) {
                sorted.add(candidate);
            }
        }
        sorted.sort(Comparator.comparingInt(CodeRegion::evidence).reversed().thenComparingDouble(CodeRegion::area));
        List<CodeRegion> chosen = new ArrayList<>();
        for (CodeRegion candidate : sorted) {
            if (chosen.size() >= max) {
                break;
            }
            if (!covers(read, candidate) && !triedAround(candidate) && !covers(chosen, candidate)) {
                chosen.add(candidate);
            }
        }
        return chosen;
    }

    /** Whether {@code box} is (mostly) a code already read. */
    boolean isRead(CodeRegion box) {
        return covers(read, box);
    }

    /** Whether {@code box} is (mostly) a candidate already tried. */
    boolean wasTried(CodeRegion box) {
        return triedAround(box);
    }

    /**
     * Whether most of {@code box} lies inside a candidate already tried. Not the other way round: a
     * small patch of texture tried inside a big code (a finder pattern, a dense corner of it) says
     * nothing about the code around it, whose crop still has to be read.
     */
    private boolean triedAround(CodeRegion box) {
        for (CodeRegion done : tried) {
            if (box.shareInside(done) >= SAME_CODE_OVERLAP) {
                return true;
            }
        }
        return false;
    }

    void markTried(CodeRegion candidate) {
        tried.add(candidate);
    }

    private static boolean covers(List<CodeRegion> boxes, CodeRegion candidate) {
        for (CodeRegion box : boxes) {
            if (box.overlap(candidate) >= SAME_CODE_OVERLAP) {
                return true;
            }
        }
        return false;
    }
}
