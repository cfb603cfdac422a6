package cn.cqs.server.supervision;

import cn.cqs.contract.orgs.Permission;
import cn.cqs.contract.reports.ReportType;
import cn.cqs.contract.supervision.ReportConformity;
import cn.cqs.contract.supervision.ReportStatistics;
import cn.cqs.contract.supervision.ReportStatisticsRow;
import cn.cqs.contract.supervision.StatisticsGrouping;
import cn.cqs.contract.supervision.StatisticsLab;
import cn.cqs.server.auth.Principal;
import cn.cqs.server.db.Sql;
import cn.cqs.server.http.ApiException;
import cn.cqs.server.projects.ProjectService;
import cn.cqs.server.reports.ReportStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * 报告统计 for regulators: counts of the reports issued in a period in the caller's jurisdiction
 * (projects in its region and the regions below, the same scoping as the report list), grouped by
 * lab and/or type, with the unqualified and late-upload rates ({@code ReportRates}). Only regulator
 * users and keys holding {@link Permission#REPORTS_SUPERVISE} may ask; enterprises get 403.
 */
public final class ReportStatisticsService {
    private final Jdbi jdbi;

    public ReportStatisticsService(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public ReportStatistics statistics(Principal p, StatisticsQuery q) {
        p.require(Permission.REPORTS_SUPERVISE);
        if (!p.isRegulator()) {
            throw ApiException.forbidden("Report statistics are for regulators only");
        }
        StatisticsGrouping g = q.grouping();
        List<String> keys = new ArrayList<>();
        if (g.byLab()) {
            keys.add("r.issuer_organisation_id");
            keys.add("o.name");
            keys.add("o.uscc");
        }
        if (g.byType()) {
            keys.add("r.type");
        }
        String select = (g.byLab() ? "r.issuer_organisation_id as lab_id, o.name as lab_name, o.uscc as lab_uscc, "
                : "") + (g.byType() ? "r.type as report_type, " : "");
        String sql = "select " + select + """
                       count(*) as reports,
                       count(*) filter (where r.conclusion is null or r.conclusion not in (<qualified>)) as unqualified,
                       count(*) filter (where r.late) as late
                  from report r join organisation o on o.id = r.issuer_organisation_id
                 where """ + ReportStore.VISIBLE + """
                   and r.status <> 'SUPERSEDED'
                   and r.issued_at >= :start and r.issued_at < :end
                 group by """ + " " + String.join(", ", keys);
        List<ReportStatisticsRow> rows = new ArrayList<>(jdbi.withHandle(h -> ProjectService.scoped(h.createQuery(sql), p)
                .bindList("qualified", List.copyOf(ReportConformity.QUALIFIED_CONCLUSIONS))
                .bind("start", Sql.ts(q.period().start())).bind("end", Sql.ts(q.period().endExclusive()))
                .map((rs, c) -> row(rs, g)).list()));
        rows.sort(order(g));
        return new ReportStatistics(q.period().from(), q.period().to(), g, rows, ReportStatisticsRow.totalOf(rows));
    }

    private static ReportStatisticsRow row(ResultSet rs, StatisticsGrouping g) throws SQLException {
        StatisticsLab lab = g.byLab() ? new StatisticsLab(Sql.uuid(rs, "lab_id"), rs.getString("lab_name"),
                rs.getString("lab_uscc")) : null;
        ReportType type = g.byType() ? ReportType.valueOf(rs.getString("report_type")) : null;
        return ReportStatisticsRow.of(lab, type, rs.getLong("reports"), rs.getLong("unqualified"), rs.getLong("late"));
    }

    /** By lab: most reports first, then name; by type: enum order; both: lab order, then type. */
    private static Comparator<ReportStatisticsRow> order(StatisticsGrouping g) {
        Comparator<ReportStatisticsRow> byType = Comparator.comparing(r -> r.type() == null ? -1 : r.type().ordinal());
        if (!g.byLab()) {
            return byType;
        }
        Comparator<ReportStatisticsRow> byLab = Comparator
                .comparing((ReportStatisticsRow r) -> r.lab().name(), Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(r -> r.lab().id());
        if (!g.byType()) {
            return Comparator.comparingLong(ReportStatisticsRow::reports).reversed().thenComparing(byLab);
        }
        return byLab.thenComparing(byType);
    }
}
