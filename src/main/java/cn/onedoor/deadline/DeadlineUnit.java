package cn.onedoor.deadline;

/**
 * How a period is counted (docs/domain.md §5). Calendar days are the default of the law; working
 * days only where a rule says 工作日; months and years end on the corresponding day of the month.
 */
public enum DeadlineUnit {
  CALENDAR("日"),
  WORKING("工作日"),
  MONTHS("个月"),
  YEARS("年");

  private final String chinese;

  DeadlineUnit(String chinese) {
    this.chinese = chinese;
  }

  /** The counting word a person reads after the number: 30日, 3个工作日, 6个月, 2年. */
  public String chinese() {
    return chinese;
  }
}
