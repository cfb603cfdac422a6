package cn.cqs.client.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.cqs.contract.json.Json;
import cn.cqs.contract.sync.Change;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplicaTest {
    private static final ObjectMapper JSON = Json.newMapper();
    private static final Instant T0 = Instant.parse("2024-05-01T00:00:00Z");

    @TempDir
    Path dir;
    LocalStore store;
    Replica replica;

    @BeforeEach
    void open() {
        store = LocalStore.open(dir.resolve("u.db"));
        replica = new Replica(store, ReplicaIndexers.textOnly()
                .with("reports", ReplicaIndexer.fields("reportNumber", "testedOn", "projectId")));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static ObjectNode report(String number, String project, LocalDate day, UUID projectId) {
        ObjectNode n = JSON.createObjectNode();
        n.put("reportNumber", number).put("projectName", project).put("testedOn", day.toString())
                .put("projectId", projectId.toString()).put("strengthMpa", new java.math.BigDecimal("31.50"));
        return n;
    }

    @Test
    void versionsNeverGoBackAndDuplicatesAreIgnored() {
        UUID id = UUID.randomUUID();
        UUID project = UUID.randomUUID();
        assertThat(replica.apply(Change.upsert("reports", id, 2, T0, report("R-2", "A", LocalDate.of(2024, 5, 1), project)))).isTrue();
        assertThat(replica.apply(Change.upsert("reports", id, 1, T0, report("R-1", "A", LocalDate.of(2024, 5, 1), project)))).isFalse();
        assertThat(replica.apply(Change.upsert("reports", id, 2, T0, report("R-2 again", "A", LocalDate.of(2024, 5, 1), project)))).isFalse();

        CachedRecord cached = replica.find("reports", id).orElseThrow();
        assertThat(cached.version()).isEqualTo(2);
        assertThat(cached.title()).isEqualTo("R-2");
        assertThat(cached.day()).isEqualTo(LocalDate.of(2024, 5, 1));
        assertThat(cached.parentId()).isEqualTo(project);
        assertThat(cached.data().get("strengthMpa").decimalValue()).hasToString("31.50");

        assertThat(replica.apply(Change.upsert("reports", id, 3, T0, report("R-3", "A", LocalDate.of(2024, 5, 2), project)))).isTrue();
        assertThat(replica.find("reports", id).orElseThrow().title()).isEqualTo("R-3");
    }

    @Test
    void tombstonesHideTheRecordAndAnOlderCopyCannotResurrectIt() {
        UUID id = UUID.randomUUID();
        UUID project = UUID.randomUUID();
        replica.apply(Change.upsert("reports", id, 1, T0, report("R-1", "A", LocalDate.of(2024, 5, 1), project)));
        assertThat(replica.apply(Change.tombstone("reports", id, 2, T0))).isTrue();
        assertThat(replica.apply(Change.upsert("reports", id, 1, T0, report("R-1", "A", LocalDate.of(2024, 5, 1), project)))).isFalse();

        assertThat(replica.find("reports", id)).isEmpty();
        assertThat(replica.findIncludingTombstone("reports", id).orElseThrow().deleted()).isTrue();
        assertThat(replica.query(ReplicaQuery.of("reports")).total()).isZero();

        // a tombstone for a record never seen is kept too
        UUID unseen = UUID.randomUUID();
        replica.apply(Change.tombstone("reports", unseen, 5, T0));
        assertThat(replica.apply(Change.upsert("reports", unseen, 4, T0, report("late", "A", LocalDate.of(2024, 5, 1), project)))).isFalse();
        assertThat(replica.find("reports", unseen)).isEmpty();
    }

    @Test
    void fiftyThousandRecordsFilterLocallyByTextDateAndParentWithPaging() {
        UUID[] projects = {UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()};
        String[] names = {"福州滨海新城一期", "Xiamen Metro Line 6", "泉州东海大道"};
        LocalDate start = LocalDate.of(2024, 1, 1);
        long t = System.nanoTime();
        List<Change> changes = new java.util.ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            changes.add(Change.upsert("reports", UUID.randomUUID(), 1, T0,
                    report(String.format("R%05d", i), names[i % 3], start.plusDays(i % 366), projects[i % 3])));
        }
        int[] counts = store.inTransaction(c -> replica.applyAll(c, changes));
        assertThat(counts).containsExactly(50_000, 0);
        System.out.printf("ReplicaTest: inserted 50,000 records in %d ms%n", (System.nanoTime() - t) / 1_000_000);

        t = System.nanoTime();
        ReplicaPage all = replica.query(ReplicaQuery.of("reports").withPage(0, 50));
        System.out.printf("ReplicaTest: first page of all in %d ms%n", (System.nanoTime() - t) / 1_000_000);
        assertThat(all.total()).isEqualTo(50_000);
        assertThat(all.items()).hasSize(50).allSatisfy(r -> assertThat(r.day()).isEqualTo(start.plusDays(365)));
        assertThat(all.hasMore()).isTrue();

        t = System.nanoTime();
        ReplicaPage metro = replica.query(ReplicaQuery.of("reports").withText("METRO line"));
        System.out.printf("ReplicaTest: text search in %d ms%n", (System.nanoTime() - t) / 1_000_000);
        long expectedMetro = 50_000 / 3 + (50_000 % 3 > 1 ? 1 : 0);
        assertThat(metro.total()).isEqualTo(expectedMetro);
        assertThat(metro.items()).allSatisfy(r -> assertThat(r.data().get("projectName").asText()).isEqualTo(names[1]));

        ReplicaPage chinese = replica.query(ReplicaQuery.of("reports").withText("滨海"));
        assertThat(chinese.total()).isEqualTo(50_000 / 3 + 1);

        t = System.nanoTime();
        ReplicaPage march = replica.query(ReplicaQuery.of("reports")
                .withDays(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 31)).withParent(projects[0]));
        System.out.printf("ReplicaTest: date range + parent in %d ms%n", (System.nanoTime() - t) / 1_000_000);
        // count by brute force over the same generator
        long expected = 0;
        for (int i = 0; i < 50_000; i++) {
            LocalDate d = start.plusDays(i % 366);
            if (i % 3 == 0 && !d.isBefore(LocalDate.of(2024, 3, 1)) && !d.isAfter(LocalDate.of(2024, 3, 31))) {
                expected++;
            }
        }
        assertThat(march.total()).isEqualTo(expected);
        assertThat(march.items()).allSatisfy(r -> {
            assertThat(r.parentId()).isEqualTo(projects[0]);
            assertThat(r.day().getMonthValue()).isEqualTo(3);
        });

        // paging walks every match exactly once, newest first
        List<CachedRecord> walked = new java.util.ArrayList<>();
        ReplicaQuery q = ReplicaQuery.of("reports").withText("r01");
        for (int offset = 0; ; offset += 40) {
            ReplicaPage p = replica.query(q.withPage(offset, 40));
            walked.addAll(p.items());
            if (!p.hasMore()) {
                break;
            }
        }
        assertThat(walked).hasSize(1000).extracting(CachedRecord::id).doesNotHaveDuplicates();
        assertThat(walked).extracting(CachedRecord::day).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void likeWildcardsInTheSearchTextAreTakenLiterally() {
        UUID project = UUID.randomUUID();
        replica.apply(Change.upsert("reports", UUID.randomUUID(), 1, T0, report("100%_done", "A", LocalDate.of(2024, 5, 1), project)));
        replica.apply(Change.upsert("reports", UUID.randomUUID(), 1, T0, report("100 percent", "A", LocalDate.of(2024, 5, 1), project)));
        assertThat(replica.query(ReplicaQuery.of("reports").withText("100%_")).total()).isEqualTo(1);
        assertThat(replica.query(ReplicaQuery.of("reports").withText("100")).total()).isEqualTo(2);
    }

    @Test
    void badQueriesNameTheField() {
        assertThatThrownBy(() -> ReplicaQuery.of(" ")).hasMessageContaining("entity");
        assertThatThrownBy(() -> ReplicaQuery.of("reports").withDays(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 1, 1)))
                .hasMessageContaining("from");
        assertThatThrownBy(() -> ReplicaQuery.of("reports").withPage(0, 0)).hasMessageContaining("limit");
        assertThatThrownBy(() -> ReplicaQuery.of("reports").withPage(-1, 10)).hasMessageContaining("offset");
    }
}
