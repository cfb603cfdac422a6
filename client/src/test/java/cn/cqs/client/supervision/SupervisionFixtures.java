package cn.cqs.client.supervision;

import cn.cqs.client.dialogs.RecordingDialogService;
import cn.cqs.client.session.SessionWorkspace;
import cn.cqs.client.sync.LocalStore;
import cn.cqs.client.sync.Replica;
import cn.cqs.contract.json.Json;
import cn.cqs.contract.sync.Change;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

/** Replica records shaped like the server's ReportRecord, and an environment running everything inline. */
final class SupervisionFixtures {
    static final ObjectMapper MAPPER = Json.newMapper();
    static final UUID LAB_A = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    static final UUID LAB_B = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    /** 2026-03-20 10:00 China time. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-20T02:00:00Z"), ZoneOffset.UTC);

    private SupervisionFixtures() {
    }

    static UUID put(Replica replica, UUID lab, String number, String project, String conclusion, boolean late,
                    String issuedAt) {
        UUID id = UUID.randomUUID();
        ObjectNode d = MAPPER.createObjectNode();
        d.put("id", id.toString());
        d.put("type", "CONCRETE_CUBE");
        d.put("reportNumber", number);
        d.put("issuerOrganisationId", lab.toString());
        d.put("issuerName", lab.equals(LAB_A) ? "厦门市建科工程检测有限公司" : "福建建工集团有限公司工地试验室");
        d.put("issuerUscc", lab.equals(LAB_A) ? "91350200776049653A" : "91350102MA2YQ5P73C");
        d.put("projectId", UUID.randomUUID().toString());
        d.put("projectName", project);
        d.put("projectPart", "3号楼五层梁板");
        d.put("sampleName", "混凝土试块");
        d.put("designGrade", "C30");
        if (conclusion.equals("INVALID_GROUP")) {
            d.putNull("representativeStrengthMpa");
        } else {
            d.put("representativeStrengthMpa", new java.math.BigDecimal("33.1"));
        }
        d.put("conclusion", conclusion);
        d.put("issuedAt", issuedAt);
        d.put("receivedAt", Instant.parse(issuedAt).plusSeconds(late ? 30 * 3600 : 600).toString());
        d.put("late", late);
        d.putNull("issuedAtFlag");
        d.put("status", "VALID");
        d.put("testerName", "张检测");
        d.put("reviewerName", "李审核");
        d.put("approverName", "王批准");
        d.put("version", 1);
        replica.apply(Change.upsert(SessionWorkspace.REPORT, id, 1, Instant.parse(issuedAt), d));
        return id;
    }

    static Replica replica(LocalStore store) {
        return new Replica(store, SessionWorkspace.indexers());
    }

    static SupervisionEnvironment environment(LocalStore store, ReportStatisticsSource source,
                                              RecordingDialogService dialogs) {
        return environment(store, source, dialogs, OPENED::add);
    }

    /** Reports opened in the viewer by {@link #environment(LocalStore, ReportStatisticsSource, RecordingDialogService)}. */
    static final java.util.List<cn.cqs.client.viewer.ReportDocument> OPENED =
            java.util.Collections.synchronizedList(new java.util.ArrayList<>());

    static SupervisionEnvironment environment(LocalStore store, ReportStatisticsSource source,
                                              RecordingDialogService dialogs,
                                              cn.cqs.client.viewer.ReportViewerOpener viewers) {
        return new SupervisionEnvironment(new SupervisedReports(store), source, dialogs, Runnable::run, Runnable::run,
                CLOCK, viewers);
    }
}
