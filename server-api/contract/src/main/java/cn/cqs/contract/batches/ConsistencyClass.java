package cn.cqs.contract.batches;

import java.util.Arrays;
import java.util.Optional;

/**
 * The consistency classes of fresh concrete (拌合物稠度等级), GB/T 14902-2012: slump classes
 * (坍落度等级) S1–S5 and spread classes (扩展度等级) F1–F6, in mm. A {@link ConcreteMarking} writes
 * the target value with its class, {@code 180(S4)}; the value must lie in the class. The bounds are
 * inclusive; values between two classes (e.g. a 45 mm slump) belong to none.
 */
public enum ConsistencyClass {
    S1(Measure.SLUMP, 10, 40),
    S2(Measure.SLUMP, 50, 90),
    S3(Measure.SLUMP, 100, 150),
    S4(Measure.SLUMP, 160, 210),
    S5(Measure.SLUMP, 220, null),
    F1(Measure.SPREAD, null, 340),
    F2(Measure.SPREAD, 350, 410),
    F3(Measure.SPREAD, 420, 480),
    F4(Measure.SPREAD, 490, 550),
    F5(Measure.SPREAD, 560, 620),
    F6(Measure.SPREAD, 630, null);

    /** What a class measures. */
    public enum Measure {
        /** 坍落度, mm. */
        SLUMP,
        /** 扩展度 (spread diameter), mm. */
        SPREAD
    }

    private final Measure measure;
    private final Integer minMm;
    private final Integer maxMm;

    ConsistencyClass(Measure measure, Integer minMm, Integer maxMm) {
        this.measure = measure;
        this.minMm = minMm;
        this.maxMm = maxMm;
    }

    public Measure measure() {
        return measure;
    }

    /** The lowest value of the class in mm, or null when open below (F1: ≤ 340). */
    public Integer minMm() {
        return minMm;
    }

    /** The highest value of the class in mm, or null when open above (S5: ≥ 220, F6: ≥ 630). */
    public Integer maxMm() {
        return maxMm;
    }

    /** Whether {@code valueMm} lies in this class (bounds inclusive). */
    public boolean contains(int valueMm) {
        return (minMm == null || valueMm >= minMm) && (maxMm == null || valueMm <= maxMm);
    }

    /** The range as text, e.g. {@code 160–210 mm}, {@code ≥ 220 mm}, {@code ≤ 340 mm}. */
    public String range() {
        if (minMm == null) {
            return "≤ " + maxMm + " mm";
        }
        if (maxMm == null) {
            return "≥ " + minMm + " mm";
        }
        return minMm + "–" + maxMm + " mm";
    }

    /** The class of the given measure that contains {@code valueMm}, if any. */
    public static Optional<ConsistencyClass> classify(Measure measure, int valueMm) {
        return Arrays.stream(values()).filter(c -> c.measure == measure && c.contains(valueMm)).findFirst();
    }
}
