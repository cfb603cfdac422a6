package cn.cqs.server.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Slows down password guessing per user name, in the database (so it holds across several server
 * instances): after {@value #FREE_FAILURES} consecutive failures the name is locked for 30 s, the
 * lock doubling with each further failure up to 15 minutes. Unknown names are throttled exactly
 * like real ones, so the answers do not reveal which names exist. A success clears the record.
 */
public final class LoginThrottle {
    public static final int FREE_FAILURES = 5;
    private static final Duration FIRST_LOCK = Duration.ofSeconds(30);
    private static final Duration MAX_LOCK = Duration.ofMinutes(15);
    private final Jdbi jdbi;
    private final Clock clock;

    public LoginThrottle(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** When the name is locked: how long until it may try again. */
    public Optional<Duration> lockedFor(String username) {
        Instant now = clock.instant();
        return jdbi.withHandle(h -> h.createQuery("select locked_until from login_throttle where username = :u")
                        .bind("u", username)
                        .mapTo(OffsetDateTime.class)
                        .findOne())
                .map(OffsetDateTime::toInstant)
                .filter(until -> until.isAfter(now))
                .map(until -> Duration.between(now, until));
    }

    public void recordFailure(String username) {
        Instant now = clock.instant();
        jdbi.useTransaction(h -> {
            int failures = h.createQuery("""
                            insert into login_throttle (username, failures, last_failure_at) values (:u, 1, :now)
                            on conflict (username) do update set failures = login_throttle.failures + 1,
                                last_failure_at = :now
                            returning failures""")
                    .bind("u", username).bind("now", now.atOffset(ZoneOffset.UTC))
                    .mapTo(Integer.class).one();
            if (failures >= FREE_FAILURES) {
                Duration lock = FIRST_LOCK.multipliedBy(1L << Math.min(failures - FREE_FAILURES, 10));
                if (lock.compareTo(MAX_LOCK) > 0) {
                    lock = MAX_LOCK;
                }
                h.createUpdate("update login_throttle set locked_until = :until where username = :u")
                        .bind("u", username).bind("until", now.plus(lock).atOffset(ZoneOffset.UTC))
                        .execute();
            }
        });
    }

    public void reset(String username) {
        jdbi.useHandle(h -> h.createUpdate("delete from login_throttle where username = :u").bind("u", username)
                .execute());
    }
}
