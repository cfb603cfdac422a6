package cn.cqs.server.batches;

/**
 * The answer of an idempotent registration (PUT on the plant's own id): the record, and whether
 * this request created it (201) or found it already registered with the same values (200).
 */
public record Registered<T>(T value, boolean created) {
}
