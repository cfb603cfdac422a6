package cn.cqs.contract.reports.cube;

/**
 * How the strength of a group of three cubes (一组试件的强度值) was determined, GB/T 50081-2019.
 */
public enum EvaluationMethod {
    /**
     * Neither the highest nor the lowest strength differs from the middle one by more than 15 % of
     * the middle one: the group value is the mean of the three (取三个试件测值的算术平均值).
     */
    MEAN,
    /**
     * Exactly one of the highest and lowest differs from the middle one by more than 15 %: the
     * group value is the middle value (取中间值).
     */
    MIDDLE_VALUE,
    /**
     * Both the highest and the lowest differ from the middle one by more than 15 %: the group's
     * result is invalid (该组试件的试验结果无效) and has no value.
     */
    INVALID
}
