package cn.onedoor.county;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The county's code and name for pages anyone may open (the parties' status page names the centre
 * and shows a case code of this county as an example); configuration, public anyway.
 */
@RestController
@Tag(name = "当事人 Parties")
class PublicCountyController {

  record County(String code, String name) {}

  private final County county;

  PublicCountyController(
      @Value("${onedoor.county.code}") String code, @Value("${onedoor.county.name}") String name) {
    this.county = new County(code, name);
  }

  @GetMapping(path = "/api/public/county", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "本县代码与名称 / The county's code and name")
  County county() {
    return county;
  }
}
