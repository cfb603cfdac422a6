package cn.cqs.contract.batches.evaluation;

/**
 * The methods GB/T 50107-2010 evaluates an inspection lot's (检验批) concrete strength by.
 */
public enum LotEvaluationMethod {
    /**
     * 统计方法（标准差已知）, §5.1.2: continuous production whose conditions and strength variability
     * stay stable; the lot is 3 consecutive groups and σ0 comes from the previous period.
     */
    STATISTICAL_KNOWN_SIGMA("统计方法（标准差已知）"),
    /** 统计方法（标准差未知）, §5.1.3: 10 or more groups; the lot's own standard deviation Sfcu. */
    STATISTICAL_UNKNOWN_SIGMA("统计方法（标准差未知）"),
    /** 非统计方法, §5.2: fewer than 10 groups. */
    NON_STATISTICAL("非统计方法");

    private final String chineseName;

    LotEvaluationMethod(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }
}
