package cn.cqs.server.batches;

import cn.cqs.server.auth.Principal;
import cn.cqs.server.reports.ReportStore;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/** Links a report number a plant names (a material's test report, a trial-mix report) to the report in the system. */
final class ReportLinks {
    private ReportLinks() {
    }

    /** The id of the valid report of that number the plant can see, or null (none, or no number given). */
    static UUID find(Handle h, Principal p, String reportNumber) {
        if (reportNumber == null || reportNumber.isBlank()) {
            return null;
        }
        return PlantAccess.scoped(h.createQuery("select r.id from report r where r.report_number = :number and "
                        + "r.status = 'VALID' and " + ReportStore.VISIBLE + " order by r.received_at desc limit 1"), p)
                .bind("number", reportNumber.strip()).mapTo(UUID.class).findOne().orElse(null);
    }
}
