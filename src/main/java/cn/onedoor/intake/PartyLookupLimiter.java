package cn.onedoor.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Four digits are ten thousand guesses: after five wrong ones for a case within fifteen minutes,
 * the party view of that case answers 429 until the window passes. Kept in memory: a restart
 * forgets, which costs a guesser a restart.
 */
@Component
class PartyLookupLimiter {

  static final int ATTEMPTS = 5;
  static final Duration WINDOW = Duration.ofMinutes(15);

  private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
  private final Clock clock;

  PartyLookupLimiter(Clock clock) {
    this.clock = clock;
  }

  boolean blocked(String caseCode) {
    Deque<Instant> recent = failures.get(caseCode);
    if (recent == null) {
      return false;
    }
    synchronized (recent) {
      Instant since = clock.instant().minus(WINDOW);
      while (!recent.isEmpty() && recent.peekFirst().isBefore(since)) {
        recent.pollFirst();
      }
      return recent.size() >= ATTEMPTS;
    }
  }

  void failed(String caseCode) {
    Deque<Instant> recent = failures.computeIfAbsent(caseCode, code -> new ArrayDeque<>());
    synchronized (recent) {
      recent.addLast(clock.instant());
    }
  }
}
