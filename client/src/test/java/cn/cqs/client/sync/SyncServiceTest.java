package cn.cqs.client.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.cqs.contract.json.Json;
import cn.cqs.contract.sync.Change;
import cn.cqs.contract.sync.ChangePage;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyncServiceTest {
    private static final ObjectMapper JSON = Json.newMapper();
    private static final Instant T0 = Instant.parse("2024-05-01T00:00:00Z");

    @TempDir
    Path dir;

    /** A feed of 25 changes over 10 records: creates, updates and two deletes. */
    private static InMemoryFeed feedWithHistory(List<UUID> ids) {
        InMemoryFeed feed = new InMemoryFeed();
        Map<UUID, Long> versions = new HashMap<>();
        for (int i = 0; i < 25; i++) {
            UUID id = ids.get(i % 10);
            long v = versions.merge(id, 1L, Long::sum);
            if (i == 21 || i == 23) {
                feed.append(Change.tombstone("reports", id, v, T0.plusSeconds(i)));
            } else {
                feed.append(Change.upsert("reports", id, v, T0.plusSeconds(i),
                        JSON.createObjectNode().put("reportNumber", "R" + (i % 10)).put("rev", v)));
            }
        }
        return feed;
    }

    private static SyncService service(LocalStore store) {
        return new SyncService(store, new Replica(store, ReplicaIndexers.textOnly()), 4, Clock.systemUTC());
    }

    @Test
    void pullsEveryPageInOrderUntilNoMore() throws Exception {
        List<UUID> ids = java.util.stream.Stream.generate(UUID::randomUUID).limit(10).toList();
        InMemoryFeed feed = feedWithHistory(ids);
        try (LocalStore store = LocalStore.open(dir.resolve("u.db"))) {
            SyncResult result = service(store).syncOnce(feed);
            assertThat(result.pages()).isEqualTo(7);
            assertThat(result.applied()).isEqualTo(25);
            assertThat(result.cursor()).isEqualTo("pos-25");
            assertThat(feed.requestedCursors).containsExactly(null, "pos-4", "pos-8", "pos-12", "pos-16", "pos-20", "pos-24");
            assertReplicaMatchesFeed(store, ids);

            // nothing new: one fetch from the stored cursor, nothing applied
            SyncResult again = service(store).syncOnce(feed);
            assertThat(again.pages()).isEqualTo(1);
            assertThat(again.applied()).isZero();
            assertThat(feed.requestedCursors).last().isEqualTo("pos-25");
        }
    }

    @Test
    void aCrashBetweenPagesResumesAfterTheLastAppliedPage() throws Exception {
        List<UUID> ids = java.util.stream.Stream.generate(UUID::randomUUID).limit(10).toList();
        InMemoryFeed feed = feedWithHistory(ids);
        Path file = dir.resolve("u.db");
        try (LocalStore store = LocalStore.open(file)) {
            feed.failOnFetch(4); // pages 1-3 applied, the 4th fetch dies
            assertThatThrownBy(() -> service(store).syncOnce(feed)).isInstanceOf(IOException.class);
            assertThat(service(store).cursor("changes")).contains("pos-12");
        }
        // the client restarts
        try (LocalStore store = LocalStore.open(file)) {
            feed.requestedCursors.clear();
            SyncResult result = service(store).syncOnce(feed);
            assertThat(feed.requestedCursors).first().isEqualTo("pos-12");
            assertThat(result.applied()).isEqualTo(13);
            assertReplicaMatchesFeed(store, ids);
        }
    }

    @Test
    void aPageDeliveredTwiceIsHarmless() throws Exception {
        List<UUID> ids = java.util.stream.Stream.generate(UUID::randomUUID).limit(10).toList();
        InMemoryFeed feed = feedWithHistory(ids);
        try (LocalStore store = LocalStore.open(dir.resolve("u.db"))) {
            service(store).syncOnce(feed);
            // the server re-sends everything (at-least-once): nothing changes
            ChangeFeedSource replay = (since, limit) -> new ChangePage("pos-25", false, feed.log);
            SyncResult result = service(store).syncOnce(replay);
            assertThat(result.applied()).isZero();
            assertThat(result.ignored()).isEqualTo(25);
            assertReplicaMatchesFeed(store, ids);
        }
    }

    @Test
    void aFeedThatClaimsMoreWithoutAdvancingIsAnError() {
        try (LocalStore store = LocalStore.open(dir.resolve("u.db"))) {
            ChangeFeedSource stuck = (since, limit) -> new ChangePage("same", true, List.of());
            assertThatThrownBy(() -> {
                // first page moves from null to "same"; the second does not move
                service(store).syncOnce(stuck);
            }).isInstanceOf(IOException.class).hasMessageContaining("did not advance");
        }
    }

    private static void assertReplicaMatchesFeed(LocalStore store, List<UUID> ids) {
        Replica replica = new Replica(store, ReplicaIndexers.textOnly());
        Map<UUID, Change> latest = new HashMap<>();
        // recompute from the whole log, independent of paging
        InMemoryFeed reference = feedWithHistory(ids);
        reference.log.forEach(c -> latest.put(c.id(), c));
        for (UUID id : ids) {
            Change last = latest.get(id);
            CachedRecord cached = replica.findIncludingTombstone("reports", id).orElseThrow();
            assertThat(cached.version()).isEqualTo(last.version());
            assertThat(cached.deleted()).isEqualTo(last.deleted());
            assertThat(String.valueOf(cached.data())).isEqualTo(String.valueOf(last.data()));
        }
        assertThat(replica.count("reports")).isEqualTo(8);
    }
}
