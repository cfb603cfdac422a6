package cn.cqs.server.verify;

import cn.cqs.contract.orgs.Permission;
import cn.cqs.contract.refusals.RefusalRequest;
import cn.cqs.contract.verify.ScanSource;
import cn.cqs.contract.verify.VerificationEntry;
import cn.cqs.contract.verify.VerificationRecordRequest;
import cn.cqs.server.auth.Principal;
import cn.cqs.server.db.Sql;
import cn.cqs.server.http.ApiException;
import cn.cqs.server.http.Validation;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * 核验记录 (the verification log, R14): every verification a desk makes is recorded with who,
 * where, when, what and the outcome. The server assesses the scanned text itself and stores its
 * own verdict and the token's claims beside the desk's; it never takes the claims from the desk.
 *
 * <p>Visibility: an organisation sees its own entries; a regulator also sees entries about reports or batches
 * whose project lies in its jurisdiction and entries filed by organisations registered there.
 */
public final class VerificationLogService {
    /** Which entries a principal sees (binds :org, :regulator, :region). */
    static final String VISIBLE = """
            (v.organisation_id = :org
             or (:regulator and (v.project_id in (select p.id from project p
                                                  where p.region_code in (select code from region_subtree(:region)))
                                 or v.organisation_id in (select o.id from organisation o
                                                          where o.region_code in (select code from region_subtree(:region))))))""";
    private static final String SELECT = """
            select v.*, o.name as organisation_name, u.display_name as user_display_name,
                   p.region_code as project_region_code, b.serial_number as batch_serial_number
              from verification v
              join organisation o on o.id = v.organisation_id
              left join app_user u on u.id = v.user_id
              left join project p on p.id = v.project_id
              left join production_batch b on b.id = v.batch_id
            """;
    private final Jdbi jdbi;
    private final VerifyService verify;
    private final Clock clock;

    public VerificationLogService(Jdbi jdbi, VerifyService verify, Clock clock) {
        this.jdbi = jdbi;
        this.verify = verify;
        this.clock = clock;
    }

    /** Records one verification for the principal (VERIFY permission, user or API key), without a client key. */
    public VerificationEntry record(Principal p, VerificationRecordRequest request) {
        return record(p, request, null);
    }

    /**
     * Records one verification for the principal (VERIFY permission, user or API key).
     *
     * @param clientKey the request's {@code Idempotency-Key}, or null: a second request of the same
     *                  organisation with the same key returns the entry stored first (a retry), and a
     *                  refusal already filed naming this key ({@code verificationKey}) is linked to it
     */
    public VerificationEntry record(Principal p, VerificationRecordRequest request, String clientKey) {
        p.require(Permission.VERIFY);
        Validation v = new Validation();
        v.text("scannedText", request.scannedText(), VerificationRecordRequest.MAX_SCANNED_TEXT);
        ScanColumns.checkDeskVerdict(v, request.outcome(), request.reportStatus());
        v.optionalText("place", request.place(), VerificationRecordRequest.MAX_PLACE);
        v.required("scannedAt", request.scannedAt());
        v.required("source", request.source());
        String key = Validation.trim(clientKey);
        v.optionalText("Idempotency-Key", key, RefusalRequest.MAX_VERIFICATION_KEY);
        v.throwIfInvalid();
        VerifyService.Assessment assessment = verify.assessScanned(request.scannedText());
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        return jdbi.inTransaction(h -> {
            int inserted = ScanColumns.bind(h.createUpdate("insert into verification (id, organisation_id, user_id, api_key_id, source, "
                                    + "place, scanned_at, received_at, client_key, " + ScanColumns.COLUMNS + ") values (:id, :org, "
                                    + "cast(:user as uuid), cast(:key as uuid), :source, :place, :scannedAt, :receivedAt, :clientKey, "
                                    + ScanColumns.VALUES + ") on conflict (organisation_id, client_key) where client_key is not null "
                                    + "do nothing"),
                            request.scannedText(), request.outcome(), request.reportStatus(), assessment)
                    .bind("id", id).bind("org", p.organisationId()).bind("user", p.userId()).bind("key", p.apiKeyId())
                    .bind("source", request.source().name()).bind("place", Validation.trim(request.place()))
                    .bind("scannedAt", Sql.ts(request.scannedAt())).bind("receivedAt", Sql.ts(now))
                    .bind("clientKey", key)
                    .execute();
            UUID stored = inserted == 1 ? id : idByClientKey(h, p.organisationId(), key)
                    .orElseThrow(() -> new IllegalStateException("verification with key " + key + " vanished"));
            if (inserted == 1 && key != null) {
                h.createUpdate("update refusal set verification_id = :id, version = version + 1 "
                                + "where organisation_id = :org and verification_key = :key and verification_id is null")
                        .bind("id", id).bind("org", p.organisationId()).bind("key", key).execute();
            }
            return find(h, stored).orElseThrow(() -> new IllegalStateException("verification " + stored + " vanished"));
        });
    }

    /** The organisation's verification recorded with {@code clientKey} (its Idempotency-Key), if stored yet. */
    public static Optional<UUID> idByClientKey(Handle h, UUID organisationId, String clientKey) {
        if (clientKey == null) {
            return Optional.empty();
        }
        return h.createQuery("select id from verification where organisation_id = :org and client_key = :key")
                .bind("org", organisationId).bind("key", clientKey).mapTo(UUID.class).findOne();
    }

    /** The entries the principal sees, newest first. */
    public List<VerificationEntry> list(Principal p, VerificationQuery q) {
        requireMayList(p);
        return jdbi.withHandle(h -> h.createQuery(SELECT + " where " + VISIBLE + """
                         and (cast(:from as timestamptz) is null or v.received_at >= cast(:from as timestamptz))
                         and (cast(:before as timestamptz) is null or v.received_at < cast(:before as timestamptz))
                         and (cast(:outcome as text) is null or v.outcome = cast(:outcome as text))
                        order by v.received_at desc, v.id
                        limit :limit offset :offset""")
                .bind("org", p.organisationId()).bind("regulator", p.isRegulator())
                .bind("region", p.organisationRegionCode())
                .bind("from", Sql.ts(q.receivedFrom())).bind("before", Sql.ts(q.receivedBefore()))
                .bind("outcome", q.outcome() == null ? null : q.outcome().name())
                .bind("limit", q.limit()).bind("offset", q.offset())
                .map((rs, c) -> entry(rs)).list());
    }

    /** True when the verification exists and was recorded by the principal's organisation. */
    public static boolean isOwn(Handle h, Principal p, UUID verificationId) {
        return h.createQuery("select 1 from verification where id = :id and organisation_id = :org")
                .bind("id", verificationId).bind("org", p.organisationId()).mapTo(Integer.class).findOne().isPresent();
    }

    private static void requireMayList(Principal p) {
        if (!p.has(Permission.VERIFY) && !(p.isRegulator() && p.has(Permission.REPORTS_SUPERVISE))) {
            throw ApiException.forbidden("This needs the VERIFY permission (or REPORTS_SUPERVISE for a regulator)");
        }
    }

    private static Optional<VerificationEntry> find(Handle h, UUID id) {
        return h.createQuery(SELECT + " where v.id = :id").bind("id", id).map((rs, c) -> entry(rs)).findOne();
    }

    private static VerificationEntry entry(ResultSet rs) throws SQLException {
        return new VerificationEntry(Sql.uuid(rs, "id"), Sql.uuid(rs, "organisation_id"),
                rs.getString("organisation_name"), Sql.uuid(rs, "user_id"), rs.getString("user_display_name"),
                Sql.uuid(rs, "api_key_id"), rs.getString("scanned_text"), ScanSource.valueOf(rs.getString("source")),
                rs.getString("place"), Sql.instant(rs, "scanned_at"), Sql.instant(rs, "received_at"),
                ScanColumns.outcome(rs, "outcome"), ScanColumns.status(rs, "report_status"),
                ScanColumns.outcome(rs, "server_outcome"), ScanColumns.status(rs, "server_report_status"),
                ScanColumns.claims(rs), rs.getBoolean("claims_verified"), Sql.trimmedChar(rs, "project_region_code"),
                rs.getString("batch_serial_number"));
    }
}
