package cn.cqs.client.rendering;

import cn.cqs.contract.reports.Conclusion;
import cn.cqs.contract.reports.ItemConclusion;
import cn.cqs.contract.reports.TestRound;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The single-item conclusions table (检测项目 / 技术要求 / 检测结果 / 单项结论) every report type
 * prints from its rule's {@code items()}, and the overall conclusion in words.
 */
final class ItemTable {

    private ItemTable() {
    }

    /**
     * One {@link TableRow#ITEMS} row per item: number, Chinese name followed by the English name
     * small (styled markup), requirement, measured value and conclusion.
     *
     * @param measured the measured value as printed, by item code; an item not tested may be absent
     * @throws IllegalStateException when a tested item has no measured value (the rule gained an
     *                               item the print model does not know yet)
     */
    static List<TableRow> rows(List<ItemConclusion> items, Map<String, String> measured) {
        List<TableRow> rows = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            ItemConclusion item = items.get(i);
            String value = measured.get(item.item());
            if (value == null) {
                if (item.conclusion() != Conclusion.NOT_TESTED) {
                    throw new IllegalStateException("no measured value printed for the item '" + item.item() + "'");
                }
                value = "";
            }
            rows.add(TableRow.of(TableRow.ITEMS, Integer.toString(i + 1),
                    PrintTexts.escapeMarkup(item.nameZh()) + "  <style size=\"6.5\">"
                            + PrintTexts.escapeMarkup(item.nameEn()) + "</style>",
                    item.requirement(), value, item.conclusion().nameZh()));
        }
        return rows;
    }

    /**
     * The conclusion in words, e.g. "依据 GB/T 1499.2-2018 检测，所检项目均符合 HRB400E 的要求。"
     *
     * @param standard the standard judged by
     * @param subject  what the requirements belong to, e.g. a grade
     */
    static String conclusionText(String standard, String subject, List<ItemConclusion> items, Conclusion overall) {
        String by = "依据 " + standard + " 检测，";
        String named = items.stream().filter(i -> i.conclusion() == overall).map(ItemConclusion::nameZh)
                .collect(Collectors.joining("、"));
        return switch (overall) {
            case QUALIFIED -> by + "所检项目均符合 " + subject + " 的要求。";
            case UNQUALIFIED -> by + named + "不符合 " + subject + " 的要求。";
            case RETEST_REQUIRED -> by + named + "不符合 " + subject + " 的要求，应另取双倍数量试样对该项目进行复检。";
            case INVALID -> by + named + "的试验结果无效，应重新取样试验。";
            case NOT_TESTED -> throw new IllegalArgumentException("NOT_TESTED is never an overall conclusion");
        };
    }

    /** The test round as printed. */
    static String round(TestRound round) {
        return switch (round) {
            case INITIAL -> "初检 First test";
            case RETEST -> "复检（双倍试样） Retest";
        };
    }
}
