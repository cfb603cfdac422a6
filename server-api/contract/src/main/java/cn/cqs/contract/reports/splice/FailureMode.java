package cn.cqs.contract.reports.splice;

/** How a welded joint specimen broke (断口形式); recorded for welded joints only. */
public enum FailureMode {
    /** 延性断裂. */
    DUCTILE,
    /** 脆性断裂. */
    BRITTLE
}
