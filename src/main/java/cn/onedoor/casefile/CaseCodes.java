package cn.onedoor.casefile;

import java.time.Year;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 一案一码: draws the next case code of the county for a year. The sequence row stays locked until the
 * registering transaction ends, so codes are unique and, because a rolled-back registration gives
 * its number back, gap-free.
 */
@Service
public class CaseCodes {

  /** A case code's shape: county code, year, six-digit number, e.g. {@code 511725-2026-000123}. */
  public static final String FORMAT = "[0-9]{6}-[0-9]{4}-[0-9]{6}";

  private static final Pattern WELL_FORMED = Pattern.compile(FORMAT);

  private final JdbcTemplate jdbc;
  private final TransactionTemplate ownTransaction;
  private final String countyCode;

  CaseCodes(
      JdbcTemplate jdbc,
      PlatformTransactionManager transactions,
      @Value("${onedoor.county.code}") String countyCode) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.countyCode = countyCode;
  }

  /** Whether the text has a case code's shape (null has not). */
  public static boolean wellFormed(String caseCode) {
    return caseCode != null && WELL_FORMED.matcher(caseCode).matches();
  }

  /**
   * Joins the caller's transaction (the engine's, when a process starts), so the code lives or dies
   * with the case.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public String next(Year year) {
    int updated =
        jdbc.update(
            "update case_code_sequence set last_value = last_value + 1 where county_code = ? and code_year = ?",
            countyCode,
            year.getValue());
    if (updated == 0) {
      createYear(year);
      return next(year);
    }
    Integer value =
        jdbc.queryForObject(
            "select last_value from case_code_sequence where county_code = ? and code_year = ?",
            Integer.class,
            countyCode,
            year.getValue());
    return "%s-%d-%06d".formatted(countyCode, year.getValue(), value);
  }

  /**
   * The year's first registration creates its row in a transaction of its own: on PostgreSQL a
   * failed insert would abort the registering transaction, and two first registrations of a year
   * may race here.
   */
  private void createYear(Year year) {
    try {
      ownTransaction.executeWithoutResult(
          status ->
              jdbc.update(
                  "insert into case_code_sequence (county_code, code_year, last_value) values (?, ?, 0)",
                  countyCode,
                  year.getValue()));
    } catch (DuplicateKeyException anotherRegistrationWasFirst) {
      // The row exists now; the update in next() will wait for its lock.
    }
  }
}
