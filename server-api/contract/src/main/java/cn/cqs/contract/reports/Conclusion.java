package cn.cqs.contract.reports;

import java.util.Collection;
import java.util.Objects;

/**
 * A conclusion a report states, for one test item (单项结论) or for the whole sample (检测结论).
 * Used by every report type except the concrete cube, which keeps its own
 * {@link cn.cqs.contract.reports.cube.CubeConclusion} (its tokens are already signed).
 */
public enum Conclusion {
    /** 合格: meets the requirement (for a strength group: reaches the design grade). */
    QUALIFIED("合格", "Qualified"),
    /** 不合格: fails the requirement, with no retest left to take. */
    UNQUALIFIED("不合格", "Unqualified"),
    /**
     * 需双倍复检: the first test failed in a way the standard answers with a retest on double the
     * number of specimens (复检); the batch is neither accepted nor rejected yet.
     */
    RETEST_REQUIRED("需双倍复检", "Retest on double specimens required"),
    /** 试验结果无效: the scatter rule voids the result (e.g. two outliers); the test must be redone. */
    INVALID("试验结果无效", "Test result invalid"),
    /** 未检: the item was not part of this test (e.g. not retested). Never an overall conclusion. */
    NOT_TESTED("未检", "Not tested");

    private final String nameZh;
    private final String nameEn;

    Conclusion(String nameZh, String nameEn) {
        this.nameZh = nameZh;
        this.nameEn = nameEn;
    }

    /** The Chinese wording printed on reports. */
    public String nameZh() {
        return nameZh;
    }

    /** The English wording. */
    public String nameEn() {
        return nameEn;
    }

    /**
     * The overall conclusion from item conclusions: {@link #UNQUALIFIED} if any item is, else
     * {@link #RETEST_REQUIRED} if any item is, else {@link #INVALID} if any item is, else
     * {@link #QUALIFIED}. {@link #NOT_TESTED} items are skipped.
     *
     * @throws IllegalArgumentException when no item was tested
     */
    public static Conclusion overall(Collection<Conclusion> items) {
        Objects.requireNonNull(items, "items");
        if (items.stream().allMatch(c -> c == NOT_TESTED)) {
            throw new IllegalArgumentException("An overall conclusion needs at least one tested item");
        }
        for (Conclusion worst : new Conclusion[] {UNQUALIFIED, RETEST_REQUIRED, INVALID}) {
            if (items.contains(worst)) {
                return worst;
            }
        }
        return QUALIFIED;
    }
}
