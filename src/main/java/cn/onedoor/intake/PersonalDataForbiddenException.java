package cn.onedoor.intake;

/** A full resident ID or mobile asked for by someone whose role does not need it. */
public class PersonalDataForbiddenException extends RuntimeException {

  public PersonalDataForbiddenException(String user) {
    super("用户 " + user + " 的角色无需读取当事人完整身份信息");
  }
}
