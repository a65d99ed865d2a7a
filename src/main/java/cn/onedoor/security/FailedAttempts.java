package cn.onedoor.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A guessing limit shared by every node: at most {@code limit} wrong guesses for one subject (a
 * case code, a caller's address) within {@code window}, then the subject is refused until the
 * oldest of them is older than the window. Kept in {@code failed_attempt} (V50), not in memory, so
 * that a restart does not hand a guesser a fresh count and a second node does not double it.
 *
 * <p>Two nodes taking a guess at the same moment may each see one short of the limit and both let
 * it through: a guesser gains at most one guess per extra node, not another full count.
 */
public class FailedAttempts {

  private static final int SUBJECT_MAX = 64;

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final String guard;
  private final int limit;
  private final Duration window;

  /**
   * @param guard what is guessed ({@code PARTY_LOOKUP}, {@code ADMIN_LOGIN}), up to 16 characters
   */
  public FailedAttempts(JdbcTemplate jdbc, Clock clock, String guard, int limit, Duration window) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.guard = guard;
    this.limit = limit;
    this.window = window;
  }

  /** Seconds until the subject may guess again; 0 when it may now. */
  public long secondsBlocked(String subject) {
    Instant now = clock.instant();
    List<Instant> recent =
        jdbc.query(
            """
            select attempted_at from failed_attempt
            where guard = ? and subject = ? and attempted_at > ? order by attempted_at desc""",
            (rs, row) -> rs.getTimestamp(1).toInstant(),
            guard,
            key(subject),
            Timestamp.from(now.minus(window)));
    if (recent.size() < limit) {
      return 0;
    }
    // Blocked until the limit-th newest guess leaves the window.
    Instant freeAt = recent.get(limit - 1).plus(window);
    return Math.max(1, Duration.between(now, freeAt).toSeconds());
  }

  /** Counts a wrong guess, and forgets this guard's guesses that have left the window. */
  public void failed(String subject) {
    Instant now = clock.instant();
    jdbc.update(
        "delete from failed_attempt where guard = ? and attempted_at <= ?",
        guard,
        Timestamp.from(now.minus(window)));
    jdbc.update(
        "insert into failed_attempt (guard, subject, attempted_at) values (?, ?, ?)",
        guard,
        key(subject),
        Timestamp.from(now));
  }

  /** A right answer: the subject's wrong guesses no longer count. */
  public void forget(String subject) {
    jdbc.update("delete from failed_attempt where guard = ? and subject = ?", guard, key(subject));
  }

  /**
   * A subject fits its column; an over-long one (a forged forwarded address) is counted by its
   * hash.
   */
  private static String key(String subject) {
    if (subject.length() <= SUBJECT_MAX) {
      return subject;
    }
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(subject.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException everyJvmHasIt) {
      throw new IllegalStateException(everyJvmHasIt);
    }
  }
}
