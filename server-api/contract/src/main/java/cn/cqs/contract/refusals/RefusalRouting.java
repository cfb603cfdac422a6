package cn.cqs.contract.refusals;

/** Why a refusal report went to the region it went to (属地监管部门的确定依据). */
public enum RefusalRouting {
    /** The token verified and names a report in the system: the region of that report's project. */
    REPORT_PROJECT,
    /** The token verified and names a production batch in the system: the region of the batch's project. */
    BATCH_PROJECT,
    /** Concrete without a serial number, for a project the filer chose from the system: that project's region. */
    NAMED_PROJECT,
    /** Otherwise (foreign, forged or not yet uploaded; a project given as free text): the filing organisation's region. */
    FILER_REGION
}
