package cn.cqs.contract.reports.cement;

import cn.cqs.contract.reports.Conclusion;
import cn.cqs.contract.reports.ItemConclusion;
import cn.cqs.contract.reports.cement.CementStrengthClasses.Requirement;
import java.util.List;
import java.util.Objects;

/**
 * The evaluated cement test, as the report shows it.
 *
 * @param edition             the GB 175 edition judged by
 * @param requirement         the strength class row (type, class, minimums)
 * @param flexural3d          3-day flexural group
 * @param compressive3d       3-day compressive group
 * @param flexural28d         28-day flexural group
 * @param compressive28d      28-day compressive group
 * @param initialSettingMin   初凝时间
 * @param finalSettingMin     终凝时间
 * @param maxFinalSettingMin  the final setting limit: 390 for P·I/P·II, else 600
 * @param soundnessQualified  安定性 (沸煮法)
 * @param provisionalLimits   true when a limit used is not verified for the edition (GB 175-2023's
 *                            3-day compressive minimums); the report should say so
 * @param items               the single-item conclusions, in report order
 * @param conclusion          the overall conclusion
 */
public record CementResult(
        Gb175Edition edition,
        Requirement requirement,
        PrismGroupResult flexural3d,
        PrismGroupResult compressive3d,
        PrismGroupResult flexural28d,
        PrismGroupResult compressive28d,
        int initialSettingMin,
        int finalSettingMin,
        int maxFinalSettingMin,
        boolean soundnessQualified,
        boolean provisionalLimits,
        List<ItemConclusion> items,
        Conclusion conclusion) {

    public CementResult {
        Objects.requireNonNull(edition, "edition");
        Objects.requireNonNull(requirement, "requirement");
        Objects.requireNonNull(flexural3d, "flexural3d");
        Objects.requireNonNull(compressive3d, "compressive3d");
        Objects.requireNonNull(flexural28d, "flexural28d");
        Objects.requireNonNull(compressive28d, "compressive28d");
        items = List.copyOf(items);
        Objects.requireNonNull(conclusion, "conclusion");
    }

    /** The single-item conclusion of {@code item} (e.g. {@code compressive28d}). */
    public Conclusion item(String item) {
        return items.stream().filter(i -> i.item().equals(item)).map(ItemConclusion::conclusion).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No item '" + item + "' in this result"));
    }
}
