package cn.onedoor.intake;

/**
 * No such case, or (for the party view) no party of it with that mobile: the same answer, so
 * nothing leaks.
 */
public class CaseNotFoundException extends RuntimeException {

  public CaseNotFoundException(String caseCode) {
    super("未找到案件 " + caseCode);
  }
}
