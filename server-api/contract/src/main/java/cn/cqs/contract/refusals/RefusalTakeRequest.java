package cn.cqs.contract.refusals;

/**
 * {@code POST /api/v1/refusals/{id}/take}: a regulator of the jurisdiction takes an OPEN refusal
 * report (受理), with a note, at most {@value #MAX_NOTE} characters.
 */
public record RefusalTakeRequest(String note) {
    public static final int MAX_NOTE = 500;
}
