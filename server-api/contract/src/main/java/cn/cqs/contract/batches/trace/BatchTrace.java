package cn.cqs.contract.batches.trace;

import java.util.List;

/**
 * {@code GET /api/v1/batches/{serialNumber}/trace}: batch → mix design (+ trial report) → material
 * lots (+ their test reports), and batch → the cube test reports of specimens taken from it.
 *
 * @param cubeReports linked cube reports, newest issue first
 */
public record BatchTrace(TracedBatch batch, TracedMixDesign mixDesign, List<TracedLot> lots,
                         List<TracedCubeReport> cubeReports) {
    public BatchTrace {
        lots = List.copyOf(lots);
        cubeReports = List.copyOf(cubeReports);
    }
}
