package cn.cqs.contract.reports.cement;

/** How a group of GB/T 17671 prism results was turned into one strength (结果的计算). */
public enum GroupMethod {
    /** No value lies more than 10 % from the mean: the mean of all (全部平均). */
    MEAN,
    /** One value lay more than 10 % from the mean and was discarded (剔除一个后平均). */
    ONE_DISCARDED,
    /** The scatter rule voids the group (结果作废): the item is {@code INVALID}. */
    INVALID
}
