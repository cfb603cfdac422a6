package cn.cqs.contract.batches;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * The strength class in a {@link ConcreteMarking} (强度等级): {@code C10} to {@code C100} in steps
 * of 5 for normal-weight concrete (GB/T 14902-2012), or {@code LC5.0}, {@code LC7.5}, {@code LC10}
 * to {@code LC60} in steps of 5 for lightweight-aggregate concrete (轻骨料混凝土, JGJ 51). The number
 * is the characteristic cube strength fcu,k (立方体抗压强度标准值) in MPa, the value GB/T 50107
 * evaluates against.
 *
 * @param lightweight true for an {@code LC} class
 * @param fcuK        fcu,k in MPa
 */
public record MarkingStrength(boolean lightweight, BigDecimal fcuK) implements Comparable<MarkingStrength> {
    /** The LC classes below LC10, written with one decimal as JGJ 51 writes them. */
    private static final List<BigDecimal> LOW_LC = List.of(new BigDecimal("5.0"), new BigDecimal("7.5"));
    private static final BigDecimal STEP = new BigDecimal("5");
    private static final BigDecimal TEN = new BigDecimal("10");
    private static final BigDecimal C100 = new BigDecimal("100");
    private static final BigDecimal LC60 = new BigDecimal("60");
    private static final BigDecimal C20 = new BigDecimal("20");
    private static final BigDecimal C60 = new BigDecimal("60");

    public MarkingStrength {
        Objects.requireNonNull(fcuK, "fcuK");
        if (!isAllowed(lightweight, fcuK)) {
            throw new IllegalArgumentException("No strength class " + (lightweight ? "LC" : "C")
                    + fcuK.stripTrailingZeros().toPlainString() + "; " + allowedText(lightweight));
        }
        fcuK = canonical(fcuK);
    }

    /** A normal-weight class, e.g. {@code normal(30)} for C30. */
    public static MarkingStrength normal(int fcuK) {
        return new MarkingStrength(false, BigDecimal.valueOf(fcuK));
    }

    /** The class as written in a marking: {@code C30}, {@code LC7.5}, {@code LC5.0}. */
    public String code() {
        return (lightweight ? "LC" : "C") + fcuK.toPlainString();
    }

    /** C20 and below (≤C20): GB/T 50107's 0.85 fcu,k minimum instead of 0.90. */
    public boolean atMostC20() {
        return fcuK.compareTo(C20) <= 0;
    }

    /** C60 and above (≥C60): high-strength, λ3 = 1.10 in GB/T 50107's non-statistical method. */
    public boolean atLeastC60() {
        return fcuK.compareTo(C60) >= 0;
    }

    @Override
    public int compareTo(MarkingStrength other) {
        return fcuK.compareTo(other.fcuK);
    }

    @Override
    public String toString() {
        return code();
    }

    static boolean isAllowed(boolean lightweight, BigDecimal fcuK) {
        if (lightweight) {
            if (LOW_LC.stream().anyMatch(v -> v.compareTo(fcuK) == 0)) {
                return true;
            }
            return fcuK.compareTo(TEN) >= 0 && fcuK.compareTo(LC60) <= 0 && fcuK.remainder(STEP).signum() == 0;
        }
        return fcuK.compareTo(TEN) >= 0 && fcuK.compareTo(C100) <= 0 && fcuK.remainder(STEP).signum() == 0;
    }

    static String allowedText(boolean lightweight) {
        return lightweight ? "lightweight classes are LC5.0, LC7.5 and LC10 to LC60 in steps of 5"
                : "strength classes are C10 to C100 in steps of 5";
    }

    private static BigDecimal canonical(BigDecimal value) {
        if (value.compareTo(TEN) < 0) {
            return value.setScale(1);
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
