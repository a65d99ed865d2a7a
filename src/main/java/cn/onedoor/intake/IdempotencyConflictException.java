package cn.onedoor.intake;

/**
 * A key already names a different registration: 409, with the field that carried the key and the
 * case it names.
 */
public class IdempotencyConflictException extends RuntimeException {

  private final String field;
  private final String caseCode;

  IdempotencyConflictException(String field, String caseCode) {
    super(field + " 已用于另一份不同的登记（案件 " + caseCode + "）");
    this.field = field;
    this.caseCode = caseCode;
  }

  public String field() {
    return field;
  }

  public String caseCode() {
    return caseCode;
  }
}
