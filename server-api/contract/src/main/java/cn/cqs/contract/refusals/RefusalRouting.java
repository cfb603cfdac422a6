package cn.cqs.contract.refusals;

/** Why a refusal report went to the region it went to (属地监管部门的确定依据). */
public enum RefusalRouting {
    /** The token verified and names a report in the system: the region of that report's project. */
    REPORT_PROJECT,
    /** Otherwise (foreign, forged or not yet uploaded): the filing organisation's registered region. */
    FILER_REGION
}
