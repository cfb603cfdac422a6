package cn.cqs.contract.batches;

/** What the check of a batch's dosing records (投料数据, R20) against its mix design found. */
public enum DosingState {
    /** No dosing records received for the batch. */
    NO_DATA,
    /** Every plate and the cumulative quantities are within tolerance. */
    WITHIN_TOLERANCE,
    /** At least one plate or cumulative quantity is out of tolerance, or a material is missing. */
    OUT_OF_TOLERANCE
}
