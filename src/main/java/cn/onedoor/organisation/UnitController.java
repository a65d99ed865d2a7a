package cn.onedoor.organisation;

import cn.onedoor.organisation.Units.Kind;
import cn.onedoor.organisation.Units.Unit;
import cn.onedoor.web.InvalidParam;
import cn.onedoor.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The units intake codes and group ids refer to, for other systems and our own pages. */
@RestController
@Tag(name = "单位 Units", description = "县、乡镇、村（社区）、专业调委会、驻点部门 / The county's units")
@SecurityRequirement(name = "basicAuth")
class UnitController {

  private final Units units;

  UnitController(Units units) {
    this.units = units;
  }

  @GetMapping(path = "/api/units", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "单位列表 / List units",
      description =
          "可按类别、上级单位筛选。人口用于万人成讼率。/ Filter by kind and parent; population feeds "
              + "litigation per 10,000 inhabitants.")
  ResponseEntity<?> list(
      @Parameter(description = "COUNTY, TOWN（镇、乡、街道）, VILLAGE, COMMITTEE, DEPARTMENT")
          @RequestParam(required = false)
          String kind,
      @Parameter(description = "上级单位代码 / parent unit code, e.g. 511725104")
          @RequestParam(required = false)
          String parent) {
    Kind wanted = null;
    if (kind != null) {
      wanted =
          Arrays.stream(Kind.values()).filter(k -> k.name().equals(kind)).findFirst().orElse(null);
      if (wanted == null) {
        return Problems.answer(
            HttpStatus.BAD_REQUEST,
            "Invalid parameter",
            "未知的单位类别：" + kind,
            List.of(new InvalidParam("kind", "one of " + Arrays.toString(Kind.values()))),
            null);
      }
    }
    List<Unit> found = units.find(wanted, parent);
    return ResponseEntity.ok(found);
  }
}
