package cn.cqs.server.sync;

import cn.cqs.contract.projects.Project;
import cn.cqs.contract.reports.ReportRecord;
import cn.cqs.contract.sync.Change;
import cn.cqs.contract.sync.ChangePage;
import cn.cqs.server.auth.Principal;
import cn.cqs.server.batches.BatchFeed;
import java.time.Clock;
import cn.cqs.server.projects.ProjectService;
import cn.cqs.server.reports.ReportStore;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * 增量同步 (the change feed): the projects and reports visible to the caller, in the order of the
 * server-wide change sequence ({@code change_seq}, drawn in commit order on every insert and
 * update), after a cursor. Entities: {@value #PROJECT} (data = {@link Project}),
 * {@value #REPORT} (data = {@link ReportRecord}) and the ready-mix records of {@link BatchFeed}
 * ({@code batch}, {@code material_lot}, {@code mix_design}).
 */
public final class SyncService {
    public static final String PROJECT = "project";
    public static final String REPORT = "report";
    private final Jdbi jdbi;
    private final ReportStore reports;
    private final ObjectMapper mapper;
    private final BatchFeed batches;
    private final Clock clock;

    public SyncService(Jdbi jdbi, ReportStore reports, ObjectMapper mapper, BatchFeed batches, Clock clock) {
        this.jdbi = jdbi;
        this.reports = reports;
        this.mapper = mapper;
        this.batches = batches;
        this.clock = clock;
    }

    private record Sequenced(long seq, Change change) {
    }

    /** Up to {@code limit} changes after {@code since}, visible to {@code p}. */
    public ChangePage changes(Principal p, long since, int limit) {
        // one snapshot for both tables
        return jdbi.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, h -> {
            List<Sequenced> all = new ArrayList<>();
            ProjectService.scoped(h.createQuery("select * from project p where p.change_seq > :since and "
                            + ProjectService.VISIBLE + " order by p.change_seq limit :n"), p)
                    .bind("since", since).bind("n", limit + 1)
                    .map((rs, c) -> {
                        Project project = ProjectService.project(rs);
                        return new Sequenced(rs.getLong("change_seq"), Change.upsert(PROJECT, project.id(),
                                project.version(), project.updatedAt(), mapper.valueToTree(project)));
                    }).forEach(all::add);
            ProjectService.scoped(h.createQuery(ReportStore.SELECT + " where r.change_seq > :since and "
                            + ReportStore.VISIBLE + " order by r.change_seq limit :n"), p)
                    .bind("since", since).bind("n", limit + 1)
                    .map((rs, c) -> {
                        ReportRecord record = reports.row(rs);
                        return new Sequenced(rs.getLong("change_seq"), Change.upsert(REPORT, record.id(),
                                record.version(), record.receivedAt(), mapper.valueToTree(record)));
                    }).forEach(all::add);
            for (BatchFeed.Row row : batches.after(h, p, since, limit, clock.instant())) {
                all.add(new Sequenced(row.seq(), Change.upsert(row.entity(), row.id(), row.version(), row.changedAt(),
                        mapper.valueToTree(row.data()))));
            }
            all.sort(Comparator.comparingLong(Sequenced::seq));
            boolean hasMore = all.size() > limit;
            List<Sequenced> page = hasMore ? all.subList(0, limit) : all;
            long next = page.isEmpty() ? since : page.get(page.size() - 1).seq();
            return new ChangePage(ChangeCursor.format(next), hasMore, page.stream().map(Sequenced::change).toList());
        });
    }
}
