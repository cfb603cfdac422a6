package cn.cqs.contract.reports.cement;

import cn.cqs.contract.numbers.Gb8170;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Cement mortar strength (水泥胶砂强度), GB/T 17671-2021, 40 mm × 40 mm × 160 mm prisms, with the
 * arithmetic this project applies (docs/rules/cement.md):
 * <ul>
 *   <li>flexural Rf = 1.5 Ff L / b³ with L = 100 mm, b = 40 mm, i.e. Ff (kN) × 2.34375; compressive
 *       Rc = Fc / A with A = 1600 mm², i.e. Fc (kN) × 0.625; each to 0.1 MPa (GB/T 8170);</li>
 *   <li>the ±10 % test compares each rounded specimen value with the exact mean of the rounded
 *       values; "more than 10 %" is strict;</li>
 *   <li>flexural (three): none beyond → mean of three; one beyond → it is discarded and the other
 *       two averaged; two or more beyond → invalid (see the doc: the 2021 edition may instead take
 *       the remaining value);</li>
 *   <li>compressive (six): none beyond → mean of six; one beyond → it is discarded and the other
 *       five averaged, and if one of the five lies more than 10 % from their mean the group is
 *       invalid; two or more beyond → invalid;</li>
 *   <li>the group value is rounded to 0.1 MPa.</li>
 * </ul>
 */
public final class PrismStrengthRule {
    /** Flexural prisms per age. */
    public static final int FLEXURAL_SPECIMENS = 3;
    /** Compressive halves per age. */
    public static final int COMPRESSIVE_SPECIMENS = 6;
    /** A value more than this share from the mean is discarded. */
    public static final BigDecimal DEVIATION_SHARE = new BigDecimal("0.10");

    private static final BigDecimal FLEXURAL_FACTOR = new BigDecimal("2.34375");
    private static final BigDecimal COMPRESSIVE_FACTOR = new BigDecimal("0.625");

    private PrismStrengthRule() {
    }

    /** A prism's flexural strength in MPa to 0.1: Rf = 1.5 × Ff × 100 / 40³ (Ff in N) = Ff(kN) × 2.34375. */
    public static BigDecimal flexuralStrengthMpa(BigDecimal loadKn) {
        return Gb8170.round(loadKn.multiply(FLEXURAL_FACTOR), 1);
    }

    /** A half-prism's compressive strength in MPa to 0.1: Rc = Fc / 1600 mm² = Fc(kN) × 0.625. */
    public static BigDecimal compressiveStrengthMpa(BigDecimal loadKn) {
        return Gb8170.round(loadKn.multiply(COMPRESSIVE_FACTOR), 1);
    }

    /** Evaluates three flexural loads (kN). */
    public static PrismGroupResult flexural(List<BigDecimal> loadsKn) {
        List<BigDecimal> values = strengths(loadsKn, FLEXURAL_SPECIMENS, true);
        List<Integer> beyond = beyond(values, all(values));
        if (beyond.isEmpty()) {
            return new PrismGroupResult(values, GroupMethod.MEAN, null, meanRounded(values));
        }
        if (beyond.size() == 1) {
            List<BigDecimal> rest = without(values, beyond.get(0));
            return new PrismGroupResult(values, GroupMethod.ONE_DISCARDED, beyond.get(0), meanRounded(rest));
        }
        return new PrismGroupResult(values, GroupMethod.INVALID, null, null);
    }

    /** Evaluates six compressive loads (kN). */
    public static PrismGroupResult compressive(List<BigDecimal> loadsKn) {
        List<BigDecimal> values = strengths(loadsKn, COMPRESSIVE_SPECIMENS, false);
        List<Integer> beyond = beyond(values, all(values));
        if (beyond.isEmpty()) {
            return new PrismGroupResult(values, GroupMethod.MEAN, null, meanRounded(values));
        }
        if (beyond.size() == 1) {
            List<BigDecimal> rest = without(values, beyond.get(0));
            if (beyond(rest, all(rest)).isEmpty()) {
                return new PrismGroupResult(values, GroupMethod.ONE_DISCARDED, beyond.get(0), meanRounded(rest));
            }
        }
        return new PrismGroupResult(values, GroupMethod.INVALID, null, null);
    }

    private static List<Integer> all(List<BigDecimal> values) {
        List<Integer> indices = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            indices.add(i);
        }
        return indices;
    }

    /** The indices (of {@code considered}) whose value lies more than 10 % from the mean of those values. */
    private static List<Integer> beyond(List<BigDecimal> values, List<Integer> considered) {
        BigDecimal sum = considered.stream().map(values::get).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal n = BigDecimal.valueOf(considered.size());
        // |x − sum/n| > 0.10 × sum/n  ⇔  |n·x − sum| > 0.10 × sum: exact, no division
        BigDecimal limit = sum.multiply(DEVIATION_SHARE);
        return considered.stream().filter(i -> values.get(i).multiply(n).subtract(sum).abs().compareTo(limit) > 0)
                .toList();
    }

    private static List<BigDecimal> without(List<BigDecimal> values, int index) {
        List<BigDecimal> rest = new ArrayList<>(values);
        rest.remove(index);
        return rest;
    }

    private static BigDecimal meanRounded(List<BigDecimal> values) {
        BigDecimal sum = values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return Gb8170.divide(sum, BigDecimal.valueOf(values.size()), 1);
    }

    private static List<BigDecimal> strengths(List<BigDecimal> loadsKn, int count, boolean flexural) {
        Objects.requireNonNull(loadsKn, "loadsKn");
        if (loadsKn.size() != count) {
            throw new IllegalArgumentException("Expected " + count + " loads, got " + loadsKn.size());
        }
        return loadsKn.stream().map(f -> {
            Objects.requireNonNull(f, "load");
            return flexural ? flexuralStrengthMpa(f) : compressiveStrengthMpa(f);
        }).toList();
    }
}
