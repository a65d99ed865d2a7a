package cn.onedoor.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import cn.onedoor.models.ModelFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.PeriodStyle;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.yaml.snakeyaml.Yaml;

/**
 * Every clock the models can start, counted from every day of the next two years and more,
 * including years whose holiday notice is not published yet. The clocks are read from the models as
 * a designer saved them (the {@code deadlines.*} calls of processes/*.bpmn, the periods of the
 * decision tables they use, the local periods in application*.yaml that the Java helpers add), not
 * from a list in this test: a new due date in a diagram is swept the next time {@code ./mvnw
 * verify} runs, and one this test cannot read fails it, naming the file and expression.
 */
class EveryModelClockTest {

  /**
   * A November day, when next year's notice is typically not out yet (the shipped files end with
   * 2026), so the sweep crosses published and provisional years both.
   */
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 15);

  /**
   * Clocks start today and on each of this many days after it (2 years 2 months): each weekday,
   * holiday, month end.
   */
  private static final int DAYS_FOLLOWING = 800;

  private static final Path DECISIONS = Path.of("decisions");
  private static final Path RESOURCES = Path.of("src", "main", "resources");

  private static final Pattern DEADLINES_CALL =
      Pattern.compile("\\bdeadlines\\s*\\.\\s*(\\w+)\\s*\\(");
  private static final Pattern BEAN_CALL =
      Pattern.compile("^[$#]\\{\\s*(\\w+\\.\\w+)\\s*\\(.*\\)\\s*}$", Pattern.DOTALL);
  private static final Pattern VARIABLE = Pattern.compile("^[$#]\\{\\s*\\w+\\s*}$");
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_]\\w*");

  /** Where a diagram holds a clock: a task's due date, a timer. */
  private static final Set<String> CLOCK_ATTRIBUTES = Set.of("dueDate");

  private static final Set<String> CLOCK_ELEMENTS = Set.of("timeDate", "timeDuration", "timeCycle");

  /**
   * Beans other than {@code deadlines} that a due date or timer may call, and why the sweep covers
   * them or need not. This names code, not clocks: the helpers count through {@link
   * ProcessDeadlines} with periods from a decision table or application.yaml, which {@link
   * #readJavaSideClocks} reads. A due date from a new helper fails the test until it is added here
   * and there, so that its periods cannot escape the sweep.
   */
  private static final Map<String, String> KNOWN_HELPERS =
      Map.of(
          "mediationClock.expiry",
              "channel-routing.dmn's period, or it plus onedoor.mediation.target-overrun (below)",
          "escalationLadder.answerDue",
              "escalation-policy.dmn's answerWithin or onedoor.escalation.default-answer-within",
          "escalationLadder.acknowledgeDue", "onedoor.escalation.acknowledge-within",
          "agreementFollowUp.visitDate",
              "onedoor.mediation.default-follow-up-after, or the agreed day itself",
          "escalationLadder.rungTime",
              "a swept due date plus a rung's offset: a reminder or escalation, no period",
          "simulatedSystems.due",
              "the simulated court's own pace in plain days, not a period OneDoor counts");

  /**
   * {@code deadlines} methods that are not periods counted by DeadlineService.compute (a start, a
   * reminder).
   */
  private static final Set<String> NOT_PERIODS =
      Set.of("now", "before", "workingDaysBefore", "isWorkingDay");

  /** Each distinct clock with every place it comes from. */
  private static final SortedMap<ModelClock, SortedSet<String>> CLOCKS = new TreeMap<>();

  /** What the models say that this test cannot read: each fails the test. */
  private static final List<String> UNREADABLE = new ArrayList<>();

  /**
   * One period a model can ask for: the arguments of {@link DeadlineService#compute}, plus, for
   * {@link ProcessDeadlines#periodWithOverrun}, the calendar days added after it ({@code
   * overrunDays}, else -1).
   */
  record ModelClock(int amount, DeadlineUnit unit, boolean roll, int overrunDays)
      implements Comparable<ModelClock> {

    private static final Comparator<ModelClock> ORDER =
        Comparator.comparing(ModelClock::overrunDays)
            .thenComparing(ModelClock::unit)
            .thenComparing(ModelClock::roll)
            .thenComparingInt(ModelClock::amount);

    static ModelClock of(ProcessDeadlines.Amount amount, boolean roll) {
      return new ModelClock(amount.value(), amount.unit(), roll, -1);
    }

    boolean overrun() {
      return overrunDays >= 0;
    }

    /**
     * The arguments periodWithOverrun is called with: an ISO period and unit that amount() reads
     * back as this.
     */
    String isoPeriod() {
      return unit == DeadlineUnit.MONTHS
          ? "P" + amount + "M"
          : unit == DeadlineUnit.YEARS ? "P" + amount + "Y" : "P" + amount + "D";
    }

    String isoUnit() {
      return unit == DeadlineUnit.WORKING ? "WORKING" : "CALENDAR";
    }

    @Override
    public int compareTo(ModelClock other) {
      return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
      return amount
          + " "
          + unit
          + (roll ? " rolled" : " unrolled")
          + (overrun() ? " + " + overrunDays + " days overrun" : "");
    }
  }

  /** An expression shape this test does not understand. */
  private static final class Unreadable extends Exception {
    Unreadable(String message) {
      super(message);
    }
  }

  @BeforeAll
  static void readClocksFromTheModels() throws Exception {
    for (Path file : ModelFiles.processes()) {
      Document diagram = xml(file);
      scan(file, diagram.getDocumentElement());
    }
    readJavaSideClocks();
  }

  @Test
  void theModelsYieldEveryClockWeCanSeeInThem() {
    System.out.println("Clocks found in the models (" + CLOCKS.size() + "):");
    CLOCKS.forEach(
        (clock, sources) -> System.out.println("  " + clock + "  <-  " + summary(sources)));

    assertThat(UNREADABLE)
        .as(
            "clock expressions this sweep cannot read; teach its evaluator the new shape, or "
                + "write the clock as the other diagrams do")
        .isEmpty();
    // Read off the diagrams by hand, so that a parser that finds nothing, or drops a shape, fails
    // here.
    assertThat(CLOCKS)
        .containsKeys(
            rolled(1, DeadlineUnit.WORKING),
            rolled(2, DeadlineUnit.WORKING),
            rolled(3, DeadlineUnit.WORKING),
            rolled(5, DeadlineUnit.WORKING),
            rolled(7, DeadlineUnit.WORKING),
            rolled(3, DeadlineUnit.CALENDAR),
            rolled(5, DeadlineUnit.CALENDAR),
            rolled(7, DeadlineUnit.CALENDAR),
            rolled(10, DeadlineUnit.CALENDAR),
            rolled(15, DeadlineUnit.CALENDAR),
            rolled(30, DeadlineUnit.CALENDAR),
            // judicial-confirmation: confirmationExtended ? 25 : 15; litigation-mediation: the
            // court's clock set once on entry (委派 30, 委托 15 or 7), extended once by 30.
            rolled(25, DeadlineUnit.CALENDAR),
            rolled(1, DeadlineUnit.MONTHS),
            rolled(2, DeadlineUnit.MONTHS),
            rolled(3, DeadlineUnit.MONTHS),
            rolled(6, DeadlineUnit.MONTHS),
            // enforcement: years(last day of performance or effective day, 2), rolled (art 250,
            // 85).
            rolled(2, DeadlineUnit.YEARS),
            // channel-routing.dmn: P60D (administrative), P30D WORKING (medical), P10D (traffic).
            rolled(60, DeadlineUnit.CALENDAR),
            rolled(30, DeadlineUnit.WORKING),
            rolled(10, DeadlineUnit.CALENDAR));
    assertThat(CLOCKS.get(rolled(30, DeadlineUnit.WORKING)))
        .anyMatch(s -> s.contains("Rule_CR_Medical"));
    assertThat(CLOCKS.get(rolled(5, DeadlineUnit.WORKING)))
        .anyMatch(s -> s.contains("escalation-policy.dmn"));
    assertThat(CLOCKS.get(rolled(1, DeadlineUnit.WORKING)))
        .anyMatch(s -> s.contains("acknowledge-within"));
    // The mediation overrun: every channel-routing period, whatever application.yaml sets the
    // overrun to.
    assertThat(
            CLOCKS.keySet().stream()
                .filter(ModelClock::overrun)
                .map(clock -> new ModelClock(clock.amount(), clock.unit(), clock.roll(), -1)))
        .contains(
            rolled(30, DeadlineUnit.WORKING),
            rolled(60, DeadlineUnit.CALENDAR),
            rolled(1, DeadlineUnit.WORKING));
    assertThat(CLOCKS).hasSizeGreaterThanOrEqualTo(25);
  }

  @Test
  void everyClockCountsFromEveryStartDayAcrossPublishedAndProvisionalYears() {
    long began = System.nanoTime();
    WorkingDayCalendar calendar = TestCalendars.shipped();
    Clock clock = TestCalendars.fixedAt(TODAY + "T09:00:00");
    DeadlineService service = new DeadlineService(calendar, clock);
    // Outside a process nothing is recorded, so no database is needed.
    ProcessDeadlines deadlines =
        new ProcessDeadlines(service, new ProvisionalDeadlines(null, clock), clock);
    assertThat(calendar.isPublished(TODAY.getYear()))
        .as("the shipped calendar has this year's notice")
        .isTrue();

    List<String> failures = new ArrayList<>();
    int computations = 0;
    int provisional = 0;
    int published = 0;
    SortedSet<Integer> provisionalYears = new TreeSet<>();
    for (ModelClock model : CLOCKS.keySet()) {
      for (int day = 0; day <= DAYS_FOLLOWING; day++) {
        LocalDate start = TODAY.plusDays(day);
        String at = model + " from " + start + ": ";
        try {
          computations++;
          Deadline deadline = service.compute(start, model.amount(), model.unit(), model.roll());
          check(calendar, model, deadline, at, failures);
          if (deadline.provisional()) {
            provisional++;
            provisionalYears.addAll(deadline.provisionalYears());
          } else {
            published++;
          }
          if (model.overrun()) {
            computations++;
            Date expiry =
                deadlines.periodWithOverrun(
                    start, model.isoPeriod(), model.isoUnit(), "P" + model.overrunDays() + "D");
            Date expected = ProcessDeadlines.endOf(deadline.due().plusDays(model.overrunDays()));
            if (!expiry.equals(expected)) {
              failures.add(
                  at
                      + "periodWithOverrun gave "
                      + expiry
                      + ", the rolled due day plus the overrun is "
                      + expected);
            }
          }
        } catch (RuntimeException e) {
          failures.add(at + "threw " + e);
        }
      }
    }
    long millis = (System.nanoTime() - began) / 1_000_000;
    System.out.println(
        "Swept "
            + CLOCKS.size()
            + " clocks from "
            + (DAYS_FOLLOWING + 1)
            + " start days ("
            + TODAY
            + " to "
            + TODAY.plusDays(DAYS_FOLLOWING)
            + "): "
            + computations
            + " computations in "
            + millis
            + " ms; "
            + provisional
            + " provisional (years "
            + provisionalYears
            + "), "
            + published
            + " on published notices only (published years "
            + calendar.publishedYears()
            + ")");

    assertThat(failures.size())
        .as(
            failures.size()
                + " wrong answers, the first ones:\n  "
                + String.join("\n  ", failures.subList(0, Math.min(40, failures.size()))))
        .isZero();
    // Both kinds were met, or the window no longer crosses an unpublished year and the sweep proves
    // less than it says.
    assertThat(provisional).as("provisional answers").isPositive();
    assertThat(published).as("answers on published notices only").isPositive();
    for (int year = TODAY.getYear() + 1; year <= TODAY.getYear() + 2; year++) {
      if (!calendar.isPublished(year)) {
        assertThat(provisionalYears).as("provisional years met").contains(year);
      }
    }
  }

  /** What must hold of any answer, said without the service's own code where it can be. */
  private static void check(
      WorkingDayCalendar calendar,
      ModelClock model,
      Deadline deadline,
      String at,
      List<String> failures) {
    LocalDate start = deadline.start();
    LocalDate end = deadline.periodEnd();
    LocalDate due = deadline.due();
    LocalDate expectedEnd =
        switch (model.unit()) {
          case CALENDAR -> start.plusDays(model.amount());
          case MONTHS -> start.plusMonths(model.amount());
          case YEARS -> start.plusYears(model.amount());
          case WORKING -> end;
        };
    if (!end.equals(expectedEnd)) {
      failures.add(at + "period ends " + end + ", not " + expectedEnd);
    }
    if (due.isBefore(end)) {
      failures.add(at + "due " + due + " before the period's end " + end);
    }
    if (model.roll()) {
      if (!calendar.isWorkingDay(due)) {
        failures.add(at + "due " + due + " is a day off");
      }
      for (LocalDate day = end; day.isBefore(due); day = day.plusDays(1)) {
        if (calendar.isWorkingDay(day)) {
          failures.add(at + "rolled past the working day " + day + " to " + due);
          break;
        }
      }
    } else if (!due.equals(end)) {
      failures.add(at + "an unrolled period moved from " + end + " to " + due);
    }
    if (model.unit() == DeadlineUnit.WORKING) {
      int counted = calendar.workingDaysBetween(start.plusDays(1), end);
      if (counted != model.amount() || (model.amount() > 0 && !calendar.isWorkingDay(end))) {
        failures.add(
            at
                + "("
                + start
                + ", "
                + end
                + "] holds "
                + counted
                + " working days, ends on "
                + (calendar.isWorkingDay(end) ? "a working day" : "a day off"));
      }
    }
    // The days that decided the answer: each day after the start for working days, the end and the
    // days rolled
    // over otherwise; an unrolled calendar, month or year period looks at no day, so it is never
    // provisional.
    LocalDate firstLookedAt =
        model.unit() == DeadlineUnit.WORKING && model.amount() > 0
            ? start.plusDays(1)
            : model.roll() ? end : null;
    SortedSet<Integer> unpublished = new TreeSet<>();
    if (firstLookedAt != null) {
      for (int year = firstLookedAt.getYear(); year <= due.getYear(); year++) {
        if (!calendar.isPublished(year)) {
          unpublished.add(year);
        }
      }
    }
    if (!deadline.provisionalYears().equals(unpublished)
        || deadline.provisional() == unpublished.isEmpty()) {
      failures.add(
          at
              + "provisional years "
              + deadline.provisionalYears()
              + ", but it looked at days of the "
              + "unpublished years "
              + unpublished);
    }
  }

  // ---- Reading the diagrams
  // -------------------------------------------------------------------------------------

  /**
   * Every attribute and text of the diagram, documentation aside (prose may mention a call without
   * making it).
   */
  private static void scan(Path file, Element element) {
    String name = element.getLocalName();
    if ("documentation".equals(name) || "textAnnotation".equals(name)) {
      return;
    }
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Attr attribute = (Attr) attributes.item(i);
      String local =
          attribute.getLocalName() != null ? attribute.getLocalName() : attribute.getName();
      read(
          file,
          element,
          attribute.getName(),
          attribute.getValue(),
          CLOCK_ATTRIBUTES.contains(local));
    }
    StringBuilder text = new StringBuilder();
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
        text.append(child.getNodeValue());
      } else if (child instanceof Element nested) {
        scan(file, nested);
      }
    }
    if (!text.toString().isBlank()) {
      read(file, element, name, text.toString(), CLOCK_ELEMENTS.contains(name));
    }
  }

  /**
   * One expression (entities already unescaped by the XML parser): its deadlines calls, nested ones
   * included.
   */
  private static void read(
      Path file, Element element, String place, String expression, boolean clockPlace) {
    String where = file.getFileName() + " " + idOf(element) + " " + place;
    Matcher call = DEADLINES_CALL.matcher(expression);
    boolean any = false;
    while (call.find()) {
      any = true;
      String method = call.group(1);
      int open = call.end() - 1;
      try {
        int close = closing(expression, open);
        if (close < 0) {
          throw new Unreadable("no closing parenthesis");
        }
        callToClocks(method, split(expression.substring(open + 1, close)), where);
      } catch (Unreadable e) {
        UNREADABLE.add(where + ": " + e.getMessage() + " in " + expression.trim());
      } catch (IllegalArgumentException e) {
        UNREADABLE.add(where + ": " + e.getMessage() + " in " + expression.trim());
      }
    }
    if (clockPlace && !any) {
      String trimmed = expression.trim();
      Matcher bean = BEAN_CALL.matcher(trimmed);
      boolean known =
          !trimmed.contains("{")
              || VARIABLE.matcher(trimmed).matches()
              || bean.matches() && KNOWN_HELPERS.containsKey(bean.group(1));
      if (!known) {
        UNREADABLE.add(
            where
                + ": a due date or timer neither from deadlines.* nor a helper this sweep covers "
                + "(KNOWN_HELPERS): "
                + trimmed);
      }
    }
  }

  /** The clocks one call can start: each combination of the values its arguments can take. */
  private static void callToClocks(String method, List<String> args, String where)
      throws Unreadable {
    if (NOT_PERIODS.contains(method)) {
      return;
    }
    switch (method) {
      case "calendarDays" -> amounts(args, DeadlineUnit.CALENDAR, where);
      case "workingDays" -> amounts(args, DeadlineUnit.WORKING, where);
      case "months" -> amounts(args, DeadlineUnit.MONTHS, where);
      case "years" -> amounts(args, DeadlineUnit.YEARS, where);
      case "period", "extend" -> {
        if (args.size() != 3 && !(method.equals("period") && args.size() == 4)) {
          throw new Unreadable(method + " with " + args.size() + " arguments");
        }
        Set<Boolean> rolls =
            args.size() == 4
                ? typed(values(args.get(3)), Boolean.class, args.get(3))
                : Set.of(true);
        for (String[] period : periods(args.get(1), args.get(2), where)) {
          Sourced amount = amountOf(period[0], period[1], where + period[2]);
          for (boolean roll : rolls) {
            add(amount, roll);
          }
        }
      }
      case "periodWithOverrun" -> {
        if (args.size() != 4) {
          throw new Unreadable(method + " with " + args.size() + " arguments");
        }
        for (String[] period : periods(args.get(1), args.get(2), where)) {
          for (String overrun : typed(values(args.get(3)), String.class, args.get(3))) {
            addOverrun(period[0], period[1], overrun, where + period[2]);
          }
        }
      }
      default -> throw new Unreadable("deadlines." + method + " is not a method this sweep knows");
    }
  }

  private static void amounts(List<String> args, DeadlineUnit unit, String where)
      throws Unreadable {
    if (args.size() != 2) {
      throw new Unreadable(unit + " call with " + args.size() + " arguments");
    }
    for (int amount : typed(values(args.get(1)), Integer.class, args.get(1))) {
      add(new ModelClock(amount, unit, true, -1), where);
    }
  }

  /**
   * The (ISO period, unit, where) pairs of a period call: quoted literals, or two variables that
   * are outputs of one decision table (slaPeriod and slaUnit of channel-routing.dmn), then every
   * rule's pair.
   */
  private static List<String[]> periods(String periodArg, String unitArg, String where)
      throws Unreadable {
    String period = periodArg.trim();
    String unit = unitArg.trim();
    List<String[]> pairs = new ArrayList<>();
    if (IDENTIFIER.matcher(period).matches() && IDENTIFIER.matcher(unit).matches()) {
      for (String[] row : decisionOutputs(period, unit)) {
        if (row[0].isEmpty() && row[1].isEmpty()) {
          continue;
        }
        pairs.add(new String[] {row[0], row[1], " <- " + row[2]});
      }
      if (pairs.isEmpty()) {
        throw new Unreadable("no decision table has outputs named " + period + " and " + unit);
      }
      return pairs;
    }
    for (String iso : typed(values(period), String.class, period)) {
      for (String kind : typed(values(unit), String.class, unit)) {
        pairs.add(new String[] {iso, kind, ""});
      }
    }
    return pairs;
  }

  /**
   * The values an argument can take. Understands only the shapes the diagrams use: an integer, a
   * quoted string, true or false, parentheses, {@code a + b} of integers (every combination), and
   * {@code condition ? x : y} whose condition is not evaluated (both branches count). Anything
   * else, a variable or a call or other arithmetic, is refused, so that a new shape fails the sweep
   * by name instead of escaping it.
   */
  static Set<Object> values(String expression) throws Unreadable {
    String e = expression.trim();
    List<Integer> questions = topLevel(e, '?');
    if (!questions.isEmpty()) {
      int question = questions.get(0);
      int colon = matchingColon(e, question);
      if (question == 0 || colon < 0) {
        throw new Unreadable("cannot read the conditional '" + e + "'");
      }
      Set<Object> values = new LinkedHashSet<>(values(e.substring(question + 1, colon)));
      values.addAll(values(e.substring(colon + 1)));
      return values;
    }
    List<Integer> pluses = topLevel(e, '+');
    if (!pluses.isEmpty()) {
      Set<Integer> sums = Set.of(0);
      int from = 0;
      pluses.add(e.length());
      for (int plus : pluses) {
        String term = e.substring(from, plus);
        Set<Integer> next = new LinkedHashSet<>();
        for (int value : typed(values(term), Integer.class, term)) {
          for (int sum : sums) {
            next.add(sum + value);
          }
        }
        sums = next;
        from = plus + 1;
      }
      return new LinkedHashSet<>(sums);
    }
    if (e.matches("\\d+")) {
      return Set.of(Integer.parseInt(e));
    }
    if (e.matches("'[^'\\\\]*'|\"[^\"\\\\]*\"")) {
      return Set.of(e.substring(1, e.length() - 1));
    }
    if (e.equals("true") || e.equals("false")) {
      return Set.of(Boolean.parseBoolean(e));
    }
    if (e.startsWith("(") && closing(e, 0) == e.length() - 1) {
      return values(e.substring(1, e.length() - 1));
    }
    throw new Unreadable(
        "cannot read '" + e + "' (integers, quoted strings, true/false, ( ), +, ? : only)");
  }

  private static <T> Set<T> typed(Set<Object> values, Class<T> type, String expression)
      throws Unreadable {
    Set<T> typed = new LinkedHashSet<>();
    for (Object value : values) {
      if (!type.isInstance(value)) {
        throw new Unreadable(
            "'" + expression.trim() + "' gives " + value + ", expected a " + type.getSimpleName());
      }
      typed.add(type.cast(value));
    }
    return typed;
  }

  /** The arguments of a call, split at its own commas (not those in nested calls or strings). */
  private static List<String> split(String args) {
    List<String> parts = new ArrayList<>();
    if (args.isBlank()) {
      return parts;
    }
    int from = 0;
    List<Integer> commas = topLevel(args, ',');
    commas.add(args.length());
    for (int comma : commas) {
      parts.add(args.substring(from, comma).trim());
      from = comma + 1;
    }
    return parts;
  }

  /** Positions of {@code target} outside parentheses and quotes. */
  private static List<Integer> topLevel(String text, char target) {
    List<Integer> found = new ArrayList<>();
    int depth = 0;
    char quote = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        if (c == '\\') {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '(' || c == '[') {
        depth++;
      } else if (c == ')' || c == ']') {
        depth--;
      } else if (c == target && depth == 0) {
        found.add(i);
      }
    }
    return found;
  }

  /**
   * The ':' that belongs to the '?' at {@code question}, past any nested conditional of its
   * then-branch.
   */
  private static int matchingColon(String text, int question) {
    int nested = 0;
    for (int position : topLevelEither(text, question + 1)) {
      if (text.charAt(position) == '?') {
        nested++;
      } else if (nested == 0) {
        return position;
      } else {
        nested--;
      }
    }
    return -1;
  }

  private static List<Integer> topLevelEither(String text, int from) {
    List<Integer> positions = new ArrayList<>(topLevel(text, '?'));
    positions.addAll(topLevel(text, ':'));
    return positions.stream().filter(p -> p >= from).sorted().toList();
  }

  /** The parenthesis closing the one at {@code open}, or -1. */
  private static int closing(String text, int open) {
    int depth = 0;
    char quote = 0;
    for (int i = open; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        if (c == '\\') {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '(') {
        depth++;
      } else if (c == ')' && --depth == 0) {
        return i;
      }
    }
    return -1;
  }

  /** The id a designer finds in Modeler: the element's, or its event's for a timer definition. */
  private static String idOf(Element element) {
    for (Node node = element; node instanceof Element e; node = node.getParentNode()) {
      if (!e.getAttribute("id").isEmpty() && !e.getLocalName().endsWith("EventDefinition")) {
        return e.getAttribute("id");
      }
    }
    return "?";
  }

  // ---- Decision tables and settings
  // -----------------------------------------------------------------------------

  /**
   * For every decision table with outputs of these names, each rule's values (FEEL string literals,
   * quotes stripped), with "file rule-id" last. An output that is not a string literal cannot be
   * swept and is refused.
   */
  private static List<String[]> decisionOutputs(String... names) throws Unreadable {
    List<String[]> rows = new ArrayList<>();
    for (Path file : files(DECISIONS, ".dmn")) {
      Document dmn = xml(file);
      for (Element table : descendants(dmn.getDocumentElement(), "decisionTable")) {
        List<String> outputs =
            children(table, "output").stream().map(o -> o.getAttribute("name")).toList();
        if (!outputs.containsAll(List.of(names))) {
          continue;
        }
        for (Element rule : children(table, "rule")) {
          List<Element> entries = children(rule, "outputEntry");
          String[] row = new String[names.length + 1];
          for (int i = 0; i < names.length; i++) {
            String text =
                children(entries.get(outputs.indexOf(names[i])), "text")
                    .get(0)
                    .getTextContent()
                    .trim();
            if (!text.matches("\"[^\"]*\"")) {
              throw new Unreadable(
                  file.getFileName()
                      + " "
                      + rule.getAttribute("id")
                      + " "
                      + names[i]
                      + " is "
                      + text
                      + ", not a string literal");
            }
            row[i] = text.substring(1, text.length() - 1).trim();
          }
          row[names.length] = file.getFileName() + " " + rule.getAttribute("id");
          rows.add(row);
        }
      }
    }
    return rows;
  }

  /**
   * The periods the Java helpers add to what the diagrams call (see KNOWN_HELPERS):
   * MediationClock.expiry counts a target channel's period with the overrun (periodWithOverrun;
   * statutory channels call period, as Task_Mediate does), EscalationLadder.answerDue /
   * acknowledgeDue count working days from now, AgreementFollowUp.visitDate counts calendar days
   * from now. Values from application*.yaml of every profile.
   */
  private static void readJavaSideClocks() {
    try {
      List<String[]> slaPeriods = decisionOutputs("slaPeriod", "slaUnit");
      for (String overrun : settings("onedoor.mediation.target-overrun")) {
        for (String[] sla : slaPeriods) {
          addOverrun(
              sla[0],
              sla[1],
              overrun,
              "MediationClock.expiry + target-overrun " + overrun + " <- " + sla[2]);
        }
      }
      for (String[] rung : decisionOutputs("answerWithin")) {
        if (!rung[0].isEmpty()) {
          add(amountOf(rung[0], "WORKING", "EscalationLadder.answerDue <- " + rung[1]), true);
        }
      }
      for (String period : settings("onedoor.escalation.default-answer-within")) {
        add(
            amountOf(period, "WORKING", "EscalationLadder.answerDue <- default-answer-within"),
            true);
      }
      for (String period : settings("onedoor.escalation.acknowledge-within")) {
        add(
            amountOf(period, "WORKING", "EscalationLadder.acknowledgeDue <- acknowledge-within"),
            true);
      }
      for (String period : settings("onedoor.mediation.default-follow-up-after")) {
        add(
            amountOf(period, "CALENDAR", "AgreementFollowUp.visitDate <- default-follow-up-after"),
            true);
      }
    } catch (Unreadable e) {
      UNREADABLE.add("Java-side periods: " + e.getMessage());
    }
  }

  private static void addOverrun(String period, String unit, String overrun, String where)
      throws Unreadable {
    Sourced amount = amountOf(period, unit, where);
    Sourced days = amountOf(overrun, "CALENDAR", where);
    if (days.amount().unit() != DeadlineUnit.CALENDAR) {
      throw new Unreadable("overrun " + overrun + " is not in days: " + where);
    }
    add(
        new ModelClock(
            amount.amount().value(), amount.amount().unit(), true, days.amount().value()),
        where);
  }

  /**
   * An amount with where it came from, for the list and for a message naming the rule or setting.
   */
  private record Sourced(ProcessDeadlines.Amount amount, String where) {}

  /**
   * ProcessDeadlines' own reading of a period, so that a period it refuses is refused here, naming
   * its source.
   */
  private static Sourced amountOf(String period, String unit, String where) throws Unreadable {
    try {
      return new Sourced(ProcessDeadlines.amount(period, unit), where);
    } catch (IllegalArgumentException e) {
      int arrow = where.indexOf(" <- ");
      throw new Unreadable(
          e.getMessage() + (arrow < 0 ? "" : " (" + where.substring(arrow + 4) + ")"));
    }
  }

  private static void add(Sourced sourced, boolean roll) {
    add(ModelClock.of(sourced.amount(), roll), sourced.where());
  }

  /**
   * A setting's values across the profiles' yaml files, as ISO periods: Spring binds "P30D" and
   * "30d" alike, so they are read with its own PeriodStyle. A setting missing everywhere is refused
   * (the helper would fail to start).
   */
  private static Set<String> settings(String key) throws Unreadable {
    Set<String> values = new LinkedHashSet<>();
    for (Path file : files(RESOURCES, ".yaml")) {
      if (!file.getFileName().toString().startsWith("application")) {
        continue;
      }
      try (InputStream in = Files.newInputStream(file)) {
        for (Object document : new Yaml().loadAll(in)) {
          Object node = document;
          for (String part : key.split("\\.")) {
            node = node instanceof Map<?, ?> map ? map.get(part) : null;
          }
          if (node != null) {
            Period period = PeriodStyle.detectAndParse(node.toString());
            values.add(period.toString());
          }
        }
      } catch (IOException e) {
        throw new Unreadable(file + ": " + e.getMessage());
      }
    }
    if (values.isEmpty()) {
      throw new Unreadable(key + " is set in no application*.yaml");
    }
    return values;
  }

  // ---- Small helpers
  // ---------------------------------------------------------------------------------------------

  /**
   * The sources of one clock, rules of one table joined: "mediation.bpmn Task_Mediate <-
   * channel-routing.dmn A, B".
   */
  private static String summary(Set<String> sources) {
    Map<String, Map<String, List<String>>> byPlace = new TreeMap<>();
    for (String source : sources) {
      int arrow = source.indexOf(" <- ");
      String place = arrow < 0 ? source : source.substring(0, arrow);
      String[] origin = arrow < 0 ? new String[0] : source.substring(arrow + 4).split(" ", 2);
      Map<String, List<String>> origins = byPlace.computeIfAbsent(place, p -> new TreeMap<>());
      if (origin.length == 2) {
        origins.computeIfAbsent(origin[0], f -> new ArrayList<>()).add(origin[1]);
      } else if (origin.length == 1) {
        origins.computeIfAbsent(origin[0], f -> new ArrayList<>());
      }
    }
    return byPlace.entrySet().stream()
        .map(
            place ->
                place.getKey()
                    + (place.getValue().isEmpty()
                        ? ""
                        : " <- "
                            + place.getValue().entrySet().stream()
                                .map(
                                    file ->
                                        (file.getKey() + " " + String.join(", ", file.getValue()))
                                            .trim())
                                .collect(Collectors.joining("; "))))
        .collect(Collectors.joining(" | "));
  }

  private static ModelClock rolled(int amount, DeadlineUnit unit) {
    return new ModelClock(amount, unit, true, -1);
  }

  private static void add(ModelClock clock, String where) {
    CLOCKS.computeIfAbsent(clock, c -> new TreeSet<>()).add(where);
  }

  private static List<Path> files(Path folder, String suffix) throws Unreadable {
    try (Stream<Path> paths = Files.list(folder)) {
      return paths.filter(p -> p.toString().endsWith(suffix)).sorted().collect(Collectors.toList());
    } catch (IOException e) {
      throw new Unreadable(folder.toAbsolutePath() + ": " + e.getMessage());
    }
  }

  private static Document xml(Path file) throws Unreadable {
    try (InputStream in = Files.newInputStream(file)) {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return factory.newDocumentBuilder().parse(in);
    } catch (Exception e) {
      throw new Unreadable(file + ": " + e.getMessage());
    }
  }

  private static List<Element> children(Element parent, String localName) {
    List<Element> children = new ArrayList<>();
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element && localName.equals(element.getLocalName())) {
        children.add(element);
      }
    }
    return children;
  }

  private static List<Element> descendants(Element root, String localName) {
    List<Element> found = new ArrayList<>();
    for (Element child : children(root, localName)) {
      found.add(child);
    }
    for (Node node = root.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element && !localName.equals(element.getLocalName())) {
        found.addAll(descendants(element, localName));
      }
    }
    return found;
  }
}
