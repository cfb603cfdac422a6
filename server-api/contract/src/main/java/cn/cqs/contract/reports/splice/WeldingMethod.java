package cn.cqs.contract.reports.splice;

/**
 * The welding methods whose joints JGJ 18-2012 accepts by the three-specimen tensile rule this
 * system implements. Reinforcement-to-plate T joints (预埋件T形接头) have other requirements and
 * are not offered.
 */
public enum WeldingMethod {
    /** 闪光对焊. */
    FLASH_BUTT,
    /** 电弧焊 (帮条焊、搭接焊、坡口焊等). */
    ARC,
    /** 电渣压力焊. */
    ELECTROSLAG_PRESSURE,
    /** 气压焊. */
    GAS_PRESSURE
}
