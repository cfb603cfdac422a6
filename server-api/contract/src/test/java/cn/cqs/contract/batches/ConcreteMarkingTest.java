package cn.cqs.contract.batches;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.cqs.contract.json.Json;
import cn.cqs.contract.problem.Problem.FieldError;
import cn.cqs.contract.reports.validation.ReportInputException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConcreteMarkingTest {

    private static List<String> fields(String text) {
        ConcreteMarking.Parsed parsed = ConcreteMarking.parse(text);
        assertThat(parsed.valid()).as("expected errors for %s", text).isFalse();
        return parsed.errors().stream().map(FieldError::field).toList();
    }

    private static FieldError onlyError(String text) {
        ConcreteMarking.Parsed parsed = ConcreteMarking.parse(text);
        assertThat(parsed.errors()).as("errors for %s", text).hasSize(1);
        return parsed.errors().get(0);
    }

    @Test
    void readsTheOrdinaryMarkingWithImpermeability() {
        ConcreteMarking m = ConcreteMarking.of("A-C30-180(S4)-P8-GB/T 14902");
        assertThat(m.category()).isEqualTo(MarkingCategory.A);
        assertThat(m.specialTypes()).isEmpty();
        assertThat(m.strength().code()).isEqualTo("C30");
        assertThat(m.fcuK()).isEqualByComparingTo("30");
        assertThat(m.consistencyMm()).isEqualTo(180);
        assertThat(m.consistency()).isEqualTo(ConsistencyClass.S4);
        assertThat(m.durability()).containsExactly(new DurabilityGrade(DurabilityKind.IMPERMEABILITY, "8"));
        assertThat(m.render()).isEqualTo("A-C30-180(S4)-P8-GB/T 14902");
    }

    @Test
    void readsTheStandardsExampleWithFreezeThawAndElectricFlux() {
        ConcreteMarking m = ConcreteMarking.of("A-C50-180(S4)-F250Q-III-GB/T 14902");
        assertThat(m.durability()).extracting(DurabilityGrade::code).containsExactly("F250", "Q-III");
        assertThat(m.durability(DurabilityKind.CHLORIDE_FLUX)).map(DurabilityGrade::grade).contains("III");
        assertThat(m.render()).isEqualTo("A-C50-180(S4)-F250Q-III-GB/T 14902");
    }

    @Test
    void readsSpecialConcreteWithCombinedTypeCodes() {
        ConcreteMarking m = ConcreteMarking.of("B-SF-C30-190(S4)-P6-GB/T 14902");
        assertThat(m.category()).isEqualTo(MarkingCategory.B);
        assertThat(m.specialTypes()).containsExactly(SpecialConcreteType.S, SpecialConcreteType.F);
        assertThat(m.render()).isEqualTo("B-SF-C30-190(S4)-P6-GB/T 14902");
    }

    @Test
    void readsLightweightFibreConcrete() {
        ConcreteMarking m = ConcreteMarking.of("B-LF-LC40-210(S4)-P8F150-GB/T 14902");
        assertThat(m.strength().lightweight()).isTrue();
        assertThat(m.strength().code()).isEqualTo("LC40");
        assertThat(m.fcuK()).isEqualByComparingTo("40");
        assertThat(m.render()).isEqualTo("B-LF-LC40-210(S4)-P8F150-GB/T 14902");
        assertThat(ConcreteMarking.of("B-L-LC5-50(S2)-GB/T 14902").strength().code()).isEqualTo("LC5.0");
        assertThat(ConcreteMarking.of("B-L-LC7.5-50(S2)-GB/T 14902").strength().code()).isEqualTo("LC7.5");
    }

    @Test
    void aMarkingWithoutDurabilityCodes() {
        assertThat(ConcreteMarking.of("A-C25-120(S3)-GB/T 14902").durability()).isEmpty();
    }

    @Test
    void toleratesSpacesCaseFullWidthAndSeparatorsAndRendersCanonically() {
        ConcreteMarking m = ConcreteMarking.of(" a-c50-180（s4）- Q-III - F250 -gb/t14902 ");
        assertThat(m.render()).isEqualTo("A-C50-180(S4)-F250Q-III-GB/T 14902");
        assertThat(ConcreteMarking.of("A-C50-180(S4)-F250QIII-GB/T 14902").render())
                .isEqualTo("A-C50-180(S4)-F250Q-III-GB/T 14902");
    }

    @Test
    void readsEveryDurabilityKind() {
        ConcreteMarking m = ConcreteMarking.of("A-C40-180(S4)-L-IIT-IVRCM-IIKS90D100F300P12-GB/T 14902");
        assertThat(m.render()).isEqualTo("A-C40-180(S4)-P12F300D100KS90RCM-IIT-IVL-II-GB/T 14902");
    }

    @ParameterizedTest
    @CsvSource({"10, S1", "40, S1", "50, S2", "90, S2", "100, S3", "150, S3", "160, S4", "210, S4", "220, S5",
            "260, S5"})
    void slumpAtTheClassEdgesIsInItsClass(int mm, String cls) {
        assertThat(ConcreteMarking.parse("A-C30-" + mm + "(" + cls + ")-GB/T 14902").valid()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"300, F1", "340, F1", "350, F2", "410, F2", "420, F3", "480, F3", "490, F4", "550, F4",
            "560, F5", "620, F5", "630, F6", "700, F6"})
    void spreadAtTheClassEdgesIsInItsClass(int mm, String cls) {
        assertThat(ConcreteMarking.parse("B-S-C35-" + mm + "(" + cls + ")-GB/T 14902").valid()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"150, S4, S3", "211, S4, ", "45, S1, ", "9, S1, ", "219, S5, ", "341, F1, ", "630, F5, F6"})
    void aValueOutsideItsClassIsRefusedNamingTheRightClass(int mm, String cls, String actual) {
        FieldError e = onlyError("A-C30-" + mm + "(" + cls + ")-GB/T 14902");
        assertThat(e.field()).isEqualTo("concreteMarking.consistency");
        assertThat(e.code()).isEqualTo("out_of_range");
        assertThat(e.message()).contains("not in " + cls);
        if (actual != null) {
            assertThat(e.message()).contains("it is " + actual);
        } else {
            assertThat(e.message()).contains("no ");
        }
    }

    @Test
    void theClassInParenthesesIsRequired() {
        FieldError e = onlyError("A-C30-180-P8-GB/T 14902");
        assertThat(e.field()).isEqualTo("concreteMarking.consistencyClass");
        assertThat(e.code()).isEqualTo("required");
        assertThat(e.message()).contains("180(S4)");
        assertThat(onlyError("A-C30-180(S9)-GB/T 14902").code()).isEqualTo("not_allowed");
        assertThat(onlyError("A-C30-180(V2)-GB/T 14902").field()).isEqualTo("concreteMarking.consistencyClass");
    }

    @Test
    void aMissingSlumpIsReportedAndTheDurabilityStillRead() {
        FieldError e = onlyError("A-C30-P8-GB/T 14902");
        assertThat(e.field()).isEqualTo("concreteMarking.consistency");
        assertThat(e.code()).isEqualTo("required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"C5", "C7.5", "C12", "C33", "C105", "C110"})
    void strengthClassesOutsideTheStandardAreRefused(String cls) {
        FieldError e = onlyError("A-" + cls + "-180(S4)-GB/T 14902");
        assertThat(e.field()).isEqualTo("concreteMarking.strengthClass");
        assertThat(e.code()).isEqualTo("not_allowed");
        assertThat(e.message()).contains("C10 to C100 in steps of 5");
    }

    @ParameterizedTest
    @ValueSource(strings = {"C10", "C15", "C55", "C100"})
    void strengthClassesAtTheEdgesAreAccepted(String cls) {
        assertThat(ConcreteMarking.parse("A-" + cls + "-180(S4)-GB/T 14902").valid()).isTrue();
    }

    @Test
    void lightweightClassesNeedTypeLAndTypeLNeedsThem() {
        assertThat(onlyError("A-LC30-180(S4)-GB/T 14902").message()).contains("needs type code L");
        assertThat(onlyError("B-F-LC30-180(S4)-GB/T 14902").message()).contains("needs type code L");
        assertThat(onlyError("B-L-C30-180(S4)-GB/T 14902").message()).contains("LC");
        assertThat(onlyError("B-L-LC65-180(S4)-GB/T 14902").message()).contains("LC10 to LC60");
        assertThat(onlyError("B-L-LC8-180(S4)-GB/T 14902").code()).isEqualTo("not_allowed");
    }

    @Test
    void highStrengthStartsAtC60() {
        assertThat(ConcreteMarking.parse("B-H-C60-200(S4)-GB/T 14902").valid()).isTrue();
        FieldError e = onlyError("B-H-C55-200(S4)-GB/T 14902");
        assertThat(e.field()).isEqualTo("concreteMarking.strengthClass");
        assertThat(e.message()).contains("C60 or above");
    }

    @Test
    void typeCodesAreCheckedByCategory() {
        FieldError unknown = onlyError("B-SX-C30-190(S4)-GB/T 14902");
        assertThat(unknown.field()).isEqualTo("concreteMarking.specialType");
        assertThat(unknown.message()).contains("Unknown type code 'X'").contains("S 自密实混凝土");
        assertThat(onlyError("B-SS-C30-190(S4)-GB/T 14902").message()).contains("twice");
        assertThat(onlyError("B-C30-190(S4)-GB/T 14902").code()).isEqualTo("required");
        assertThat(onlyError("A-S-C30-190(S4)-GB/T 14902").code()).isEqualTo("not_applicable");
    }

    @Test
    void theCategoryIsAOrB() {
        assertThat(onlyError("C-C30-180(S4)-GB/T 14902").field()).isEqualTo("concreteMarking.category");
        FieldError missing = onlyError("C30-180(S4)-GB/T 14902");
        assertThat(missing.field()).isEqualTo("concreteMarking.category");
        assertThat(missing.code()).isEqualTo("required");
    }

    @Test
    void theStandardIsRequiredAtTheEnd() {
        FieldError missing = onlyError("A-C30-180(S4)-P8");
        assertThat(missing.field()).isEqualTo("concreteMarking.standard");
        assertThat(missing.code()).isEqualTo("required");
        FieldError other = onlyError("A-C30-180(S4)-P8-GB/T 14902-2012");
        assertThat(other.code()).isEqualTo("not_allowed");
        assertThat(onlyError("A-C30-180(S4)-P8-GB 50164").field()).isEqualTo("concreteMarking.standard");
    }

    @Test
    void durabilityCodesAreCheckedAgainstJgjT193() {
        assertThat(onlyError("A-C30-180(S4)-P7-GB/T 14902").message()).contains("P4, P6, P8, P10, P12");
        assertThat(onlyError("A-C30-180(S4)-F500-GB/T 14902").message()).contains("F400");
        assertThat(onlyError("A-C30-180(S4)-Q-VI-GB/T 14902").code()).isEqualTo("not_allowed");
        assertThat(onlyError("A-C30-180(S4)-P8P10-GB/T 14902").message()).contains("twice");
        assertThat(onlyError("A-C30-180(S4)-PII-GB/T 14902").code()).isEqualTo("format");
        FieldError junk = onlyError("A-C30-180(S4)-P8-XYZ-GB/T 14902");
        assertThat(junk.field()).isEqualTo("concreteMarking.durability");
        assertThat(junk.message()).contains("'XYZ'");
    }

    @Test
    void everyProblemIsReportedNotJustTheFirst() {
        assertThat(fields("X-C33-45(S1)-P7"))
                .containsExactly("concreteMarking.standard", "concreteMarking.category",
                        "concreteMarking.strengthClass", "concreteMarking.consistency",
                        "concreteMarking.durability");
    }

    @Test
    void blankAndOverlongTextAreRefused() {
        assertThat(onlyError(" ").code()).isEqualTo("required");
        assertThat(onlyError(null).field()).isEqualTo("concreteMarking");
        assertThat(onlyError("A-C30-180(S4)-" + "P8".repeat(50) + "-GB/T 14902").code()).isEqualTo("too_long");
        assertThat(ConcreteMarking.parse("mixDesigns[2].marking", "").errors().get(0).field())
                .isEqualTo("mixDesigns[2].marking");
    }

    @Test
    void ofThrowsWithEveryProblem() {
        assertThatThrownBy(() -> ConcreteMarking.of("A-C33-180(S3)-GB/T 14902"))
                .isInstanceOf(ReportInputException.class)
                .satisfies(e -> assertThat(((ReportInputException) e).errors()).hasSize(2));
    }

    @Test
    void theConstructorKeepsTheSameRules() {
        MarkingStrength c30 = MarkingStrength.normal(30);
        assertThatThrownBy(() -> new ConcreteMarking(MarkingCategory.A, List.of(), c30, 150, ConsistencyClass.S4,
                List.of())).isInstanceOf(ReportInputException.class).hasMessageContaining("not in S4");
        assertThatThrownBy(() -> new ConcreteMarking(MarkingCategory.B, List.of(), c30, 180, ConsistencyClass.S4,
                List.of())).isInstanceOf(ReportInputException.class);
        ConcreteMarking m = new ConcreteMarking(MarkingCategory.A, List.of(), c30, 180, ConsistencyClass.S4,
                List.of(new DurabilityGrade(DurabilityKind.CHLORIDE_FLUX, "II"),
                        new DurabilityGrade(DurabilityKind.IMPERMEABILITY, "6")));
        assertThat(m.render()).isEqualTo("A-C30-180(S4)-P6Q-II-GB/T 14902");
        assertThatThrownBy(() -> new MarkingStrength(false, new BigDecimal("7.5")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void jsonIsTheCanonicalString() throws Exception {
        ObjectMapper mapper = Json.newMapper();
        ConcreteMarking m = ConcreteMarking.of("a-c30-180(s4)-p8-gb/t 14902");
        assertThat(mapper.writeValueAsString(m)).isEqualTo("\"A-C30-180(S4)-P8-GB/T 14902\"");
        assertThat(mapper.readValue("\"A-C30-180(S4)-P8-GB/T 14902\"", ConcreteMarking.class)).isEqualTo(m);
    }

    @Test
    void strengthHelpersForEvaluation() {
        assertThat(MarkingStrength.normal(20).atMostC20()).isTrue();
        assertThat(MarkingStrength.normal(25).atMostC20()).isFalse();
        assertThat(MarkingStrength.normal(55).atLeastC60()).isFalse();
        assertThat(MarkingStrength.normal(60).atLeastC60()).isTrue();
    }
}
