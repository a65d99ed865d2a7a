package cn.onedoor.notification;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The parties' mobile numbers for a case, read from the case registry ({@code case_party}) at the
 * moment of sending, never carried in process variables (docs/domain.md §7). A party registered
 * without a mobile gets no SMS; a case without any (rare) sends an empty list, which the gateway
 * records and sends to nobody.
 */
@Component
class PartyMobiles {

  private final JdbcTemplate jdbc;

  PartyMobiles(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  List<String> of(String caseCode) {
    return jdbc.queryForList(
        "select distinct mobile from case_party where case_code = ? and mobile is not null "
            + "order by mobile",
        String.class,
        caseCode);
  }
}
