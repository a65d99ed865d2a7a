package cn.onedoor.operations;

import cn.onedoor.identity.StaffGroups;
import cn.onedoor.province.StageReports;
import cn.onedoor.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What Cockpit's 故障 → 重试 was for the former {@code case-status-report} process: the stage reports
 * that ran out of tries or were refused (case, system, step, error), and sending one again after
 * its cause is fixed. Administrators only (camunda-admin), like Cockpit's retry.
 */
@RestController
@RequestMapping("/api/operations/stage-reports")
@Tag(name = "运维：阶段报送 Stage reports", description = "重试用尽或被拒绝的阶段报送，排除原因后重新发送（系统管理员）")
@SecurityRequirement(name = "basicAuth")
class StageReportsController {

  private final StageReports reports;
  private final IdentityService identityService;

  StageReportsController(StageReports reports, IdentityService identityService) {
    this.reports = reports;
    this.identityService = identityService;
  }

  @GetMapping("/failed")
  @Operation(summary = "重试用尽或被拒绝的阶段报送 / Stage reports that failed for good")
  @ApiResponse(responseCode = "403", description = "仅系统管理员")
  ResponseEntity<?> failed(HttpServletRequest request) {
    ResponseEntity<?> refused = refusedUnlessAdministrator(request);
    return refused != null ? refused : ResponseEntity.ok(reports.failed());
  }

  @PostMapping("/{id}/send-again")
  @Operation(summary = "重新发送（再给 5 次机会，第一次立即）/ Send again: 5 new tries, the first at once")
  @ApiResponse(responseCode = "204", description = "已排入发送")
  @ApiResponse(responseCode = "404", description = "没有这条失败的阶段报送")
  ResponseEntity<?> sendAgain(@PathVariable long id, HttpServletRequest request) {
    ResponseEntity<?> refused = refusedUnlessAdministrator(request);
    if (refused != null) {
      return refused;
    }
    if (!reports.sendAgain(id)) {
      return Problems.answer(
          HttpStatus.NOT_FOUND,
          "没有这条失败的阶段报送",
          "编号 " + id + " 不是一条失败的阶段报送（可能已经重新发送或已送达）",
          List.of(),
          request);
    }
    return ResponseEntity.noContent().build();
  }

  private ResponseEntity<?> refusedUnlessAdministrator(HttpServletRequest request) {
    var authentication = identityService.getCurrentAuthentication();
    if (authentication == null
        || authentication.getGroupIds() == null
        || !authentication.getGroupIds().contains(StaffGroups.ADMINISTRATORS)) {
      return Problems.answer(
          HttpStatus.FORBIDDEN, "无权操作", "只有系统管理员可以查看和重新发送阶段报送", List.of(), request);
    }
    return null;
  }
}
