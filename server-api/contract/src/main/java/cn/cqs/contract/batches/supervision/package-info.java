/**
 * 搅拌站投料监管 (regulators' view of ready-mix plants): per-plant counts of batches, their dosing
 * checks (投料数据, R20) and their start/end notifications (开盘/完成告知, R7) in a period, with a
 * per-day or per-week series for charts, and the drill-down to a plant's batches. Records of
 * {@code GET /api/v1/supervision/plants/dosing} and {@code GET /api/v1/supervision/plants/{plantId}/batches}.
 */
package cn.cqs.contract.batches.supervision;
