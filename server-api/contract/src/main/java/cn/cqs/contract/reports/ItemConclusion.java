package cn.cqs.contract.reports;

import java.util.Objects;

/**
 * One line of a report's results table: a test item (检测项目), its requirement (技术要求) as
 * printed, and its single-item conclusion (单项结论). The measured values themselves are in the
 * report type's result record.
 *
 * @param item        a stable code for the item, e.g. {@code yieldStrength}; templates and
 *                    clients key their labels on it
 * @param nameZh      the item's Chinese name, e.g. 下屈服强度
 * @param nameEn      the item's English name, e.g. Lower yield strength
 * @param requirement the requirement as printed, e.g. {@code ≥400 MPa}
 * @param conclusion  the single-item conclusion
 */
public record ItemConclusion(String item, String nameZh, String nameEn, String requirement, Conclusion conclusion) {
    public ItemConclusion {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(nameZh, "nameZh");
        Objects.requireNonNull(nameEn, "nameEn");
        Objects.requireNonNull(requirement, "requirement");
        Objects.requireNonNull(conclusion, "conclusion");
    }
}
