package cn.onedoor.audit;

/**
 * What the county supervisor's audit trail shows: the acts on a case that must be attributable to a
 * person.
 */
public enum AuditKind {
  /** A read of a party's full resident ID or mobile (GET /api/cases/{code}/parties/full). */
  PERSONAL_DATA_READ("读取当事人完整身份信息"),
  /**
   * A case handed to another unit (routing, the mediation ladder), and the receiving unit's
   * acceptance or objection.
   */
  HAND_OVER("移交"),
  /**
   * A supervision order issued (督办令): in Tasklist, or recorded in the journal by the supervisors'
   * page.
   */
  SUPERVISION_ORDER("督办令"),
  /**
   * A change made by hand in Cockpit, Admin or the REST API (the engine's user operation log,
   * Operator/Admin).
   */
  ENGINE_OPERATION("手工操作");

  private final String chineseName;

  AuditKind(String chineseName) {
    this.chineseName = chineseName;
  }

  public String chineseName() {
    return chineseName;
  }
}
