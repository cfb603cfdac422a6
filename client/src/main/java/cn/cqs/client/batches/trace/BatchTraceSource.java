package cn.cqs.client.batches.trace;

import cn.cqs.contract.batches.trace.BatchTrace;
import cn.cqs.contract.batches.trace.CubeReportCandidate;
import cn.cqs.contract.batches.trace.TracedCubeReport;
import java.util.List;
import java.util.UUID;

/**
 * Where the 批次追溯 screen and the lab's 关联到批次 action get and change a batch's trace: the server
 * (tests substitute it). Calls block; run them off the JavaFX thread. Refusals come as
 * {@link cn.cqs.client.api.ApiProblemException} (404 for a batch the caller may not see), an
 * unreachable server as {@link cn.cqs.client.api.ServerUnreachableException}.
 */
public interface BatchTraceSource {
    /** {@code GET /api/v1/batches/{serialNumber}/trace}. */
    BatchTrace trace(String serialNumber);

    /** {@code GET /api/v1/batches/{serialNumber}/cube-report-candidates} (the batch's plant only). */
    List<CubeReportCandidate> candidates(String serialNumber);

    /** {@code PUT /api/v1/batches/{serialNumber}/cube-reports/{reportId}}: 关联试块报告 (idempotent). */
    TracedCubeReport link(String serialNumber, UUID reportId);

    /** {@code DELETE /api/v1/batches/{serialNumber}/cube-reports/{reportId}}: 取消关联 (idempotent). */
    void unlink(String serialNumber, UUID reportId);
}
