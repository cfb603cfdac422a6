package cn.cqs.server.batches.evaluation;

import cn.cqs.contract.batches.evaluation.LotEvaluationMethod;
import cn.cqs.contract.reports.cube.StrengthGrade;
import cn.cqs.server.http.QueryParams;
import cn.cqs.server.http.Validation;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * The parameters of {@code GET /api/v1/projects/{projectId}/strength-evaluation}: {@code strengthClass}
 * (required, e.g. {@code C30}), {@code pourLocation} (optional, 1-200 characters), {@code sigma0}
 * (optional, MPa, more than 0 and at most 20), {@code method} (optional: force one the standard
 * allows) and {@code linkedOnly} ({@code true}/{@code false}, default false). Every bad value is a
 * 422 naming its parameter.
 */
record LotQuery(StrengthGrade grade, String pourLocation, BigDecimal sigma0, LotEvaluationMethod method,
                boolean linkedOnly) {
    static final BigDecimal MAX_SIGMA0 = new BigDecimal("20");

    static LotQuery from(Context ctx) {
        Validation v = new Validation();
        String classText = ctx.queryParam("strengthClass");
        StrengthGrade grade = null;
        if (classText == null || classText.isBlank()) {
            v.add("strengthClass", "required", "strengthClass (the design strength class, e.g. C30) is required");
        } else {
            var error = StrengthGrade.check("strengthClass", classText.strip().toUpperCase(Locale.ROOT));
            if (error.isPresent()) {
                v.add(error.get().field(), error.get().code(), error.get().message());
            } else {
                grade = StrengthGrade.parse(classText.strip().toUpperCase(Locale.ROOT));
            }
        }
        String pour = Validation.trim(ctx.queryParam("pourLocation"));
        v.optionalText("pourLocation", pour, 200);
        BigDecimal sigma0 = null;
        String sigmaText = ctx.queryParam("sigma0");
        if (sigmaText != null && !sigmaText.isBlank()) {
            try {
                sigma0 = new BigDecimal(sigmaText.strip());
                if (sigma0.signum() <= 0 || sigma0.compareTo(MAX_SIGMA0) > 0) {
                    v.add("sigma0", "range", "sigma0 must be more than 0 and at most " + MAX_SIGMA0 + " MPa, was " + sigmaText);
                }
            } catch (NumberFormatException e) {
                v.add("sigma0", "not_a_number", "sigma0 must be a number of MPa like 3.5, was '" + sigmaText + "'");
            }
        }
        LotEvaluationMethod method = new QueryParams(ctx, v).enumValue("method", LotEvaluationMethod.class);
        boolean linkedOnly = false;
        String linked = ctx.queryParam("linkedOnly");
        if (linked != null && !linked.isBlank()) {
            switch (linked.strip().toLowerCase(Locale.ROOT)) {
                case "true" -> linkedOnly = true;
                case "false" -> linkedOnly = false;
                default -> v.add("linkedOnly", "malformed", "linkedOnly must be true or false, was '" + linked + "'");
            }
        }
        v.throwIfInvalid();
        return new LotQuery(grade, pour, sigma0, method, linkedOnly);
    }
}
