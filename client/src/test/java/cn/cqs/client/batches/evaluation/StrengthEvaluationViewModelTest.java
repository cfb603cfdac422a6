package cn.cqs.client.batches.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cqs.client.i18n.AppLanguage;
import cn.cqs.client.i18n.Localization;
import cn.cqs.contract.batches.evaluation.EvaluatedGroup;
import cn.cqs.contract.batches.evaluation.InspectionLotEvaluation;
import cn.cqs.contract.batches.evaluation.LotEvaluationMethod;
import cn.cqs.contract.batches.evaluation.StrengthEvaluation;
import cn.cqs.contract.projects.Project;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The 强度评定 view model without a stage: input checks, the request it makes, the summary it shows. */
class StrengthEvaluationViewModelTest {
    private final Project project = new Project(UUID.randomUUID(), "翔安区保障性住房二期工程", "350213", "厦门市翔安区",
            null, null, null, UUID.randomUUID(), Instant.now(), Instant.now(), 1);
    private final List<String> requests = new ArrayList<>();
    private List<BigDecimal> strengths = List.of();

    private final StrengthEvaluationSource source = new StrengthEvaluationSource() {
        @Override
        public List<Project> projects() {
            return List.of(project);
        }

        @Override
        public InspectionLotEvaluation evaluate(UUID projectId, String strengthClass, String pourLocation,
                                                BigDecimal sigma0, LotEvaluationMethod method, boolean linkedOnly) {
            requests.add(strengthClass + "|" + pourLocation + "|" + sigma0 + "|" + method + "|" + linkedOnly);
            List<EvaluatedGroup> groups = strengths.stream().map(s -> new EvaluatedGroup(UUID.randomUUID(), "R", "实验室",
                    pourLocation, s, Instant.now(), List.of())).toList();
            return new InspectionLotEvaluation(projectId, project.name(), strengthClass, pourLocation, linkedOnly, groups,
                    groups.isEmpty() ? null : StrengthEvaluation.evaluate(new BigDecimal("30"), strengths, Optional.empty()));
        }
    };

    @BeforeEach
    void chinese() {
        Localization.setLanguage(AppLanguage.CHINESE);
    }

    @Test
    void aBadSigmaIsRefusedBeforeAskingTheServer() {
        StrengthEvaluationViewModel vm = new StrengthEvaluationViewModel(source, Runnable::run, Runnable::run);
        vm.start();
        assertThat(vm.projectProperty().get()).isEqualTo(project);
        vm.sigma0Property().set("三点五");
        vm.evaluate();
        assertThat(requests).isEmpty();
        assertThat(vm.statusProperty().get()).contains("σ0").contains("三点五");
    }

    @Test
    void nineGroupsShowTheNonStatisticalSummaryAndTheVerdict() {
        strengths = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            strengths.add(new BigDecimal("36.0"));
        }
        StrengthEvaluationViewModel vm = new StrengthEvaluationViewModel(source, Runnable::run, Runnable::run);
        vm.start();
        vm.pourLocationProperty().set("  5#楼 三层 梁板 ");
        vm.evaluate();
        assertThat(requests).containsExactly("C30|5#楼 三层 梁板|null|null|false");
        assertThat(vm.groups()).hasSize(9);
        assertThat(vm.criteria()).hasSize(2);
        assertThat(vm.summary()).extracting(StrengthEvaluationViewModel.SummaryLine::value)
                .contains("非统计方法", "9", "36.0", "1.15", "0.95");
        assertThat(vm.conclusionProperty().get()).isEqualTo("评定结论：合格");
        assertThat(vm.qualifiedProperty().get()).isTrue();
    }

    @Test
    void noGroupsSaySo() {
        StrengthEvaluationViewModel vm = new StrengthEvaluationViewModel(source, Runnable::run, Runnable::run);
        vm.start();
        vm.evaluate();
        assertThat(vm.conclusionProperty().get()).isEqualTo("没有符合条件的有效混凝土抗压强度报告。");
        assertThat(vm.summary()).isEmpty();
    }
}
