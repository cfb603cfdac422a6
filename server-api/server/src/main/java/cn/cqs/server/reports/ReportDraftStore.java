package cn.cqs.server.reports;

import cn.cqs.contract.reports.ReportTypes;
import cn.cqs.contract.reports.ReportDraft;
import cn.cqs.contract.reports.ReportDraftState;
import cn.cqs.contract.reports.ReportType;
import cn.cqs.server.db.Sql;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/** The {@code report_draft} table: a lab's drafts with their review and approval steps. */
public final class ReportDraftStore {
    private final ObjectMapper mapper;

    public ReportDraftStore(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public void insert(Handle h, ReportDraft d) {
        h.createUpdate("""
                        insert into report_draft (id, organisation_id, type, content, report_number, state, author_user_id,
                                                  author_name, created_at, updated_at, version)
                        values (:id, :org, :type, cast(:content as jsonb), :number, :state, :author, :authorName,
                                :at, :at, :version)""")
                .bind("id", d.id()).bind("org", d.organisationId()).bind("type", d.type().name())
                .bind("content", json(d.content())).bind("number", d.reportNumber()).bind("state", d.state().name())
                .bind("author", d.authorUserId()).bind("authorName", d.authorName()).bind("at", Sql.ts(d.createdAt()))
                .bind("version", d.version()).execute();
    }

    /** The organisation's draft, locked for a change; empty when it does not exist or is another's. */
    public Optional<ReportDraft> findOwnForUpdate(Handle h, UUID organisationId, UUID id) {
        return h.createQuery("select * from report_draft where id = :id and organisation_id = :org for update")
                .bind("id", id).bind("org", organisationId).map((rs, c) -> row(rs)).findOne();
    }

    public Optional<ReportDraft> findOwn(Handle h, UUID organisationId, UUID id) {
        return h.createQuery("select * from report_draft where id = :id and organisation_id = :org")
                .bind("id", id).bind("org", organisationId).map((rs, c) -> row(rs)).findOne();
    }

    public List<ReportDraft> listOwn(Handle h, UUID organisationId) {
        return h.createQuery("select * from report_draft where organisation_id = :org order by updated_at desc, id")
                .bind("org", organisationId).map((rs, c) -> row(rs)).list();
    }

    /** New content: the draft goes back to DRAFT and loses its review and approval. */
    public void updateContent(Handle h, UUID id, ReportType type, Object content, Instant at) {
        h.createUpdate("""
                        update report_draft set content = cast(:content as jsonb), report_number = :number, state = 'DRAFT',
                               reviewer_user_id = null, reviewer_name = null, reviewed_at = null,
                               approver_user_id = null, approver_name = null, approved_at = null,
                               updated_at = :at, version = version + 1
                         where id = :id""")
                .bind("content", json(content)).bind("number", ReportTypes.of(type).headerOf(content).reportNumber()).bind("at", Sql.ts(at)).bind("id", id)
                .execute();
    }

    public void markReviewed(Handle h, UUID id, UUID userId, String name, Instant at) {
        h.createUpdate("""
                        update report_draft set state = 'REVIEWED', reviewer_user_id = :user, reviewer_name = :name,
                               reviewed_at = :at, updated_at = :at, version = version + 1 where id = :id""")
                .bind("user", userId).bind("name", name).bind("at", Sql.ts(at)).bind("id", id).execute();
    }

    public void markApproved(Handle h, UUID id, UUID userId, String name, Instant at) {
        h.createUpdate("""
                        update report_draft set state = 'APPROVED', approver_user_id = :user, approver_name = :name,
                               approved_at = :at, updated_at = :at, version = version + 1 where id = :id""")
                .bind("user", userId).bind("name", name).bind("at", Sql.ts(at)).bind("id", id).execute();
    }

    public void markIssued(Handle h, UUID id, UUID reportId, Instant at) {
        h.createUpdate("""
                        update report_draft set state = 'ISSUED', issued_report_id = :report, updated_at = :at,
                               version = version + 1 where id = :id""")
                .bind("report", reportId).bind("at", Sql.ts(at)).bind("id", id).execute();
    }

    /** The display name of a user (printed as reviewer or approver). */
    public String displayName(Handle h, UUID userId) {
        return h.createQuery("select display_name from app_user where id = :id").bind("id", userId)
                .mapTo(String.class).one();
    }

    ReportDraft row(ResultSet rs) throws SQLException {
        ReportType type = ReportType.valueOf(rs.getString("type"));
        Object content;
        try {
            content = mapper.readValue(rs.getString("content"), ReportTypes.of(type).contentClass());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("report draft " + rs.getString("id") + " holds unreadable content", e);
        }
        return new ReportDraft(Sql.uuid(rs, "id"), Sql.uuid(rs, "organisation_id"),
                type, content, ReportDraftState.valueOf(rs.getString("state")),
                Sql.uuid(rs, "author_user_id"), rs.getString("author_name"), Sql.instant(rs, "created_at"),
                Sql.uuid(rs, "reviewer_user_id"), rs.getString("reviewer_name"), Sql.instant(rs, "reviewed_at"),
                Sql.uuid(rs, "approver_user_id"), rs.getString("approver_name"), Sql.instant(rs, "approved_at"),
                Sql.uuid(rs, "issued_report_id"), Sql.instant(rs, "updated_at"), rs.getLong("version"));
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not serialise report draft content", e);
        }
    }
}
