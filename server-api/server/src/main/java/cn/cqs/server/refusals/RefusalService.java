package cn.cqs.server.refusals;

import cn.cqs.contract.orgs.Permission;
import cn.cqs.contract.refusals.Refusal;
import cn.cqs.contract.refusals.RefusalCloseRequest;
import cn.cqs.contract.refusals.RefusalRequest;
import cn.cqs.contract.refusals.RefusalRouting;
import cn.cqs.contract.refusals.RefusalState;
import cn.cqs.contract.refusals.RefusalSubject;
import cn.cqs.contract.qr.TokenKind;
import cn.cqs.contract.verify.VerificationResponse.TokenClaims;
import cn.cqs.contract.refusals.RefusalTakeRequest;
import cn.cqs.contract.problem.ProblemTypes;
import cn.cqs.contract.verify.VerificationRecordRequest;
import cn.cqs.server.audit.AuditLog;
import cn.cqs.server.auth.Principal;
import cn.cqs.server.blobs.Blob;
import cn.cqs.server.blobs.BlobStore;
import cn.cqs.server.db.Sql;
import cn.cqs.server.http.ApiException;
import cn.cqs.server.http.Etags;
import cn.cqs.server.http.Validation;
import cn.cqs.server.verify.ScanColumns;
import cn.cqs.server.verify.VerificationLogService;
import cn.cqs.server.verify.VerifyService;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.LongSupplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * 拒收举报 (refusal reports, R14, R19): a desk refuses a paper or a concrete delivery (a scanned
 * report or batch code, or concrete without any serial number) and files a report with the image;
 * it goes to the regulators of one region ({@link RefusalRouter}); a regulator of that jurisdiction
 * takes it with a note and closes it with a finding (OPEN → IN_PROGRESS → CLOSED). Each step is
 * audited and guarded by the record's version (If-Match).
 *
 * <p>Visibility: the filing organisation sees its own reports; a regulator sees the reports routed
 * to a region in its jurisdiction. Anyone else gets 404, as if the report did not exist.
 */
public final class RefusalService {
    /** Which refusals a principal sees (binds :org, :regulator, :region). */
    static final String VISIBLE = """
            (f.organisation_id = :org
             or (:regulator and f.region_code in (select code from region_subtree(:region))))""";
    private static final String SELECT = """
            select f.*, o.name as organisation_name, u.display_name as filed_by_name, r.name as region_name,
                   t.display_name as taken_by_name, c.display_name as closed_by_name,
                   coalesce(pj.name, f.project_name) as shown_project_name, b.serial_number as batch_serial_number
              from refusal f
              join organisation o on o.id = f.organisation_id
              join region r on r.code = f.region_code
              left join app_user u on u.id = f.user_id
              left join app_user t on t.id = f.taken_by_user_id
              left join app_user c on c.id = f.closed_by_user_id
              left join project pj on pj.id = f.project_id
              left join production_batch b on b.id = f.batch_id
            """;
    private final Jdbi jdbi;
    private final VerifyService verify;
    private final BlobStore blobs;
    private final AuditLog audit;
    private final Clock clock;

    public RefusalService(Jdbi jdbi, VerifyService verify, BlobStore blobs, AuditLog audit, Clock clock) {
        this.jdbi = jdbi;
        this.verify = verify;
        this.blobs = blobs;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Files a refusal report inside the caller's transaction (so an idempotent POST stores it
     * atomically): of a scanned code (a report or a batch), or of concrete delivered without any
     * serial number ({@link RefusalSubject#CONCRETE_WITHOUT_SERIAL}).
     */
    public Refusal file(Handle h, Principal p, RefusalRequest request) {
        p.require(Permission.VERIFY);
        Validation v = new Validation();
        boolean withoutSerial = request.subject() == RefusalSubject.CONCRETE_WITHOUT_SERIAL;
        if (withoutSerial) {
            checkWithoutSerial(h, p, v, request);
        } else {
            checkScanned(v, request);
        }
        v.text("reason", request.reason(), RefusalRequest.MAX_REASON);
        v.optionalText("place", request.place(), VerificationRecordRequest.MAX_PLACE);
        byte[] image = image(v, request.image());
        String mediaType = image == null ? null : ScanImages.mediaTypeOf(image).orElse(null);
        if (image != null && mediaType == null) {
            v.add("image", "unsupported_type", "image must be a JPEG or PNG file (its first bytes are neither)");
        }
        if (request.verificationId() != null && !VerificationLogService.isOwn(h, p, request.verificationId())) {
            v.add("verificationId", "not_found", "verificationId names no verification of your organisation");
        }
        String verificationKey = Validation.trim(request.verificationKey());
        v.optionalText("verificationKey", verificationKey, RefusalRequest.MAX_VERIFICATION_KEY);
        VerifyService.Assessment assessment = withoutSerial ? null : verify.assessScanned(request.scannedText());
        RefusalSubject subject = withoutSerial ? RefusalSubject.CONCRETE_WITHOUT_SERIAL : subjectOf(assessment);
        if (!withoutSerial && request.subject() != null && request.subject() != subject) {
            v.add("subject", "inconsistent", "subject " + request.subject() + " does not match the scanned code, which is "
                    + "a " + subject + (subject == RefusalSubject.BATCH ? " token" : " (or not a batch token)"));
        }
        v.throwIfInvalid();
        // a verification still in the desk's outbox is linked when it arrives (VerificationLogService.record)
        UUID verificationId = request.verificationId() != null ? request.verificationId()
                : VerificationLogService.idByClientKey(h, p.organisationId(), verificationKey).orElse(null);
        String imageKey = blobs.put(image, mediaType);
        RefusalRouter.Route route = withoutSerial
                ? RefusalRouter.routeWithoutSerial(h, p, request.projectId())
                : RefusalRouter.route(h, p, assessment);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        String columns = "insert into refusal (id, organisation_id, user_id, api_key_id, verification_id, "
                + "verification_key, filed_at, reason, place, region_code, routing, routing_reason, image_key, "
                + "image_media_type, image_bytes, state, version, subject, truck_number, plant_name, project_name, "
                + "pour_location, ";
        String values = ") values (:id, :org, cast(:user as uuid), cast(:key as uuid), cast(:verification as uuid), "
                + ":verificationKey, :now, :reason, :place, :region, :routing, :routingReason, :imageKey, :mediaType, "
                + ":imageBytes, 'OPEN', 1, :subject, :truckNumber, :plantName, :projectName, :pourLocation, ";
        var insert = withoutSerial
                ? h.createUpdate(columns + "claims_verified, project_id" + values + "false, cast(:projectId as uuid))")
                        .bind("projectId", request.projectId())
                : ScanColumns.bind(h.createUpdate(columns + ScanColumns.COLUMNS + values + ScanColumns.VALUES + ")"),
                        request.scannedText(), request.outcome(), request.reportStatus(), assessment);
        insert.bind("id", id).bind("org", p.organisationId()).bind("user", p.userId()).bind("key", p.apiKeyId())
                .bind("verification", verificationId).bind("verificationKey", verificationKey).bind("now", Sql.ts(now))
                .bind("reason", request.reason().strip()).bind("place", Validation.trim(request.place()))
                .bind("region", route.regionCode()).bind("routing", route.routing().name())
                .bind("routingReason", route.reason()).bind("imageKey", imageKey).bind("mediaType", mediaType)
                .bind("imageBytes", image.length).bind("subject", subject.name())
                .bind("truckNumber", withoutSerial ? Validation.trim(request.truckNumber()) : null)
                .bind("plantName", withoutSerial ? Validation.trim(request.plantName()) : null)
                .bind("projectName", withoutSerial && request.projectId() == null ? Validation.trim(request.projectName()) : null)
                .bind("pourLocation", withoutSerial ? Validation.trim(request.pourLocation()) : null)
                .execute();
        Refusal refusal = find(h, id).orElseThrow(() -> new IllegalStateException("refusal " + id + " vanished"));
        audit.record(h, p, now, "refusal.file", "refusal", id, projectOf(h, id), null, refusal);
        return refusal;
    }

    /** A scanned code: the text and the desk's verdict; none of the no-serial fields. */
    private static void checkScanned(Validation v, RefusalRequest request) {
        v.text("scannedText", request.scannedText(), VerificationRecordRequest.MAX_SCANNED_TEXT);
        ScanColumns.checkDeskVerdict(v, request.outcome(), request.reportStatus());
        String onlyWithout = " goes only with subject CONCRETE_WITHOUT_SERIAL (the code names what is refused)";
        rejectPresent(v, "truckNumber", request.truckNumber(), onlyWithout);
        rejectPresent(v, "plantName", request.plantName(), onlyWithout);
        rejectPresent(v, "projectId", request.projectId(), onlyWithout);
        rejectPresent(v, "projectName", request.projectName(), onlyWithout);
        rejectPresent(v, "pourLocation", request.pourLocation(), onlyWithout);
    }

    /**
     * 无流水号拒收: the buyer's description instead of a code. Truck, plant and pour location are
     * required; the project is named by id (a project of the system the filer may see, as the desk offers
     * them: otherwise any project id would send a report to another region's regulators) or by free text,
     * exactly one.
     */
    private static void checkWithoutSerial(Handle h, Principal p, Validation v, RefusalRequest request) {
        String noCode = " must be absent for CONCRETE_WITHOUT_SERIAL (there is no code to scan)";
        rejectPresent(v, "scannedText", request.scannedText(), noCode);
        rejectPresent(v, "outcome", request.outcome(), noCode);
        rejectPresent(v, "reportStatus", request.reportStatus(), noCode);
        rejectPresent(v, "verificationId", request.verificationId(), noCode);
        rejectPresent(v, "verificationKey", Validation.trim(request.verificationKey()), noCode);
        v.text("truckNumber", Validation.trim(request.truckNumber()), RefusalRequest.MAX_TRUCK_NUMBER);
        v.text("plantName", Validation.trim(request.plantName()), RefusalRequest.MAX_NAME);
        v.text("pourLocation", Validation.trim(request.pourLocation()), RefusalRequest.MAX_NAME);
        String projectName = Validation.trim(request.projectName());
        if (request.projectId() != null && projectName != null) {
            v.add("projectName", "inconsistent", "give the project either by projectId (a project of the system) or "
                    + "by projectName (free text), not both");
        } else if (request.projectId() == null && projectName == null) {
            v.add("projectId", "required", "name the project: projectId (a project of the system) or projectName "
                    + "(free text)");
        } else if (request.projectId() != null) {
            boolean visible = cn.cqs.server.projects.ProjectService.scoped(h.createQuery(
                            "select 1 from project p where p.id = :id and " + cn.cqs.server.projects.ProjectService.VISIBLE), p)
                    .bind("id", request.projectId()).mapTo(Integer.class).findOne().isPresent();
            if (!visible) {
                v.add("projectId", "not_found", "projectId names no project of the system that you can see");
            }
        } else {
            v.optionalText("projectName", projectName, RefusalRequest.MAX_NAME);
        }
    }

    private static void rejectPresent(Validation v, String field, Object value, String why) {
        if (value != null) {
            v.add(field, "not_allowed", field + why);
        }
    }

    /** A batch token (verified or not) refuses a batch; anything else a report. */
    private static RefusalSubject subjectOf(VerifyService.Assessment assessment) {
        TokenClaims claims = assessment.response().claims();
        return claims != null && TokenKind.BATCH.name().equals(claims.kind()) ? RefusalSubject.BATCH
                : RefusalSubject.REPORT;
    }

    /** The refusals the principal sees, newest first. */
    public List<Refusal> list(Principal p, RefusalQuery q) {
        requireMayRead(p);
        return jdbi.withHandle(h -> scoped(h.createQuery(SELECT + " where " + VISIBLE + """
                         and (cast(:state as text) is null or f.state = cast(:state as text))
                        order by f.filed_at desc, f.id
                        limit :limit offset :offset"""), p)
                .bind("state", q.state() == null ? null : q.state().name())
                .bind("limit", q.limit()).bind("offset", q.offset())
                .map((rs, c) -> refusal(rs)).list());
    }

    public Refusal get(Principal p, UUID id) {
        requireMayRead(p);
        return jdbi.withHandle(h -> findVisible(h, p, id)).orElseThrow(() -> ApiException.notFound("Refusal report"));
    }

    /** The scan image of a refusal the principal sees. */
    public Blob image(Principal p, UUID id) {
        Refusal refusal = get(p, id);
        return blobs.get(refusal.imageSha256()).orElseThrow(() -> new IllegalStateException(
                "The image " + refusal.imageSha256() + " of refusal " + id + " is missing from the blob store"));
    }

    /** A regulator of the jurisdiction takes an OPEN refusal (受理), with a note. */
    public Refusal take(Principal p, UUID id, RefusalTakeRequest request, LongSupplier ifMatch) {
        Validation v = new Validation();
        v.text("note", request.note(), RefusalTakeRequest.MAX_NOTE);
        v.throwIfInvalid();
        return transition(p, id, ifMatch, RefusalState.OPEN, "refusal.take", (h, now) -> h.createUpdate("""
                        update refusal set state = 'IN_PROGRESS', taken_at = :now, taken_by_user_id = :user,
                                           take_note = :text, version = version + 1
                         where id = :id""")
                .bind("now", Sql.ts(now)).bind("user", p.userId()).bind("text", request.note().strip()).bind("id", id)
                .execute());
    }

    /** The regulator closes a refusal it took (办结), with the finding. */
    public Refusal close(Principal p, UUID id, RefusalCloseRequest request, LongSupplier ifMatch) {
        Validation v = new Validation();
        v.text("finding", request.finding(), RefusalCloseRequest.MAX_FINDING);
        v.throwIfInvalid();
        return transition(p, id, ifMatch, RefusalState.IN_PROGRESS, "refusal.close", (h, now) -> h.createUpdate("""
                        update refusal set state = 'CLOSED', closed_at = :now, closed_by_user_id = :user,
                                           finding = :text, version = version + 1
                         where id = :id""")
                .bind("now", Sql.ts(now)).bind("user", p.userId()).bind("text", request.finding().strip()).bind("id", id)
                .execute());
    }

    private interface Change {
        void apply(Handle h, Instant now);
    }

    /**
     * Checks, in this order: visible (404), a regulator's user of the jurisdiction with
     * REPORTS_SUPERVISE (403), If-Match present (428) and current (412), the state (409); then
     * applies the change and audits it.
     */
    private Refusal transition(Principal p, UUID id, LongSupplier ifMatch, RefusalState from, String action,
                               Change change) {
        return jdbi.inTransaction(h -> {
            Refusal before = scoped(h.createQuery(SELECT + " where f.id = :id and " + VISIBLE + " for update of f"), p)
                    .bind("id", id).map((rs, c) -> refusal(rs)).findOne()
                    .orElseThrow(() -> ApiException.notFound("Refusal report"));
            if (!p.isRegulator() || !p.has(Permission.REPORTS_SUPERVISE) || !inJurisdiction(h, p, before.regionCode())) {
                throw ApiException.forbidden("Only a regulator of the jurisdiction (REPORTS_SUPERVISE) may handle "
                        + "this refusal report");
            }
            p.requireUser();
            long expected = ifMatch.getAsLong();
            if (before.version() != expected) {
                throw Etags.conflict("refusal report", before.version());
            }
            if (before.state() != from) {
                throw new ApiException(409, ProblemTypes.CONFLICT, "The refusal report is " + before.state()
                        + "; this step needs it " + from + (from == RefusalState.IN_PROGRESS
                        ? " (take it first)" : ""));
            }
            Instant now = clock.instant();
            change.apply(h, now);
            Refusal after = find(h, id).orElseThrow(() -> new IllegalStateException("refusal " + id + " vanished"));
            audit.record(h, p, now, action, "refusal", id, projectOf(h, id), before, after);
            return after;
        });
    }

    private static boolean inJurisdiction(Handle h, Principal p, String regionCode) {
        return h.createQuery("select 1 from region_subtree(:region) where code = :code")
                .bind("region", p.organisationRegionCode()).bind("code", regionCode)
                .mapTo(Integer.class).findOne().isPresent();
    }

    private static void requireMayRead(Principal p) {
        if (!p.has(Permission.VERIFY) && !(p.isRegulator() && p.has(Permission.REPORTS_SUPERVISE))) {
            throw ApiException.forbidden("This needs the VERIFY permission (or REPORTS_SUPERVISE for a regulator)");
        }
    }

    /** Decodes the Base64 image, adding a field error (and answering null) when it is missing, malformed or too large. */
    private static byte[] image(Validation v, String base64) {
        if (base64 == null || base64.isBlank()) {
            v.add("image", "required", "image is required: the scan image, JPEG or PNG, as Base64");
            return null;
        }
        long maxChars = (RefusalRequest.MAX_IMAGE_BYTES + 2L) / 3 * 4;
        if (base64.length() > maxChars) {
            v.add("image", "too_large", "image must be at most " + RefusalRequest.MAX_IMAGE_BYTES + " bytes");
            return null;
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            v.add("image", "malformed", "image must be Base64 (RFC 4648, no line breaks)");
            return null;
        }
        if (bytes.length == 0) {
            v.add("image", "required", "image is empty");
            return null;
        }
        if (bytes.length > RefusalRequest.MAX_IMAGE_BYTES) {
            v.add("image", "too_large", "image must be at most " + RefusalRequest.MAX_IMAGE_BYTES + " bytes, was "
                    + bytes.length);
            return null;
        }
        return bytes;
    }

    private static Optional<Refusal> findVisible(Handle h, Principal p, UUID id) {
        return scoped(h.createQuery(SELECT + " where f.id = :id and " + VISIBLE), p).bind("id", id)
                .map((rs, c) -> refusal(rs)).findOne();
    }

    private static Optional<Refusal> find(Handle h, UUID id) {
        return h.createQuery(SELECT + " where f.id = :id").bind("id", id).map((rs, c) -> refusal(rs)).findOne();
    }

    private static UUID projectOf(Handle h, UUID id) {
        return h.createQuery("select project_id from refusal where id = :id").bind("id", id)
                .mapTo(UUID.class).findOne().orElse(null);
    }

    private static <S extends org.jdbi.v3.core.statement.SqlStatement<S>> S scoped(S statement, Principal p) {
        return statement.bind("org", p.organisationId()).bind("regulator", p.isRegulator())
                .bind("region", p.organisationRegionCode());
    }

    private static Refusal refusal(ResultSet rs) throws SQLException {
        return new Refusal(Sql.uuid(rs, "id"), RefusalState.valueOf(rs.getString("state")),
                Sql.uuid(rs, "organisation_id"), rs.getString("organisation_name"), Sql.uuid(rs, "user_id"),
                rs.getString("filed_by_name"), Sql.uuid(rs, "api_key_id"), Sql.instant(rs, "filed_at"),
                rs.getString("reason"), rs.getString("place"), Sql.uuid(rs, "verification_id"),
                rs.getString("scanned_text"), ScanColumns.outcome(rs, "outcome"), ScanColumns.status(rs, "report_status"),
                ScanColumns.outcome(rs, "server_outcome"), ScanColumns.status(rs, "server_report_status"),
                ScanColumns.claims(rs), rs.getBoolean("claims_verified"), Sql.trimmedChar(rs, "region_code"),
                rs.getString("region_name"), RefusalRouting.valueOf(rs.getString("routing")),
                rs.getString("routing_reason"), rs.getString("image_media_type"), rs.getInt("image_bytes"),
                Sql.trimmedChar(rs, "image_key"), Sql.instant(rs, "taken_at"), rs.getString("taken_by_name"),
                rs.getString("take_note"), Sql.instant(rs, "closed_at"), rs.getString("closed_by_name"),
                rs.getString("finding"), rs.getLong("version"), RefusalSubject.valueOf(rs.getString("subject")),
                rs.getString("truck_number"), rs.getString("plant_name"), Sql.uuid(rs, "project_id"),
                rs.getString("shown_project_name"), rs.getString("pour_location"), rs.getString("batch_serial_number"));
    }
}
