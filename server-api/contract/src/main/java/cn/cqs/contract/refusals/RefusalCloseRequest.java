package cn.cqs.contract.refusals;

/**
 * {@code POST /api/v1/refusals/{id}/close}: the regulator closes a refusal report it took (办结),
 * with the finding (处理结果), required, at most {@value #MAX_FINDING} characters.
 */
public record RefusalCloseRequest(String finding) {
    public static final int MAX_FINDING = 2000;
}
