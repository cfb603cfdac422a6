package cn.cqs.contract.reports.cube;

/**
 * The single-item conclusion (单项结论) a cube strength report states for one group. It compares
 * one group with its design grade only; accepting the concrete of an inspection lot (检验批) is
 * the statistical evaluation of GB/T 50107, which uses many groups.
 */
public enum CubeConclusion {
    /**
     * The representative strength is at least fcu,k: 达到设计强度等级 (meets the design grade).
     */
    MEETS_GRADE,
    /**
     * The representative strength is below fcu,k: 未达到设计强度等级 (below the design grade).
     */
    BELOW_GRADE,
    /**
     * Both extreme values differ from the middle value by more than 15 %: 该组试验结果无效
     * (the group's result is invalid; no representative strength).
     */
    INVALID_GROUP
}
