package cn.cqs.contract.reports.splice;

/**
 * The performance grade of a mechanical splice (接头等级), JGJ 107-2016 table 3.0.5, with its
 * tensile strength requirement (极限抗拉强度), fstk being the bar's standard tensile strength and
 * fyk its standard yield strength.
 */
public enum SpliceGrade {
    /** Ⅰ级: ≥ fstk when the bar breaks (钢筋拉断), ≥ 1.10 fstk when the splice fails (连接件破坏). */
    I,
    /** Ⅱ级: ≥ fstk. */
    II,
    /** Ⅲ级: ≥ 1.25 fyk. */
    III
}
