package cn.onedoor.audit;

import cn.onedoor.casefile.CaseCodes;
import cn.onedoor.security.CaseAccess;
import cn.onedoor.web.InvalidParam;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit trail for the county supervisor: who read personal data, handed over, ordered, changed
 * by hand.
 */
@RestController
@Tag(name = "审计 Audit", description = "县级督办人员查看：读取个人信息、移交、督办令、Cockpit 手工操作，逐条可追溯到人")
@SecurityRequirement(name = "basicAuth")
class AuditController {

  private static final Duration DEFAULT_PERIOD = Duration.ofDays(30);
  private static final int DEFAULT_LIMIT = 200;
  private static final int MAX_LIMIT = 1000;
  private static final ZoneId COUNTY_TIME = ZoneId.of("Asia/Shanghai");

  private final AuditTrail trail;
  private final CaseAccess access;
  private final Clock clock;

  AuditController(AuditTrail trail, CaseAccess access, Clock clock) {
    this.trail = trail;
    this.access = access;
    this.clock = clock;
  }

  @GetMapping(path = "/api/audit", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "审计记录 / Audit trail",
      description =
          """
      仅县级督办员和分管领导可查。按时间倒序列出：读取当事人完整身份信息、移交、督办令、在 Cockpit/Admin/REST 中的手工操作，
      每条写明操作人（“系统”为规则或时钟自动完成）。/ County supervisors only; newest first.""")
  @ApiResponse(responseCode = "200", description = "审计记录")
  @ApiResponse(
      responseCode = "400",
      description = "参数有误（逐项列出）",
      content = @Content(mediaType = "application/problem+json"))
  @ApiResponse(
      responseCode = "403",
      description = "不是县级督办人员",
      content = @Content(mediaType = "application/problem+json"))
  AuditTrail.Page audit(
      @Parameter(description = "起（含），日期 2026-03-01 或时间 2026-03-01T08:00:00+08:00；默认 30 天前")
          @RequestParam(required = false)
          String from,
      @Parameter(description = "止（不含），日期（含当日）或时间；默认现在") @RequestParam(required = false) String to,
      @Parameter(
              description =
                  "PERSONAL_DATA_READ, HAND_OVER, SUPERVISION_ORDER, ENGINE_OPERATION，可逗号分隔；默认全部")
          @RequestParam(required = false)
          String kind,
      @Parameter(description = "案件编号，如 511725-2026-000123") @RequestParam(required = false)
          String caseCode,
      @Parameter(description = "操作人用户名") @RequestParam(required = false) String actor,
      @Parameter(description = "至多条数，1–1000，默认 200") @RequestParam(required = false) String limit,
      Principal caller) {
    access.requireCountySupervisor(caller.getName());
    List<InvalidParam> invalid = new ArrayList<>();
    Instant now = clock.instant();
    Instant end = to == null ? now : instant(to, "to", true, invalid);
    Instant start =
        from == null
            ? (end == null ? now : end).minus(DEFAULT_PERIOD)
            : instant(from, "from", false, invalid);
    if (start != null && end != null && !start.isBefore(end)) {
      invalid.add(new InvalidParam("from", "应早于 to"));
    }
    Set<AuditKind> kinds = kinds(kind, invalid);
    if (caseCode != null && !CaseCodes.wellFormed(caseCode)) {
      invalid.add(new InvalidParam("caseCode", "案件编号格式应为“6位县代码-4位年份-6位序号”（短信告知的编号）"));
    }
    if (actor != null && (actor.isBlank() || actor.length() > 64)) {
      invalid.add(new InvalidParam("actor", "用户名应为 1 至 64 个字符"));
    }
    int max = limit(limit, invalid);
    if (!invalid.isEmpty()) {
      throw new InvalidAuditQueryException(invalid);
    }
    return trail.find(new AuditTrail.Query(start, end, kinds, caseCode, actor, max));
  }

  /** A date means the county's day: from its start ({@code from}) or up to its end ({@code to}). */
  private static Instant instant(
      String value, String name, boolean endOfDay, List<InvalidParam> invalid) {
    try {
      if (value.length() == 10) {
        LocalDate day = LocalDate.parse(value);
        return (endOfDay ? day.plusDays(1) : day).atStartOfDay(COUNTY_TIME).toInstant();
      }
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      invalid.add(new InvalidParam(name, "应为日期 2026-03-01 或带时区的时间 2026-03-01T08:00:00+08:00"));
      return null;
    }
  }

  private static Set<AuditKind> kinds(String value, List<InvalidParam> invalid) {
    if (value == null) {
      return EnumSet.allOf(AuditKind.class);
    }
    Set<AuditKind> kinds = EnumSet.noneOf(AuditKind.class);
    for (String part : value.split(",")) {
      AuditKind kind =
          Arrays.stream(AuditKind.values())
              .filter(k -> k.name().equals(part.trim()))
              .findFirst()
              .orElse(null);
      if (kind == null) {
        invalid.add(
            new InvalidParam(
                "kind", "未知的类别 " + part.trim() + "，应为 " + Arrays.toString(AuditKind.values())));
        return kinds;
      }
      kinds.add(kind);
    }
    return kinds;
  }

  private static int limit(String value, List<InvalidParam> invalid) {
    if (value == null) {
      return DEFAULT_LIMIT;
    }
    try {
      int limit = Integer.parseInt(value.trim());
      if (limit >= 1 && limit <= MAX_LIMIT) {
        return limit;
      }
    } catch (NumberFormatException notANumber) {
      // named below
    }
    invalid.add(new InvalidParam("limit", "应为 1 至 " + MAX_LIMIT + " 的整数"));
    return DEFAULT_LIMIT;
  }
}
