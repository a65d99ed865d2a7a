package cn.onedoor.deadline;

import java.time.LocalDate;
import java.util.SortedMap;
import java.util.TreeMap;

/** TEMPORARY STUB, replaced by the helper's version. */
final class StatutoryHolidays {
  static final String NEW_YEAR = "元旦", SPRING_FESTIVAL = "春节", QINGMING = "清明节", LABOUR_DAY = "劳动节",
      DRAGON_BOAT = "端午节", MID_AUTUMN = "中秋节", NATIONAL_DAY = "国庆节";

  static SortedMap<LocalDate, String> of(int year) {
    SortedMap<LocalDate, String> days = new TreeMap<>();
    days.put(LocalDate.of(year, 1, 1), NEW_YEAR);
    days.put(LocalDate.of(year, 5, 1), LABOUR_DAY);
    days.put(LocalDate.of(year, 5, 2), LABOUR_DAY);
    days.put(LocalDate.of(year, 10, 1), NATIONAL_DAY);
    days.put(LocalDate.of(year, 10, 2), NATIONAL_DAY);
    days.put(LocalDate.of(year, 10, 3), NATIONAL_DAY);
    return days;
  }

  static String rulesInForce(int year) {
    return "《全国年节及纪念日放假办法》（2024年修订，国务院令第795号）";
  }

  static boolean isKnownName(String name) {
    return name != null && !name.isBlank();
  }
}
