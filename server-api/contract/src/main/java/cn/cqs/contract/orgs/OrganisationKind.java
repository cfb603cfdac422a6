package cn.cqs.contract.orgs;

/** What kind of organisation a user belongs to (R2, R4). */
public enum OrganisationKind {
    /** 主管部门: a housing and construction authority at province, city or county level. */
    REGULATOR,
    /** 检测机构: an independent testing lab. */
    TESTING_AGENCY,
    /** 预拌混凝土企业（含实验室）: a ready-mixed concrete producer with its lab. */
    READY_MIX_PLANT,
    /** 施工企业实验室: a construction company's own lab. */
    CONTRACTOR_LAB;

    public boolean isEnterprise() {
        return this != REGULATOR;
    }
}
