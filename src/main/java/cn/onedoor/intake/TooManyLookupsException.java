package cn.onedoor.intake;

/** Too many wrong mobile digits for one case: 429 for a while. */
public class TooManyLookupsException extends RuntimeException {

  public TooManyLookupsException() {
    super("尝试次数过多，请 15 分钟后再试，或到任一调解中心窗口查询");
  }
}
