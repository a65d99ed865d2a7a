package cn.onedoor.bridge;

/**
 * What every callback body carries: the other system's id for the callback ({@link CallbackId}) and
 * the case it answers for ({@link CallbackCaseCode}). Bodies implement it and declare the two
 * fields with those constraints.
 */
public interface CallbackBody {

  String callbackId();

  String caseCode();
}
