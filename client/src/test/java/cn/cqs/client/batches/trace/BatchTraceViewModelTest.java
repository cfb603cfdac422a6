package cn.cqs.client.batches.trace;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cqs.client.api.ApiProblemException;
import cn.cqs.client.api.ServerUnreachableException;
import cn.cqs.client.dialogs.RecordingDialogService;
import cn.cqs.client.i18n.AppLanguage;
import cn.cqs.client.i18n.Localization;
import cn.cqs.contract.auth.CurrentUser;
import cn.cqs.contract.batches.DosingState;
import cn.cqs.contract.batches.trace.BatchTrace;
import cn.cqs.contract.batches.trace.CubeReportCandidate;
import cn.cqs.contract.batches.trace.TracedBatch;
import cn.cqs.contract.batches.trace.TracedCubeReport;
import cn.cqs.contract.batches.trace.TracedMixDesign;
import cn.cqs.contract.orgs.OrganisationKind;
import cn.cqs.contract.orgs.Permission;
import cn.cqs.contract.orgs.Role;
import cn.cqs.contract.problem.Problem;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The trace's states and the link dialog's outcomes, without a stage (work runs inline). */
class BatchTraceViewModelTest {
    static final String SERIAL = "20261124-776049653-000017";
    static final UUID PLANT = UUID.randomUUID();
    final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    final List<String> calls = new ArrayList<>();
    final RecordingDialogService dialogs = new RecordingDialogService();
    final TracedBatch batch = new TracedBatch(UUID.randomUUID(), SERIAL, "SC-1", PLANT, "搅拌站", UUID.randomUUID(), "工程",
            "3#楼 五层 梁板", "A-C30-180(S4)-GB/T 14902", new BigDecimal("12.000"), null, null, DosingState.NO_DATA);
    final CubeReportCandidate candidate = new CubeReportCandidate(UUID.randomUUID(), "2026-HNT-000001", "检测机构", "3#楼",
            "C30", new BigDecimal("36.2"), "QUALIFIED", LocalDate.of(2026, 10, 27), Instant.now(), false);

    final BatchTraceSource source = new BatchTraceSource() {
        @Override
        public BatchTrace trace(String serialNumber) {
            calls.add("trace " + serialNumber);
            if (failure.get() != null) {
                throw failure.get();
            }
            return new BatchTrace(batch, new TracedMixDesign(UUID.randomUUID(), "PB-1", batch.marking(), "C30", null, null),
                    List.of(), List.of());
        }

        @Override
        public List<CubeReportCandidate> candidates(String serialNumber) {
            return List.of(candidate);
        }

        @Override
        public TracedCubeReport link(String serialNumber, UUID reportId) {
            calls.add("link " + reportId);
            if (failure.get() != null) {
                throw failure.get();
            }
            return new TracedCubeReport(reportId, candidate.reportNumber(), "检测机构", "3#楼", "C30",
                    new BigDecimal("36.2"), "QUALIFIED", "VALID", Instant.now(), Instant.now(), PLANT, "搅拌站");
        }

        @Override
        public void unlink(String serialNumber, UUID reportId) {
            calls.add("unlink " + reportId);
        }
    };

    @BeforeEach
    void chinese() {
        Localization.setLanguage(AppLanguage.CHINESE);
    }

    BatchTraceViewModel vm(Set<Permission> permissions, List<CubeReportLinkViewModel> dialogsShown) {
        boolean plant = permissions.contains(Permission.BATCHES_REGISTER);
        CurrentUser user = new CurrentUser(UUID.randomUUID(), "u", "用户", Role.ORDINARY, permissions,
                plant ? PLANT : UUID.randomUUID(), plant ? "搅拌站" : "福州市住建局",
                plant ? OrganisationKind.READY_MIX_PLANT : OrganisationKind.REGULATOR, "350104");
        return new BatchTraceViewModel(new BatchTraceEnvironment(source, user, doc -> { }, dialogs,
                SerialLabels.standard(), dialogsShown::add, Runnable::run, Runnable::run));
    }

    @Test
    void anUnreachableServerAndAMalformedNumberAreSaidPlainly() {
        BatchTraceViewModel vm = vm(Set.of(Permission.BATCHES_REGISTER), new ArrayList<>());
        failure.set(new ServerUnreachableException(URI.create("https://cqs.example"), new java.io.IOException("refused")));
        vm.load(SERIAL);
        assertThat(vm.stateProperty().get()).isEqualTo(TraceState.UNREACHABLE);
        assertThat(vm.messageProperty().get()).isEqualTo("无法连接服务器，请检查网络后重试。");

        vm.load("  ");
        assertThat(vm.stateProperty().get()).isEqualTo(TraceState.INVALID);
        assertThat(vm.messageProperty().get()).isEqualTo("请输入生产流水号。");
        assertThat(calls).containsExactly("trace " + SERIAL);
    }

    @Test
    void theLinkDialogShowsTheServersRefusalWithFieldAndReasonAndStaysOpen() {
        List<CubeReportLinkViewModel> shown = new ArrayList<>();
        BatchTraceViewModel vm = vm(Set.of(Permission.BATCHES_REGISTER), shown);
        vm.load(SERIAL);
        assertThat(vm.stateProperty().get()).isEqualTo(TraceState.SHOWN);
        assertThat(vm.mayLinkProperty().get()).isTrue();
        assertThat(vm.batchLines()).contains(new BatchTraceViewModel.Line("方量", "12 m³"));
        vm.linkCubeReports();
        CubeReportLinkViewModel link = shown.get(0);
        assertThat(link.candidates()).containsExactly(candidate);
        assertThat(link.selectedProperty().get()).isEqualTo(candidate);

        failure.set(new ApiProblemException(new Problem("about:blank", "Validation failed", 422, "invalid", null,
                "validation", List.of(new Problem.FieldError("reportId", "other_project", "belongs to another project")))));
        link.link();
        assertThat(link.failedProperty().get()).isTrue();
        assertThat(link.messageProperty().get())
                .isEqualTo("未能关联报告 2026-HNT-000001：报告：报告所属工程与该批次的工程不同");
        assertThat(link.closedProperty().get()).isFalse();

        failure.set(null);
        link.link();
        assertThat(link.closedProperty().get()).isTrue();
        assertThat(vm.linkMessageProperty().get()).isEqualTo("已关联试块报告 2026-HNT-000001。");
        assertThat(calls).filteredOn(c -> c.startsWith("trace")).hasSize(2); // loaded, then refreshed after the link
    }

    @Test
    void aRegulatorIsNotOfferedTheLink() {
        BatchTraceViewModel vm = vm(Set.of(Permission.BATCHES_SUPERVISE), new ArrayList<>());
        vm.load(SERIAL);
        assertThat(vm.mayLinkProperty().get()).isFalse();
        vm.linkCubeReports();
        assertThat(calls).containsExactly("trace " + SERIAL);
    }
}
