package cn.cqs.server.idempotency;

import cn.cqs.contract.problem.Problem;
import cn.cqs.contract.problem.ProblemTypes;
import cn.cqs.server.auth.Principal;
import cn.cqs.server.db.Sql;
import cn.cqs.server.http.ApiException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Makes a POST safe to retry: the first request with an {@code Idempotency-Key} runs and its
 * response (status, headers, body) is stored under (organisation, key) in the same transaction;
 * a repeat gets the stored response back instead of creating a duplicate. Reusing a key for a
 * different request is a 422. Concurrent repeats wait on the key's row and then replay.
 */
public final class IdempotencyStore {
    public static final String HEADER = "Idempotency-Key";
    /** Response header set on a replayed response. */
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{8,200}");
    private final Jdbi jdbi;
    private final ObjectMapper mapper;
    private final Clock clock;

    public IdempotencyStore(Jdbi jdbi, ObjectMapper mapper, Clock clock) {
        this.jdbi = jdbi;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** A response to send (and to store). */
    public record StoredResponse(int status, Map<String, String> headers, String body, boolean replayed) {
    }

    /**
     * Runs {@code action} once per (organisation, key). Without a key the action simply runs.
     *
     * @param key         the Idempotency-Key header, or null
     * @param requestBody the raw request body, to tell a true repeat from a key reused for another request
     * @param action      does the work with the transaction's handle and returns the response to store
     */
    public StoredResponse run(Principal principal, String key, String method, String path, byte[] requestBody,
                              Function<Handle, StoredResponse> action) {
        if (key == null) {
            return jdbi.inTransaction(action::apply);
        }
        if (!KEY.matcher(key).matches()) {
            throw new ApiException(400, ProblemTypes.MALFORMED_REQUEST, HEADER
                    + " must be 8-200 printable ASCII characters without spaces (e.g. a UUID)",
                    List.of(new Problem.FieldError(HEADER, "malformed", "8-200 printable ASCII characters")), Map.of());
        }
        byte[] hash = hash(method + " " + path + "\n", requestBody);
        return jdbi.inTransaction(h -> {
            int inserted = h.createUpdate("""
                            insert into idempotency_key (organisation_id, idempotency_key, method, path, request_hash, created_at)
                            values (:org, :key, :method, :path, :hash, :now) on conflict do nothing""")
                    .bind("org", principal.organisationId()).bind("key", key).bind("method", method)
                    .bind("path", path).bind("hash", hash).bind("now", Sql.ts(clock.instant())).execute();
            if (inserted == 0) {
                return replay(h, principal, key, hash);
            }
            StoredResponse response = action.apply(h);
            h.createUpdate("""
                            update idempotency_key set status = :status, headers = cast(:headers as jsonb), body = :body
                             where organisation_id = :org and idempotency_key = :key""")
                    .bind("status", response.status()).bind("headers", json(response.headers()))
                    .bind("body", response.body()).bind("org", principal.organisationId()).bind("key", key).execute();
            return response;
        });
    }

    private StoredResponse replay(Handle h, Principal principal, String key, byte[] hash) {
        record Row(byte[] hash, Integer status, String headers, String body) {
        }
        Optional<Row> row = h.createQuery("""
                        select request_hash, status, headers, body from idempotency_key
                         where organisation_id = :org and idempotency_key = :key""")
                .bind("org", principal.organisationId()).bind("key", key)
                .map((rs, c) -> new Row(rs.getBytes("request_hash"), (Integer) rs.getObject("status"),
                        rs.getString("headers"), rs.getString("body")))
                .findOne();
        if (row.isEmpty() || row.get().status() == null) {
            throw new ApiException(409, ProblemTypes.CONFLICT,
                    "A request with this Idempotency-Key is still being processed; retry shortly");
        }
        if (!Arrays.equals(row.get().hash(), hash)) {
            throw new ApiException(422, ProblemTypes.VALIDATION,
                    "This Idempotency-Key was already used for a different request; use a new key for a new request",
                    List.of(new Problem.FieldError(HEADER, "reused", "Key already used for another request")), Map.of());
        }
        try {
            Map<String, String> headers = row.get().headers() == null ? Map.of()
                    : mapper.readValue(row.get().headers(), new TypeReference<Map<String, String>>() { });
            return new StoredResponse(row.get().status(), headers, row.get().body(), true);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored idempotent response headers are not valid JSON", e);
        }
    }

    private String json(Map<String, String> headers) {
        try {
            return mapper.writeValueAsString(headers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not store response headers", e);
        }
    }

    private static byte[] hash(String prefix, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(prefix.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            digest.update(body);
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
