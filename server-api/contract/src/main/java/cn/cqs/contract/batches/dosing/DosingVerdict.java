package cn.cqs.contract.batches.dosing;

/** What the comparison of one material's dosed mass with its target found. */
public enum DosingVerdict {
    /** Within the permitted deviation (允许偏差内); exactly at the limit is within. */
    WITHIN,
    /** Beyond the permitted deviation (超出允许偏差). */
    OUT,
    /** In the mix design but not weighed (缺少该材料). */
    MISSING,
    /** Weighed (more than 0 kg) but not in the mix design (配合比外材料). */
    NOT_IN_DESIGN,
    /** Cumulative deviation of a plant that is not computer-controlled: shown, not judged. */
    NOT_JUDGED;

    /** Whether this verdict is a finding against the plant. */
    public boolean isFinding() {
        return this == OUT || this == MISSING || this == NOT_IN_DESIGN;
    }
}
