package cn.cqs.server.batches;

import cn.cqs.server.http.Validation;
import java.math.BigDecimal;

/** Checks of quantities (tonnes, m³, kg/m³): BigDecimal, more than 0, at most a limit, a bounded scale. */
final class Quantities {
    private Quantities() {
    }

    /** Requires {@code 0 < value <= max} with at most {@code scale} decimals. */
    static void positive(Validation v, String field, BigDecimal value, BigDecimal max, int scale) {
        if (value == null) {
            v.add(field, "required", field + " is required");
        } else if (value.signum() <= 0) {
            v.add(field, "not_positive", field + " must be more than 0, was " + value.toPlainString());
        } else if (value.compareTo(max) > 0) {
            v.add(field, "too_large", field + " must be at most " + max.toPlainString() + ", was " + value.toPlainString());
        } else if (value.stripTrailingZeros().scale() > scale) {
            v.add(field, "too_precise", field + " may have at most " + scale + " decimals, was " + value.toPlainString());
        }
    }
}
