package cn.cqs.contract.reports.cement;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * One age's flexural (three prisms) or compressive (six halves) group, evaluated by
 * {@link PrismStrengthRule}.
 *
 * @param specimenStrengthsMpa each specimen's strength to 0.1 MPa, in input order
 * @param method               how the group value was taken
 * @param discardedIndex       the index of the discarded specimen for {@link GroupMethod#ONE_DISCARDED}, else {@code null}
 * @param strengthMpa          the group's strength to 0.1 MPa; {@code null} when invalid
 */
public record PrismGroupResult(List<BigDecimal> specimenStrengthsMpa, GroupMethod method, Integer discardedIndex,
                               BigDecimal strengthMpa) {
    public PrismGroupResult {
        specimenStrengthsMpa = List.copyOf(specimenStrengthsMpa);
        Objects.requireNonNull(method, "method");
        if ((method == GroupMethod.INVALID) != (strengthMpa == null)
                || (method == GroupMethod.ONE_DISCARDED) != (discardedIndex != null)) {
            throw new IllegalArgumentException("An invalid group has no strength; only a group with one discarded"
                    + " value names it");
        }
    }
}
