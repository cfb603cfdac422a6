package cn.cqs.contract.reports.splice;

/**
 * The welding methods whose joints JGJ 18-2012 accepts by the three-specimen tensile rule this
 * system implements. Reinforcement-to-plate T joints (预埋件T形接头) have other requirements and
 * are not offered.
 */
public enum WeldingMethod {
    /** 闪光对焊. */
    FLASH_BUTT("闪光对焊"),
    /** 电弧焊 (帮条焊、搭接焊、坡口焊等). */
    ARC("电弧焊"),
    /** 电渣压力焊. */
    ELECTROSLAG_PRESSURE("电渣压力焊"),
    /** 气压焊. */
    GAS_PRESSURE("气压焊");

    private final String nameZh;

    WeldingMethod(String nameZh) {
        this.nameZh = nameZh;
    }

    /** The Chinese name as printed, e.g. 闪光对焊. */
    public String nameZh() {
        return nameZh;
    }
}
