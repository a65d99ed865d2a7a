package cn.onedoor.migration;

import cn.onedoor.identity.StaffGroups;
import cn.onedoor.identity.StaffRole;
import cn.onedoor.migration.ProcessMigrations.BatchProgress;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The designers' door for moving running cases to a new version of their process: which versions
 * still have cases, a dry run, the migration as a batch and its progress. Designers only (group
 * role {@code designer}); what they see is counts and the engine's reasons, never a case.
 */
@RestController
@RequestMapping("/api/designer/migrations")
@Tag(
    name = "流程版本迁移 Migrations",
    description = "在办案件迁移到流程新版本（流程设计员）/ Running cases to a new version")
@SecurityRequirement(name = "basicAuth")
class MigrationController {

  /** A migration asked for: one process, from one version to another. */
  record MigrationRequest(String processKey, Integer sourceVersion, Integer targetVersion) {}

  private final ProcessMigrations migrations;
  private final IdentityService identityService;

  MigrationController(ProcessMigrations migrations, IdentityService identityService) {
    this.migrations = migrations;
    this.identityService = identityService;
  }

  @GetMapping
  @Operation(summary = "各流程在办案件按版本统计 / Running cases per process and version")
  @ApiResponse(responseCode = "403", description = "仅流程设计员")
  ResponseEntity<?> overview(HttpServletRequest request) {
    return asDesigner(request, migrations::overview);
  }

  @PostMapping("/dry-run")
  @Operation(summary = "试迁移：计划与无法迁移的案件及原因（不做任何更改）/ Dry run: plan and what cannot move, why")
  ResponseEntity<?> dryRun(@RequestBody MigrationRequest body, HttpServletRequest request) {
    MigrationRequest r = body == null ? new MigrationRequest(null, null, null) : body;
    return asDesigner(
        request, () -> migrations.dryRun(r.processKey(), r.sourceVersion(), r.targetVersion()));
  }

  @PostMapping("/batches")
  @Operation(summary = "按批迁移源版本的全部在办案件 / Migrate every case of the source version as a batch")
  @ApiResponse(responseCode = "202", description = "批次已开始 / Batch started")
  ResponseEntity<?> migrate(@RequestBody MigrationRequest body, HttpServletRequest request) {
    MigrationRequest r = body == null ? new MigrationRequest(null, null, null) : body;
    ResponseEntity<?> answer =
        asDesigner(
            request,
            () -> migrations.migrate(r.processKey(), r.sourceVersion(), r.targetVersion()));
    return answer.getBody() instanceof BatchProgress
        ? ResponseEntity.status(HttpStatus.ACCEPTED).body(answer.getBody())
        : answer;
  }

  @GetMapping("/batches/{batchId}")
  @Operation(summary = "迁移批次进度 / A migration batch's progress")
  ResponseEntity<?> progress(@PathVariable String batchId, HttpServletRequest request) {
    return asDesigner(request, () -> migrations.progress(batchId));
  }

  /**
   * Designers only; the engine work itself runs without the caller's engine authorizations, since a
   * designer holds no grant on process instances (he reads no case) and needs none to move them.
   */
  private ResponseEntity<?> asDesigner(HttpServletRequest request, Supplier<?> work) {
    Authentication caller = identityService.getCurrentAuthentication();
    boolean designer =
        caller != null
            && caller.getGroupIds() != null
            && caller.getGroupIds().stream()
                .map(StaffGroups::parse)
                .anyMatch(g -> g.isPresent() && g.get().role() == StaffRole.DESIGNER);
    if (!designer) {
      return cn.onedoor.web.Problems.answer(
          HttpStatus.FORBIDDEN, "无权迁移", "只有流程设计员可以查看和迁移流程版本", List.of(), request);
    }
    identityService.clearAuthentication();
    try {
      return ResponseEntity.ok(work.get());
    } finally {
      identityService.setAuthentication(caller);
    }
  }
}
