package cn.onedoor.supervision;

/** A supervision order on a closed case would ask a unit to answer for work that is over: 409. */
class CaseAlreadyClosedException extends RuntimeException {

  CaseAlreadyClosedException(String caseCode) {
    super("案件 " + caseCode + " 已结案，不能再下发督办令");
  }
}
