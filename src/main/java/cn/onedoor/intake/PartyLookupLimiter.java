package cn.onedoor.intake;

import cn.onedoor.security.FailedAttempts;
import java.time.Clock;
import java.time.Duration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Four digits are ten thousand guesses: after five wrong ones for a case within fifteen minutes,
 * the party view of that case answers 429 until the window passes. Counted in the database, so that
 * every node counts the same guesses and a restart forgets none.
 */
@Component
class PartyLookupLimiter {

  static final int ATTEMPTS = 5;
  static final Duration WINDOW = Duration.ofMinutes(15);

  private final FailedAttempts attempts;

  PartyLookupLimiter(JdbcTemplate jdbc, Clock clock) {
    this.attempts = new FailedAttempts(jdbc, clock, "PARTY_LOOKUP", ATTEMPTS, WINDOW);
  }

  boolean blocked(String caseCode) {
    return attempts.secondsBlocked(caseCode) > 0;
  }

  void failed(String caseCode) {
    attempts.failed(caseCode);
  }
}
