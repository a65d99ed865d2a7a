package cn.onedoor.deadline;

import com.ibm.icu.util.ChineseCalendar;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The statutory holiday days (法定节假日) of a year, derived from 《全国年节及纪念日放假办法》 as in force that year,
 * without the State Council's yearly notice. This is the floor for a year whose notice is not out
 * yet: the notice only adds bridge days (调休) and compensation days (补休) around these, it never
 * takes one away.
 *
 * <p>Nothing here is a table of dates. The lunar holidays come from ICU's {@link ChineseCalendar}
 * (a maintained implementation of the astronomical Chinese calendar, computed for UTC+8 as GB/T
 * 33661-2017 requires), with the first day of each month checked against a more accurate new moon
 * (ICU 79.1 is a day off for 春节 2027 and 2030; see {@link LunarDates}), and 清明 is computed as a
 * solar term; see {@link #qingmingInstant(int)}.
 */
final class StatutoryHolidays {

  static final String NEW_YEAR = "元旦",
      SPRING_FESTIVAL = "春节",
      QINGMING = "清明节",
      LABOUR_DAY = "劳动节",
      DRAGON_BOAT = "端午节",
      MID_AUTUMN = "中秋节",
      NATIONAL_DAY = "国庆节";

  /** How the notices join holidays that share days ("国庆节、中秋节"). */
  static final String SEPARATOR = "、";

  /** Earliest and latest years answered; see {@link #requireSupported(int)}. */
  static final int FIRST_YEAR = 2000, LAST_YEAR = 2100;

  private static final Set<String> SEVEN =
      Set.of(
          NEW_YEAR, SPRING_FESTIVAL, QINGMING, LABOUR_DAY, DRAGON_BOAT, MID_AUTUMN, NATIONAL_DAY);

  /**
   * Days off a notice has granted once, outside the seven holidays. Only 2015 in the years we ship
   * (2008–2026): 《国务院关于中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日调休放假的通知》（国发明电〔2015〕1号）.
   */
  private static final Set<String> ONE_OFF_DAYS = Set.of("中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日");

  private static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);

  /** Chinese months as ICU counts them: 0 is 正月. */
  private static final int FIRST_MONTH = 0, FIFTH_MONTH = 4, EIGHTH_MONTH = 7;

  private StatutoryHolidays() {}

  /**
   * Every statutory holiday day of the year under the rules in force that year, in date order, day
   * -> name (two holidays on one day, e.g. 2020-10-01 国庆节 and 中秋节, give "国庆节、中秋节").
   *
   * @throws IllegalArgumentException for a year before 2000 or after 2100
   */
  static SortedMap<LocalDate, String> of(int year) {
    requireSupported(year);
    // Fixed-date holidays are added first so that a shared day reads "国庆节、中秋节", as the 2020 and
    // 2025 notices
    // write it.
    Map<LocalDate, List<String>> days = new TreeMap<>();
    add(days, LocalDate.of(year, 1, 1), 1, NEW_YEAR);
    LunarDates lunar = LunarDates.of(year);
    if (year < 2008) {
      // 1999 version (国务院令第270号): 春节 正月初一至初三, 劳动节 5月1日至3日, 国庆节 10月1日至3日.
      add(days, LocalDate.of(year, 5, 1), 3, LABOUR_DAY);
      add(days, LocalDate.of(year, 10, 1), 3, NATIONAL_DAY);
      add(days, lunar.newYear(), 3, SPRING_FESTIVAL);
      return join(days);
    }
    // From 2008 (国务院令第513号) 劳动节 shrank to one day and 清明、端午、中秋 became holidays; from 2025
    // (国务院令第795号) 劳动节 is 5月1日、2日 again.
    add(days, LocalDate.of(year, 5, 1), year >= 2025 ? 2 : 1, LABOUR_DAY);
    add(days, LocalDate.of(year, 10, 1), 3, NATIONAL_DAY);
    if (year <= 2013) {
      // 513号: 农历除夕、正月初一、初二.
      add(days, lunar.newYear().minusDays(1), 3, SPRING_FESTIVAL);
    } else if (year <= 2024) {
      // 644号 swapped 除夕 for 初三: 正月初一至初三.
      add(days, lunar.newYear(), 3, SPRING_FESTIVAL);
    } else {
      // 795号: 农历除夕、正月初一至初三.
      add(days, lunar.newYear().minusDays(1), 4, SPRING_FESTIVAL);
    }
    add(days, qingming(year), 1, QINGMING);
    add(days, lunar.dragonBoat(), 1, DRAGON_BOAT);
    add(days, lunar.midAutumn(), 1, MID_AUTUMN);
    return join(days);
  }

  /**
   * The rules in force that year, as a citation. Each revision took effect on 1 January of the year
   * after it was made (1999's on publication, 18 September 1999), so a whole year always falls
   * under one version.
   *
   * @throws IllegalArgumentException for a year before 2000 or after 2100
   */
  static String rulesInForce(int year) {
    requireSupported(year);
    String version;
    if (year < 2008) {
      version = "1999年修订，国务院令第270号";
    } else if (year <= 2013) {
      version = "2007年修订，国务院令第513号";
    } else if (year <= 2024) {
      version = "2013年修订，国务院令第644号";
    } else {
      version = "2024年修订，国务院令第795号";
    }
    return "《全国年节及纪念日放假办法》（" + version + "）";
  }

  /**
   * Whether a notice may use this holiday name: one of the seven, several of them joined by "、"
   * (e.g. "国庆节、中秋节", "中秋节、国庆节"), or a one-off commemoration day a notice has actually granted (e.g.
   * the 2015 "中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日"). Anything else in a calendar file is a typo or an
   * invention.
   */
  static boolean isKnownName(String name) {
    if (name == null || name.isBlank()) {
      return false;
    }
    if (ONE_OFF_DAYS.contains(name)) {
      return true;
    }
    Set<String> seen = new HashSet<>();
    for (String part : name.split(SEPARATOR, -1)) {
      if (!SEVEN.contains(part) || !seen.add(part)) {
        return false;
      }
    }
    return true;
  }

  /**
   * 清明 as a Beijing-time (UTC+8) date: the day the Sun's apparent geocentric ecliptic longitude
   * reaches 15°, which is how GB/T 33661-2017《农历的编算和颁行》 defines the solar term, and what "农历清明当日"
   * in the rules means.
   */
  static LocalDate qingming(int year) {
    return LocalDate.ofInstant(qingmingInstant(year), BEIJING);
  }

  /**
   * The instant the Sun's apparent longitude reaches 15° in the given year.
   *
   * <p>Solar coordinates of low accuracy from Jean Meeus, <i>Astronomical Algorithms</i> (2nd ed.,
   * 1998), chapter 25: geometric mean longitude and mean anomaly of the Sun, equation of centre,
   * then nutation and aberration for the apparent longitude. Meeus gives 0.01° for this, which is
   * about 15 minutes of the Sun's motion. The instant is found by Newton-like steps (chapter 27:
   * JDE += 58 sin(target − λ)), then moved from dynamical time to UT with the ΔT polynomials of
   * Espenak and Meeus (2006), which are good to well under a minute in 2000–2100.
   *
   * <p>So a 清明 that begins within a quarter of an hour of Beijing midnight could land on the wrong
   * date. None does in 2000–2100: against the full VSOP87 theory this method is at most 13 minutes
   * off there, and the 清明 closest to midnight (2042, 23:40) is 20 minutes away. The tests compare
   * every year with ICU's own, coarser solar model (a day off in 2071, where VSOP87 gives 00:10 on
   * 5 April) and with the published notices.
   */
  static Instant qingmingInstant(int year) {
    requireSupported(year);
    double target = 15.0;
    double jde = julianDay(LocalDate.of(year, 4, 5));
    for (int step = 0; step < 50; step++) {
      double correction = 58.0 * Math.sin(Math.toRadians(target - apparentSolarLongitude(jde)));
      jde += correction;
      if (Math.abs(correction) < 1e-8) {
        break;
      }
    }
    return fromJulianEphemerisDay(jde, year);
  }

  /**
   * Meeus ch. 25, "low accuracy": the apparent longitude of the Sun, in degrees, at Julian
   * Ephemeris Day jde.
   */
  private static double apparentSolarLongitude(double jde) {
    double t = (jde - 2_451_545.0) / 36_525.0;
    double meanLongitude = 280.46646 + 36_000.76983 * t + 0.0003032 * t * t;
    double meanAnomaly = Math.toRadians(357.52911 + 35_999.05029 * t - 0.0001537 * t * t);
    double centre =
        (1.914602 - 0.004817 * t - 0.000014 * t * t) * Math.sin(meanAnomaly)
            + (0.019993 - 0.000101 * t) * Math.sin(2 * meanAnomaly)
            + 0.000289 * Math.sin(3 * meanAnomaly);
    double omega = Math.toRadians(125.04 - 1_934.136 * t);
    double apparent = meanLongitude + centre - 0.00569 - 0.00478 * Math.sin(omega);
    return ((apparent % 360.0) + 360.0) % 360.0;
  }

  /**
   * ΔT = TT − UT in seconds, Espenak and Meeus (2006), the branches for 2005–2050 (also used for
   * 2000–2004, where it is within 2 s of the measured value) and 2050–2150. Taken at mid-year: ΔT
   * changes by about a second a year.
   */
  private static double deltaTSeconds(int year) {
    double y = year + 0.5;
    if (y < 2050) {
      double t = y - 2000;
      return 62.92 + 0.32217 * t + 0.005589 * t * t;
    }
    double u = (y - 1820) / 100;
    return -20 + 32 * u * u - 0.5628 * (2150 - y);
  }

  private static double julianDay(LocalDate date) {
    return date.toEpochDay() + 2_440_587.5;
  }

  /**
   * The astronomy is checked against independent sources for 2000–2100 only, and ΔT after that is a
   * guess; before 2000 the 1949 rules applied until 18 September 1999, which this class does not
   * model. A deadline system has no business asking outside this range, so it is refused rather
   * than answered loosely.
   */
  private static void requireSupported(int year) {
    if (year < FIRST_YEAR || year > LAST_YEAR) {
      throw new IllegalArgumentException(
          "Statutory holidays are derived for "
              + FIRST_YEAR
              + "–"
              + LAST_YEAR
              + " only, not "
              + year);
    }
  }

  private static void add(
      Map<LocalDate, List<String>> days, LocalDate first, int count, String name) {
    for (int i = 0; i < count; i++) {
      days.computeIfAbsent(first.plusDays(i), day -> new ArrayList<>(2)).add(name);
    }
  }

  private static SortedMap<LocalDate, String> join(Map<LocalDate, List<String>> days) {
    SortedMap<LocalDate, String> joined = new TreeMap<>();
    days.forEach((day, names) -> joined.put(day, String.join(SEPARATOR, names)));
    return Collections.unmodifiableSortedMap(joined);
  }

  /**
   * The instant of the new moon (朔) nearest to a day: Meeus, <i>Astronomical Algorithms</i>,
   * chapter 49 ("Phases of the Moon": mean phase, 25 periodic terms, 14 planetary arguments), good
   * to a few seconds; for the near-midnight new moons below it agrees with the ELP-2000/82 and
   * VSOP87 theories within 15 s. Used to pin the first day of a lunar month where ICU's coarser
   * moon is off by minutes; see {@link LunarDates}.
   */
  static Instant newMoonNear(LocalDate day) {
    double k = Math.rint((julianDay(day) - 2_451_550.09766) / 29.530588861);
    double t = k / 1_236.85;
    double jde =
        2_451_550.09766
            + 29.530588861 * k
            + 0.00015437 * t * t
            - 0.000000150 * t * t * t
            + 0.00000000073 * t * t * t * t;
    double e = 1 - 0.002516 * t - 0.0000074 * t * t;
    double m =
        Math.toRadians(2.5534 + 29.10535670 * k - 0.0000014 * t * t - 0.00000011 * t * t * t);
    double mm =
        Math.toRadians(
            201.5643
                + 385.81693528 * k
                + 0.0107582 * t * t
                + 0.00001238 * t * t * t
                - 0.000000058 * t * t * t * t);
    double f =
        Math.toRadians(
            160.7108
                + 390.67050284 * k
                - 0.0016118 * t * t
                - 0.00000227 * t * t * t
                + 0.000000011 * t * t * t * t);
    double omega =
        Math.toRadians(124.7746 - 1.56375588 * k + 0.0020672 * t * t + 0.00000215 * t * t * t);
    jde +=
        -0.40720 * Math.sin(mm)
            + 0.17241 * e * Math.sin(m)
            + 0.01608 * Math.sin(2 * mm)
            + 0.01039 * Math.sin(2 * f)
            + 0.00739 * e * Math.sin(mm - m)
            - 0.00514 * e * Math.sin(mm + m)
            + 0.00208 * e * e * Math.sin(2 * m)
            - 0.00111 * Math.sin(mm - 2 * f)
            - 0.00057 * Math.sin(mm + 2 * f)
            + 0.00056 * e * Math.sin(2 * mm + m)
            - 0.00042 * Math.sin(3 * mm)
            + 0.00042 * e * Math.sin(m + 2 * f)
            + 0.00038 * e * Math.sin(m - 2 * f)
            - 0.00024 * e * Math.sin(2 * mm - m)
            - 0.00017 * Math.sin(omega)
            - 0.00007 * Math.sin(mm + 2 * m)
            + 0.00004 * Math.sin(2 * mm - 2 * f)
            + 0.00004 * Math.sin(3 * m)
            + 0.00003 * Math.sin(mm + m - 2 * f)
            + 0.00003 * Math.sin(2 * mm + 2 * f)
            - 0.00003 * Math.sin(mm + m + 2 * f)
            + 0.00003 * Math.sin(mm - m + 2 * f)
            - 0.00002 * Math.sin(mm - m - 2 * f)
            - 0.00002 * Math.sin(3 * mm + m)
            + 0.00002 * Math.sin(4 * mm);
    double[][] planetary = {
      {299.77, 0.107408, 0.000325}, {251.88, 0.016321, 0.000165}, {251.83, 26.651886, 0.000164},
      {349.42, 36.412478, 0.000126}, {84.66, 18.206239, 0.000110}, {141.74, 53.303771, 0.000062},
      {207.14, 2.453732, 0.000060}, {154.84, 7.306860, 0.000056}, {34.52, 27.261239, 0.000047},
      {207.19, 0.121824, 0.000042}, {291.34, 1.844379, 0.000040}, {161.72, 24.198154, 0.000037},
      {239.56, 25.513099, 0.000035}, {331.55, 3.592518, 0.000023}
    };
    for (int i = 0; i < planetary.length; i++) {
      double argument = planetary[i][0] + planetary[i][1] * k - (i == 0 ? 0.009173 * t * t : 0);
      jde += planetary[i][2] * Math.sin(Math.toRadians(argument));
    }
    return fromJulianEphemerisDay(jde, day.getYear());
  }

  /** Dynamical time to an instant, with ΔT for the year. */
  private static Instant fromJulianEphemerisDay(double jde, int year) {
    double jdUt = jde - deltaTSeconds(year) / 86_400.0;
    return Instant.ofEpochMilli(Math.round((jdUt - 2_440_587.5) * 86_400_000.0));
  }

  /**
   * 正月初一, 五月初五 and 八月十五 of a Gregorian year. ICU's {@link ChineseCalendar} numbers the months
   * (which month is 正月, where a leap month falls: 2009 had a leap fifth month with its own fifth
   * day on 27 June, and 端午 is in the ordinary one). Its moon, though, is a Keplerian approximation
   * that is minutes off, and when a new moon falls minutes from Beijing midnight ICU starts the
   * month on the wrong day: ICU 79.1 puts 春节 2027 on 7 February (the new moon is at 23:56 on the
   * 6th) and 春节 2030 on 2 February (new moon at 00:07 on the 3rd). So the first day of each month
   * we use is re-derived from {@link #newMoonNear(LocalDate)}; a disagreement of more than one day
   * would be a bug, not a rounding, and is refused.
   */
  private record LunarDates(LocalDate newYear, LocalDate dragonBoat, LocalDate midAutumn) {

    static LunarDates of(int year) {
      // The calendar's own zone only maps our date to an instant (noon UTC of that date); ICU
      // computes the lunar
      // months themselves for China's time zone whatever zone the calendar is given.
      ChineseCalendar chinese = new ChineseCalendar(TimeZone.GMT_ZONE, ULocale.ROOT);
      Map<Integer, LocalDate> monthStarts = new TreeMap<>();
      for (LocalDate day = LocalDate.of(year, 1, 1); day.getYear() == year; day = day.plusDays(1)) {
        chinese.setTimeInMillis(day.toEpochDay() * 86_400_000L + 43_200_000L);
        int month = chinese.get(ChineseCalendar.MONTH);
        boolean wanted = month == FIRST_MONTH || month == FIFTH_MONTH || month == EIGHTH_MONTH;
        if (wanted
            && chinese.get(ChineseCalendar.DAY_OF_MONTH) == 1
            && chinese.get(ChineseCalendar.IS_LEAP_MONTH) == 0) {
          LocalDate earlier = monthStarts.put(month, day);
          if (earlier != null) {
            throw new IllegalStateException(
                "ICU starts Chinese month " + (month + 1) + " twice in " + year);
          }
        }
      }
      if (monthStarts.size() != 3) {
        throw new IllegalStateException("ICU gave month starts " + monthStarts + " in " + year);
      }
      return new LunarDates(
          firstDay(monthStarts.get(FIRST_MONTH)),
          firstDay(monthStarts.get(FIFTH_MONTH)).plusDays(4),
          firstDay(monthStarts.get(EIGHTH_MONTH)).plusDays(14));
    }

    /** The Beijing date of the new moon that ICU's month start stands for. */
    private static LocalDate firstDay(LocalDate icuStart) {
      LocalDate newMoon = LocalDate.ofInstant(newMoonNear(icuStart), BEIJING);
      if (Math.abs(newMoon.toEpochDay() - icuStart.toEpochDay()) > 1) {
        throw new IllegalStateException(
            "ICU starts a lunar month on " + icuStart + " but the new moon is on " + newMoon);
      }
      return newMoon;
    }
  }
}
