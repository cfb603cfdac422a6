package cn.cqs.client.print;

import cn.cqs.client.sync.Outbox;
import cn.cqs.client.sync.OutboxEntry;
import cn.cqs.client.sync.OutboxTarget;
import cn.cqs.contract.reports.ReportPrintRequest;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * 打印记录 on the client: every print goes into the outbox as {@code POST /api/v1/reports/{id}/prints}
 * with its own idempotency key, so a print made offline is recorded once when the server answers
 * again. No JavaFX.
 */
public final class PrintRecords {
    /** The outbox entry kind of a print record. */
    public static final String KIND = "report.print";
    private final Outbox outbox;

    public PrintRecords(Outbox outbox) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
    }

    /** Queues the record of a print that went to {@code printerName}. */
    public OutboxEntry record(PrintTarget target, int copies, String printerName, Instant printedAt) {
        return outbox.enqueue(KIND, OutboxTarget.post(target.printsPath()),
                new ReportPrintRequest(copies, printerName, printedAt));
    }

    /** The print records of {@code target} not yet delivered to the server. */
    public List<OutboxEntry> undelivered(PrintTarget target) {
        String path = target.printsPath();
        return outbox.pending().stream().filter(e -> e.kind().equals(KIND) && e.target().path().equals(path)).toList();
    }
}
