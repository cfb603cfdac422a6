package cn.cqs.server.batches.evaluation;

import cn.cqs.contract.batches.evaluation.EvaluatedGroup;
import cn.cqs.contract.batches.evaluation.InspectionLotEvaluation;
import cn.cqs.contract.batches.evaluation.StrengthEvaluation;
import cn.cqs.contract.batches.evaluation.StrengthEvaluationResult;
import cn.cqs.contract.orgs.Permission;
import cn.cqs.contract.problem.Problem;
import cn.cqs.contract.reports.validation.ReportInputException;
import cn.cqs.server.auth.Principal;
import cn.cqs.server.db.Sql;
import cn.cqs.server.http.ApiException;
import java.math.BigDecimal;
import java.sql.Array;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * 强度评定 (GB/T 50107-2010) of one inspection lot of a project. The groups are the project's
 * concrete cube reports that are current and valid (status VALID, so neither superseded by a
 * correction nor withdrawn), whose result is not invalid (conclusion INVALID: no representative
 * value), of the asked design grade; with {@code pourLocation}, those whose part (工程部位) is that
 * location or whose specimens were taken from a batch poured there; with {@code linkedOnly}, only
 * reports linked to a batch. The method is the standard's ({@link StrengthEvaluation#evaluate(BigDecimal,
 * List, Optional)}) unless the caller forces one the standard allows for the lot.
 *
 * <p>Who may ask: regulators of the project's jurisdiction (REPORTS_SUPERVISE or BATCHES_SUPERVISE);
 * the project's parties (the organisation that registered it and those attached to it); the labs
 * that issued a cube report of the project; and the plants that produced a batch for it. Anyone
 * else gets 404, as if the project did not exist.
 */
public final class StrengthEvaluationService {
    private static final String MAY_SEE = """
            select p.name from project p
             where p.id = :project
               and ((:regulator and :supervisor and p.region_code in (select code from region_subtree(:region)))
                    or (not :regulator and (p.created_by_organisation_id = :org
                        or exists (select 1 from project_organisation po where po.project_id = p.id and po.organisation_id = :org)
                        or exists (select 1 from report r where r.project_id = p.id and r.issuer_organisation_id = :org
                                                            and r.type = 'CONCRETE_CUBE')
                        or exists (select 1 from production_batch b where b.project_id = p.id and b.organisation_id = :org))))""";
    private static final String GROUPS = """
            select r.id, r.report_number, o.name as lab_name, r.project_part, r.representative_strength_mpa, r.issued_at,
                   array(select b.serial_number from batch_cube_report l join production_batch b on b.id = l.batch_id
                          where l.report_id = r.id order by b.serial_number) as serial_numbers
              from report r join organisation o on o.id = r.issuer_organisation_id
             where r.project_id = :project
               and r.type = 'CONCRETE_CUBE'
               and r.status = 'VALID'
               and r.conclusion <> 'INVALID'
               and r.representative_strength_mpa is not null
               and upper(r.design_grade) = :grade
               and (cast(:pour as text) is null
                    or r.project_part = :pour
                    or exists (select 1 from batch_cube_report l join production_batch b on b.id = l.batch_id
                                where l.report_id = r.id and b.pour_location = :pour))
               and (not :linkedOnly or exists (select 1 from batch_cube_report l where l.report_id = r.id))
             order by r.issued_at, r.report_number""";
    private final Jdbi jdbi;

    public StrengthEvaluationService(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Evaluates; the parameters are read only once the caller may see the project (else 404 first). */
    InspectionLotEvaluation evaluate(Principal p, UUID projectId, java.util.function.Supplier<LotQuery> query) {
        return jdbi.withHandle(h -> {
            String projectName = projectName(h, p, projectId);
            LotQuery q = query.get();
            List<EvaluatedGroup> groups = h.createQuery(GROUPS)
                    .bind("project", projectId).bind("grade", q.grade().code()).bind("pour", q.pourLocation())
                    .bind("linkedOnly", q.linkedOnly())
                    .map((rs, c) -> {
                        Array serials = rs.getArray("serial_numbers");
                        return new EvaluatedGroup(Sql.uuid(rs, "id"), rs.getString("report_number"), rs.getString("lab_name"),
                                rs.getString("project_part"), rs.getBigDecimal("representative_strength_mpa"),
                                Sql.instant(rs, "issued_at"), Arrays.asList((String[]) serials.getArray()));
                    })
                    .list();
            StrengthEvaluationResult result = groups.isEmpty() ? null : evaluate(q, groups);
            return new InspectionLotEvaluation(projectId, projectName, q.grade().code(), q.pourLocation(), q.linkedOnly(),
                    groups, result);
        });
    }

    private static String projectName(Handle h, Principal p, UUID projectId) {
        boolean supervisor = p.has(Permission.REPORTS_SUPERVISE) || p.has(Permission.BATCHES_SUPERVISE);
        return h.createQuery(MAY_SEE).bind("project", projectId).bind("org", p.organisationId())
                .bind("regulator", p.isRegulator()).bind("supervisor", supervisor)
                .bind("region", p.organisationRegionCode())
                .mapTo(String.class).findOne().orElseThrow(() -> ApiException.notFound("Project"));
    }

    private static StrengthEvaluationResult evaluate(LotQuery q, List<EvaluatedGroup> groups) {
        List<BigDecimal> strengths = groups.stream().map(EvaluatedGroup::strengthMpa).toList();
        BigDecimal fcuK = q.grade().characteristicStrengthMpa();
        Optional<BigDecimal> sigma0 = Optional.ofNullable(q.sigma0());
        try {
            return q.method() == null ? StrengthEvaluation.evaluate(fcuK, strengths, sigma0)
                    : StrengthEvaluation.evaluate(fcuK, strengths, sigma0, q.method());
        } catch (ReportInputException e) {
            throw ApiException.validation(e.errors().stream()
                    .map(f -> new Problem.FieldError(f.field(), f.code(), f.message() + " (" + groups.size()
                            + " groups found)"))
                    .toList());
        }
    }
}
