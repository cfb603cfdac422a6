/**
 * 质量追溯 (traceability) of a production batch: {@code GET /api/v1/batches/{serialNumber}/trace}
 * gives the batch, its mix design (配合比) with the trial-mix report (试配报告), the raw-material
 * lots used (原材料批次) with their own test reports, and the concrete cube test reports
 * (混凝土抗压强度检测报告) of the specimens taken from it, which a lab or the plant links with
 * {@code PUT /api/v1/batches/{serialNumber}/cube-reports/{reportId}}.
 */
package cn.cqs.contract.batches.trace;
