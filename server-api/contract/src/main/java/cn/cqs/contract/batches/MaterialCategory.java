package cn.cqs.contract.batches;

/**
 * The dosing-tolerance class of a raw material (计量允许偏差的材料类别), GB/T 14902-2012 and
 * GB 50164-2011: binders (胶凝材料), aggregates (骨料), water (水), admixtures (外加剂).
 */
public enum MaterialCategory {
    /** 胶凝材料: cement, fly ash, slag powder. */
    BINDER,
    /** 骨料: sand and stone. */
    AGGREGATE,
    /** 水: mixing water. */
    WATER,
    /** 外加剂: chemical admixtures. */
    ADMIXTURE
}
