package cn.cqs.contract.batches.evaluation;

/** The verdict on an inspection lot's strength (检验批混凝土强度评定结论), GB/T 50107-2010. */
public enum LotConclusion {
    /** 合格: every criterion of the method holds. */
    QUALIFIED("合格"),
    /** 不合格: at least one criterion fails. */
    UNQUALIFIED("不合格");

    private final String chineseName;

    LotConclusion(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }
}
