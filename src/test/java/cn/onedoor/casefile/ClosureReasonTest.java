package cn.onedoor.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import cn.onedoor.models.ModelFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The closure form and what staff and parties read afterwards name the same reasons the same way: a
 * designer who adds or renames an option on case-closure.form finds out here.
 */
class ClosureReasonTest {

  @Test
  void theClosureFormOffersExactlyTheReasonsWithTheirNames() throws IOException {
    JsonNode form = new ObjectMapper().readTree(ModelFiles.form("case-closure").toFile());
    Map<String, String> offered = new LinkedHashMap<>();
    form.findParents("key").stream()
        .filter(field -> "closureReason".equals(field.path("key").asText()))
        .forEach(
            field ->
                field
                    .path("values")
                    .forEach(
                        option ->
                            offered.put(
                                option.path("value").asText(), option.path("label").asText())));

    Map<String, String> named =
        Arrays.stream(ClosureReason.values())
            .collect(
                Collectors.toMap(
                    Enum::name, ClosureReason::chineseName, (a, b) -> a, LinkedHashMap::new));
    assertThat(offered).containsExactlyEntriesOf(named);
  }

  @Test
  void aCodeFromAnOlderFormIsShownAsStored() {
    assertThat(ClosureReason.chineseNameOf("PERFORMED")).isEqualTo("履行完毕");
    assertThat(ClosureReason.chineseNameOf("MERGED")).isEqualTo("MERGED");
    assertThat(ClosureReason.chineseNameOf(null)).isNull();
  }
}
