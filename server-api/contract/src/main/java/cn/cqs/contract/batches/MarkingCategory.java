package cn.cqs.contract.batches;

/**
 * The category of a ready-mixed concrete (预拌混凝土分类), GB/T 14902-2012: the first letter of a
 * {@link ConcreteMarking}.
 */
public enum MarkingCategory {
    /** 常规品: ordinary concrete, no type code. */
    A("常规品"),
    /** 特制品: special concrete, followed by one or more {@link SpecialConcreteType} codes. */
    B("特制品");

    private final String chineseName;

    MarkingCategory(String chineseName) {
        this.chineseName = chineseName;
    }

    /** The Chinese name, e.g. 常规品. */
    public String chineseName() {
        return chineseName;
    }
}
