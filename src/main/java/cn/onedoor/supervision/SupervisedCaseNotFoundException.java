package cn.onedoor.supervision;

/** No case with this code in the registry: 404. */
class SupervisedCaseNotFoundException extends RuntimeException {

  SupervisedCaseNotFoundException(String caseCode) {
    super("未找到案件 " + caseCode);
  }
}
