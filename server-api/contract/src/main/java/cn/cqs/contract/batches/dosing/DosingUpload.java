package cn.cqs.contract.batches.dosing;

import java.util.List;

/**
 * {@code PUT /api/v1/plant/batches/{batchId}/dosing} with {@code application/json}: the complete set
 * of a batch's dosing records (投料数据, R20). The set replaces the batch's previous one; sending the
 * same set again changes nothing. (The same endpoint takes the control system's CSV export as
 * {@code text/csv}, see {@code docs/rules/dosing.md}.)
 *
 * @param computerControlled whether the plant doses under computer control (计算机控制计量), so the
 *                           cumulative tolerances apply; required
 * @param plates             every plate of the batch, 1 to {@link #MAX_PLATES}
 */
public record DosingUpload(Boolean computerControlled, List<DosingPlateInput> plates) {
    /** The most plates one upload may carry. */
    public static final int MAX_PLATES = DosingCsv.MAX_PLATES;
}
