package cn.onedoor.bridge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies a callback once. The row in {@code bridge_callback} and the message correlation share one
 * transaction: either the answer reached the case and the callback is remembered, or neither (an
 * unknown case, a case not waiting for that answer), so the caller may send it again later. A
 * repeat of a remembered callback changes nothing; the same callback id with a different body is
 * refused.
 */
@Service
public class CallbackInbox {

  private static final Logger LOG = LoggerFactory.getLogger(CallbackInbox.class);

  private final JdbcTemplate jdbc;
  private final HistoryService historyService;
  private final ObjectMapper json;
  private final Clock clock;

  CallbackInbox(JdbcTemplate jdbc, HistoryService historyService, ObjectMapper json, Clock clock) {
    this.jdbc = jdbc;
    this.historyService = historyService;
    this.json = json;
    this.clock = clock;
  }

  /**
   * @param kind what the callback says (e.g. CONFIRMATION_RULED), part of what makes two callbacks
   *     the same
   * @param apply correlates the message through {@code CaseMessages}
   */
  @Transactional
  public CallbackAnswer accept(
      ExternalSystem system, String kind, CallbackBody body, Runnable apply) {
    return accept(system, body.callbackId(), kind, body.caseCode(), body, apply);
  }

  public CallbackAnswer accept(
      ExternalSystem system,
      String callbackId,
      String kind,
      String caseCode,
      Object body,
      Runnable apply) {
    String hash = hash(kind, body);
    List<String> earlier =
        jdbc.queryForList(
            "select request_hash from bridge_callback where system_name = ? and callback_id = ?",
            String.class,
            system.name(),
            callbackId);
    if (!earlier.isEmpty()) {
      if (earlier.get(0).equals(hash)) {
        return new CallbackAnswer(callbackId, caseCode, "ALREADY_RECEIVED");
      }
      throw new CallbackRejectedException(
          HttpStatus.UNPROCESSABLE_ENTITY,
          "回调编号重复",
          "callbackId " + callbackId + " 已用于另一内容不同的回调；每个回调须使用新的编号");
    }
    if (!caseKnown(caseCode)) {
      throw new CallbackRejectedException(
          HttpStatus.NOT_FOUND, "案件不存在", "没有编码为 " + caseCode + " 的案件");
    }
    try {
      jdbc.update(
          "insert into bridge_callback (system_name, callback_id, kind, case_code, request_hash, received_at) "
              + "values (?, ?, ?, ?, ?, ?)",
          system.name(),
          callbackId,
          kind,
          caseCode,
          hash,
          Timestamp.from(clock.instant()));
    } catch (DuplicateKeyException sentTwiceAtOnce) {
      // The same callback arrived twice at the same moment; the other request applied it.
      throw new AlreadyReceived(new CallbackAnswer(callbackId, caseCode, "ALREADY_RECEIVED"));
    }
    try {
      apply.run();
    } catch (MismatchingMessageCorrelationException notWaiting) {
      throw new CallbackRejectedException(
          HttpStatus.CONFLICT,
          "案件未在等待该答复",
          "案件 "
              + caseCode
              + " 当前不在等待"
              + system.title()
              + "的这一答复（"
              + kind
              + "）：可能尚未提出相应申请，"
              + "或该答复已经到达");
    } catch (OptimisticLockingException concurrent) {
      throw new CallbackRejectedException(
          HttpStatus.SERVICE_UNAVAILABLE, "案件正被同时处理", "案件 " + caseCode + " 正在被同时更新，请稍后重发同一回调");
    } catch (ProcessEngineException cannotApply) {
      // A diagram element refusing the answer by law (e.g. an unlawful trial-period extension)
      // throws inside the correlation; the engine may wrap it. Everything is rolled back.
      for (Throwable cause = cannotApply; cause != null; cause = cause.getCause()) {
        if (cause instanceof CallbackRejectedException refused) {
          throw refused;
        }
      }
      LOG.warn(
          "Callback {} {} for case {} could not be applied: {}",
          system,
          kind,
          caseCode,
          cannotApply.getMessage());
      throw new CallbackRejectedException(
          HttpStatus.UNPROCESSABLE_ENTITY,
          "答复无法处理",
          "案件 " + caseCode + " 无法接受该答复：" + cannotApply.getMessage());
    }
    LOG.info("Callback {} {} {} applied to case {}", system, kind, callbackId, caseCode);
    return new CallbackAnswer(callbackId, caseCode, "APPLIED");
  }

  /**
   * The same callback applied by a request running at the same moment: answered 200 after the
   * rollback.
   */
  static final class AlreadyReceived extends RuntimeException {

    private final CallbackAnswer answer;

    AlreadyReceived(CallbackAnswer answer) {
      super(answer.callbackId());
      this.answer = answer;
    }

    CallbackAnswer answer() {
      return answer;
    }
  }

  /**
   * A case is known once registered (case_progress) or while any process runs or ran under its
   * code.
   */
  private boolean caseKnown(String caseCode) {
    Integer registered =
        jdbc.queryForObject(
            "select count(*) from case_progress where case_code = ?", Integer.class, caseCode);
    return registered != null && registered > 0
        || historyService
                .createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(caseCode)
                .count()
            > 0;
  }

  private String hash(String kind, Object body) {
    try {
      byte[] canonical =
          (kind + "\n" + json.writeValueAsString(body)).getBytes(StandardCharsets.UTF_8);
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
    } catch (JsonProcessingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
