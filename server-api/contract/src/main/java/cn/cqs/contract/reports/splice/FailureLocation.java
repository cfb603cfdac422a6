package cn.cqs.contract.reports.splice;

/** Where a splice or joint specimen broke (断裂位置). */
public enum FailureLocation {
    /** 断于钢筋母材: in the bar, away from the joint (for a mechanical splice: 钢筋拉断). */
    BASE_METAL,
    /** 断于热影响区: in the heat-affected zone beside a weld; welded joints only. */
    HEAT_AFFECTED_ZONE,
    /** 断于接头: at the weld (断于焊缝), or for a mechanical splice at the coupler (连接件破坏). */
    JOINT
}
