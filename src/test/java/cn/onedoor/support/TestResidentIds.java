package cn.onedoor.support;

/**
 * Valid resident ID numbers (GB 11643 check digit) for test parties: born in 渠县 on 1980-01-01,
 * numbered.
 */
public final class TestResidentIds {

  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final String CHECK = "10X98765432";

  private TestResidentIds() {}

  /** The n-th test person (0 ≤ n < 1000·days): the sequence number and birth day vary with n. */
  public static String forNumber(int n) {
    String body =
        "511725"
            + java.time.LocalDate.of(1980, 1, 1)
                .plusDays(n / 1000)
                .format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE)
            + String.format("%03d", n % 1000);
    return withCheckDigit(body);
  }

  public static String withCheckDigit(String first17) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (first17.charAt(i) - '0') * WEIGHTS[i];
    }
    return first17 + CHECK.charAt(sum % 11);
  }
}
