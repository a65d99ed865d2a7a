package cn.onedoor.county;

import cn.onedoor.identity.StaffGroups;
import cn.onedoor.web.InvalidParam;
import cn.onedoor.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The administrators' door for a county's units and staff: {@code POST /api/county/units} and
 * {@code POST /api/county/staff}, each a CSV file as the body, {@code ?dryRun=true} to see what
 * would change without changing it. Only members of camunda-admin; the page 单位与人员导入 ({@code
 * /county/}) calls the same.
 */
@RestController
@RequestMapping("/api/county")
@Tag(
    name = "单位与人员导入 County units and staff",
    description = "系统管理员从 CSV 导入本县单位与人员 / Administrators load the county's units and staff")
@SecurityRequirement(name = "basicAuth")
class CountyImportController {

  record County(String code, String name, Integer population) {}

  private final UnitImport unitImport;
  private final StaffImport staffImport;
  private final StaffNotices notices;
  private final IdentityService identityService;
  private final County county;

  CountyImportController(
      UnitImport unitImport,
      StaffImport staffImport,
      StaffNotices notices,
      IdentityService identityService,
      @Value("${onedoor.county.code}") String code,
      @Value("${onedoor.county.name}") String name,
      @Value("${onedoor.county.population:#{null}}") Integer population) {
    this.unitImport = unitImport;
    this.staffImport = staffImport;
    this.notices = notices;
    this.identityService = identityService;
    this.county = new County(code, name, population);
  }

  @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "本县（配置 onedoor.county）/ The county this deployment runs")
  County county() {
    return county;
  }

  @PostMapping(
      path = "/units",
      consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_OCTET_STREAM_VALUE},
      produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "导入单位（系统管理员）/ Load the units (administrators)",
      description =
          "CSV，UTF-8，表头 kind,code,name,parent,population；kind 为 TOWN、VILLAGE、COMMITTEE、DEPARTMENT。"
              + "文件即全部单位：文件中没有的单位将被删除（有未结案件的单位不能删除，409）。县本身来自配置 onedoor.county。")
  @io.swagger.v3.oas.annotations.parameters.RequestBody(
      content =
          @Content(
              mediaType = "text/csv",
              schema =
                  @Schema(
                      example =
                          "kind,code,name,parent,population\nTOWN,511724100,竹阳街道,,90000\n"
                              + "VILLAGE,511724100001,东柳社区,511724100,6000\nCOMMITTEE,MEDICAL,县医疗纠纷人民调解委员会,,")))
  @ApiResponse(responseCode = "200", description = "导入结果（或预演）：新增、变更、删除、未变")
  @ApiResponse(
      responseCode = "400",
      description = "文件有误，invalidParams / rows 指出行与列，未导入任何内容",
      content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
  @ApiResponse(responseCode = "403", description = "仅系统管理员", content = @Content)
  @ApiResponse(
      responseCode = "409",
      description = "将被删除的单位仍有未结案件（openCases），未导入任何内容",
      content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
  ResponseEntity<?> units(
      @Parameter(description = "true：只预演，不改动") @RequestParam(defaultValue = "false") boolean dryRun,
      @RequestBody(required = false) byte[] body,
      HttpServletRequest request) {
    ResponseEntity<ProblemDetail> refused = refusedUnlessAdministrator(request);
    if (refused != null) {
      return refused;
    }
    return ResponseEntity.ok(unitImport.load(text(body), dryRun));
  }

  @PostMapping(
      path = "/staff",
      consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_OCTET_STREAM_VALUE},
      produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "导入人员（系统管理员）/ Load the staff (administrators)",
      description =
          "CSV，UTF-8，表头 username,name,role,level,unit,mobile；每人进入组 role:level:unit 并获得该角色的基本权限，"
              + "新账号的初始密码以短信告知，首次登录须修改。文件即全部导入人员：以前导入、文件中没有的人员将被删除。")
  @io.swagger.v3.oas.annotations.parameters.RequestBody(
      content =
          @Content(
              mediaType = "text/csv",
              schema =
                  @Schema(
                      example =
                          "username,name,role,level,unit,mobile\n"
                              + "zyvillage,李东柳,mediator,village,511724100001,13800001111")))
  @ApiResponse(responseCode = "200", description = "导入结果（或预演）")
  @ApiResponse(
      responseCode = "400",
      description = "文件有误，invalidParams / rows 指出行与列，未导入任何内容",
      content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
  @ApiResponse(responseCode = "403", description = "仅系统管理员", content = @Content)
  ResponseEntity<?> staff(
      @Parameter(description = "true：只预演，不改动") @RequestParam(defaultValue = "false") boolean dryRun,
      @RequestBody(required = false) byte[] body,
      HttpServletRequest request) {
    ResponseEntity<ProblemDetail> refused = refusedUnlessAdministrator(request);
    if (refused != null) {
      return refused;
    }
    StaffImport.Loaded loaded = staffImport.load(text(body), dryRun);
    List<String> notSent = notices.send(loaded.notices());
    ImportPlan plan = loaded.plan();
    if (!notSent.isEmpty()) {
      List<String> notes = new ArrayList<>(plan.notes());
      notes.add("初始密码短信未送达：" + String.join("、", notSent) + "。短信网关恢复后再导入一次同一文件，将重新生成并发送。");
      plan =
          new ImportPlan(
              plan.dryRun(), plan.added(), plan.changed(), plan.removed(), plan.unchanged(), notes);
    }
    return ResponseEntity.ok(plan);
  }

  private ResponseEntity<ProblemDetail> refusedUnlessAdministrator(HttpServletRequest request) {
    var authentication = identityService.getCurrentAuthentication();
    if (authentication == null
        || authentication.getGroupIds() == null
        || !authentication.getGroupIds().contains(StaffGroups.ADMINISTRATORS)) {
      return Problems.answer(HttpStatus.FORBIDDEN, "无权导入", "只有系统管理员可以导入单位与人员", List.of(), request);
    }
    return null;
  }

  private static String text(byte[] body) {
    return body == null ? "" : new String(body, StandardCharsets.UTF_8);
  }

  @ExceptionHandler(InvalidImportException.class)
  ResponseEntity<ProblemDetail> invalid(InvalidImportException e, HttpServletRequest request) {
    List<InvalidParam> params =
        e.problems().stream()
            .map(p -> new InvalidParam("row " + p.row() + ", " + p.column(), p.reason()))
            .toList();
    ProblemDetail problem =
        Problems.problem(
            HttpStatus.BAD_REQUEST,
            "导入文件有误，未导入任何内容",
            String.join(
                "；",
                e.problems().stream()
                    .map(p -> "第" + p.row() + "行 " + p.column() + " 列：" + p.reason())
                    .toList()),
            params,
            request);
    problem.setProperty("file", e.file());
    problem.setProperty("rows", e.problems());
    return Problems.answer(problem);
  }

  @ExceptionHandler(UnitsWithOpenCasesException.class)
  ResponseEntity<ProblemDetail> openCases(
      UnitsWithOpenCasesException e, HttpServletRequest request) {
    ProblemDetail problem =
        Problems.problem(
            HttpStatus.CONFLICT,
            "单位仍有未结案件，不能删除",
            "文件中缺少的单位仍有 "
                + e.openCases()
                + " 件未结案件："
                + String.join(
                    "、",
                    e.units().stream()
                        .map(u -> u.name() + "（" + u.code() + "）" + u.openCases() + " 件")
                        .toList())
                + "。请先办结或移交这些案件，或在文件中保留这些单位。未导入任何内容。",
            List.of(),
            request);
    problem.setProperty("openCases", e.openCases());
    problem.setProperty("units", e.units());
    return Problems.answer(problem);
  }
}
