package cn.onedoor.bridge;

import cn.onedoor.casefile.CaseCodes;

/**
 * What every callback body carries: the other system's id for the callback, unchanged when it sends the callback
 * again ({@link CallbackInbox} keys on it), and the case it answers for. The checks on both are declared here once;
 * bodies put them on their two fields as {@code @NotBlank} and {@code @Pattern} (so the published OpenAPI description
 * shows them: swagger-core does not read composed constraints).
 */
public interface CallbackBody {

  String REQUIRED = "必填";
  String CALLBACK_ID = "[A-Za-z0-9._:-]{1,100}";
  String CALLBACK_ID_REASON = "1-100 位字母、数字或 ._:-";
  String CASE_CODE = CaseCodes.FORMAT;
  String CASE_CODE_REASON = "格式为 县代码-年份-6位序号";

  String callbackId();

  String caseCode();
}
