package cn.onedoor.casefile;

/**
 * A case process started without a registration: cases come in through the intake (POST
 * /api/cases), nowhere else.
 */
public class CaseNotRegisteredException extends RuntimeException {

  public CaseNotRegisteredException(String caseCode) {
    super("案件 " + caseCode + " 未经登记：请通过登记接口（POST /api/cases）或 Tasklist 的登记表单受理案件");
  }
}
