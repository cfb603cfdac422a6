package cn.cqs.server.batches;

import cn.cqs.contract.problem.Problem;
import cn.cqs.contract.problem.ProblemTypes;
import cn.cqs.server.http.ApiException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Compares a repeated registration with the stored one, field by field, so an idempotent PUT can
 * answer "same: here it is again" or a 409 that names every field that differs (code
 * {@code differs}). Numbers compare by value (30.0 = 30), texts after trimming.
 */
final class Differences {
    private final List<Problem.FieldError> errors = new ArrayList<>();

    Differences text(String field, String stored, String sent) {
        return value(field, blankToNull(stored), blankToNull(sent));
    }

    Differences number(String field, BigDecimal stored, BigDecimal sent) {
        boolean same = stored == null ? sent == null : sent != null && stored.compareTo(sent) == 0;
        if (!same) {
            add(field, stored == null ? null : stored.stripTrailingZeros().toPlainString(),
                    sent == null ? null : sent.stripTrailingZeros().toPlainString());
        }
        return this;
    }

    Differences value(String field, Object stored, Object sent) {
        if (sent instanceof java.time.Instant t) {
            sent = Micros.of(t);
        }
        if (!Objects.equals(stored, sent)) {
            add(field, stored, sent);
        }
        return this;
    }

    boolean none() {
        return errors.isEmpty();
    }

    List<Problem.FieldError> errors() {
        return List.copyOf(errors);
    }

    /** The 409 for a registration of {@code what} that differs from the stored one. */
    ApiException conflict(String what, String why) {
        return new ApiException(409, ProblemTypes.CONFLICT, what + " is already registered with different values ("
                + String.join(", ", errors.stream().map(Problem.FieldError::field).toList()) + "); " + why,
                errors, java.util.Map.of());
    }

    private void add(String field, Object stored, Object sent) {
        errors.add(new Problem.FieldError(field, "differs", field + " was registered as " + show(stored)
                + ", this request sends " + show(sent)));
    }

    private static String show(Object value) {
        return value == null ? "nothing" : "'" + value + "'";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
