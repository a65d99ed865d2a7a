package cn.onedoor.intake;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.regex.Pattern;

/**
 * Resident ID numbers, unified social credit codes and mobiles: how to tell a valid one, and how to
 * show one to somebody who may not read it in full. Only masked values leave the registry
 * (responses, process variables, logs).
 */
public final class PersonalData {

  private static final Pattern RESIDENT_ID = Pattern.compile("[1-9]\\d{16}[\\dX]");
  private static final int[] RESIDENT_ID_WEIGHTS = {
    7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2
  };
  private static final String RESIDENT_ID_CHECK = "10X98765432";
  private static final DateTimeFormatter BIRTH_DATE =
      DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);

  private static final String CREDIT_CODE_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  private static final int[] CREDIT_CODE_WEIGHTS = {
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28
  };
  private static final Pattern CREDIT_CODE =
      Pattern.compile("[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}");

  private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

  /** What looks like a resident ID or a mobile inside free text (a summary typed by an officer). */
  private static final Pattern IN_TEXT =
      Pattern.compile("(?<![\\dA-Za-z])(?:[1-9]\\d{16}[\\dXx]|1[3-9]\\d{9})(?![\\dA-Za-z])");

  private PersonalData() {}

  /** GB 11643: 17 digits, a real birth date, and the ISO 7064 MOD 11-2 check character. */
  public static boolean isResidentId(String value) {
    if (value == null || !RESIDENT_ID.matcher(value).matches()) {
      return false;
    }
    try {
      LocalDate birth = LocalDate.parse(value.substring(6, 14), BIRTH_DATE);
      if (birth.getYear() < 1900) {
        return false;
      }
    } catch (DateTimeParseException notADate) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (value.charAt(i) - '0') * RESIDENT_ID_WEIGHTS[i];
    }
    return RESIDENT_ID_CHECK.charAt(sum % 11) == value.charAt(17);
  }

  /** GB 32100: 18 characters of its alphabet, the last a MOD 31 check character. */
  public static boolean isCreditCode(String value) {
    if (value == null || !CREDIT_CODE.matcher(value).matches()) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += CREDIT_CODE_CHARS.indexOf(value.charAt(i)) * CREDIT_CODE_WEIGHTS[i];
    }
    int check = (31 - sum % 31) % 31;
    return CREDIT_CODE_CHARS.charAt(check) == value.charAt(17);
  }

  /** A mainland mobile number: 11 digits starting 13–19. */
  public static boolean isMobile(String value) {
    return value != null && MOBILE.matcher(value).matches();
  }

  /**
   * {@code 511725199001011234} → {@code 5117**********1234}: the county part and the last four
   * stay.
   */
  public static String maskResidentId(String value) {
    return value == null
        ? null
        : value.substring(0, 4)
            + "*".repeat(value.length() - 8)
            + value.substring(value.length() - 4);
  }

  /** {@code 13812345678} → {@code 138****5678}. */
  public static String maskMobile(String value) {
    return value == null
        ? null
        : value.substring(0, 3) + "****" + value.substring(value.length() - 4);
  }

  /** Masks every resident ID and mobile number inside free text. */
  public static String maskInText(String text) {
    if (text == null) {
      return null;
    }
    return IN_TEXT
        .matcher(text)
        .replaceAll(
            match -> {
              String found = match.group();
              return found.length() == 18 ? maskResidentId(found) : maskMobile(found);
            });
  }
}
