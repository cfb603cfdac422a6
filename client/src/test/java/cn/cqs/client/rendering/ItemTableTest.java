package cn.cqs.client.rendering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.cqs.contract.reports.Conclusion;
import cn.cqs.contract.reports.ItemConclusion;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ItemTableTest {
    static final ItemConclusion YIELD = new ItemConclusion("yieldStrength", "下屈服强度", "Lower yield strength",
            "≥400 MPa", Conclusion.QUALIFIED);
    static final ItemConclusion AGT = new ItemConclusion("totalElongation", "最大力总延伸率",
            "Total elongation at maximum force", "≥9.0 %", Conclusion.RETEST_REQUIRED);
    static final ItemConclusion MASS = new ItemConclusion("massDeviation", "重量偏差", "Mass deviation", "±4.5 %",
            Conclusion.NOT_TESTED);

    @Test
    void oneRowPerItemWithTheMeasuredValueAndTheConclusionInChinese() {
        List<TableRow> rows = ItemTable.rows(List.of(YIELD, AGT, MASS),
                Map.of("yieldStrength", "450 / 455 MPa", "totalElongation", "8.5 / 12.0 %"));
        assertThat(rows).extracting(TableRow::section).containsOnly(TableRow.ITEMS);
        assertThat(rows.get(0).cells()).containsExactly("1",
                "下屈服强度  <style size=\"6.5\">Lower yield strength</style>", "≥400 MPa", "450 / 455 MPa", "合格");
        assertThat(rows.get(1).cells()).endsWith("8.5 / 12.0 %", "需双倍复检");
        // an item not tested needs no measured value and prints empty ("/")
        assertThat(rows.get(2).cells()).endsWith("", "未检");
    }

    @Test
    void aTestedItemWithoutMeasuredValueIsAnErrorNamingIt() {
        assertThatThrownBy(() -> ItemTable.rows(List.of(YIELD, AGT), Map.of("yieldStrength", "450 MPa")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("totalElongation");
    }

    @Test
    void markupInNamesIsEscaped() {
        ItemConclusion odd = new ItemConclusion("x", "强度<比>", "A & B", "≥1", Conclusion.QUALIFIED);
        assertThat(ItemTable.rows(List.of(odd), Map.of("x", "1")).get(0).cells().get(1))
                .isEqualTo("强度&lt;比&gt;  <style size=\"6.5\">A &amp; B</style>");
    }

    @Test
    void theConclusionInWordsNamesTheItemsBehindIt() {
        List<ItemConclusion> items = List.of(YIELD, AGT, MASS);
        assertThat(ItemTable.conclusionText("GB/T 1499.2-2018", "HRB400E", List.of(YIELD), Conclusion.QUALIFIED))
                .isEqualTo("依据 GB/T 1499.2-2018 检测，所检项目均符合 HRB400E 的要求。");
        assertThat(ItemTable.conclusionText("GB/T 1499.2-2018", "HRB400E", items, Conclusion.RETEST_REQUIRED))
                .isEqualTo("依据 GB/T 1499.2-2018 检测，最大力总延伸率不符合 HRB400E 的要求，应另取双倍数量试样对该项目进行复检。");
        ItemConclusion failed = new ItemConclusion("bend", "弯曲性能", "Bend", "D=4d", Conclusion.UNQUALIFIED);
        assertThat(ItemTable.conclusionText("GB/T 1499.2-2018", "HRB400E", List.of(YIELD, failed),
                Conclusion.UNQUALIFIED)).isEqualTo("依据 GB/T 1499.2-2018 检测，弯曲性能不符合 HRB400E 的要求。");
        ItemConclusion invalid = new ItemConclusion("compressiveStrength", "抗压强度", "Compressive strength", "≥10 MPa",
                Conclusion.INVALID);
        assertThat(ItemTable.conclusionText("JGJ/T 70-2009", "M10", List.of(invalid), Conclusion.INVALID))
                .isEqualTo("依据 JGJ/T 70-2009 检测，抗压强度的试验结果无效，应重新取样试验。");
        assertThatThrownBy(() -> ItemTable.conclusionText("x", "y", items, Conclusion.NOT_TESTED))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
