package cn.onedoor.organisation;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The county's units, from our own table (V2__units.sql): who is whose parent, how many people live
 * there.
 */
@Service
public class Units {

  public enum Kind {
    COUNTY,
    TOWN,
    VILLAGE,
    COMMITTEE,
    DEPARTMENT
  }

  public record Unit(String code, String name, Kind kind, String parentCode, Integer population) {}

  private final JdbcTemplate jdbc;

  Units(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** All units, or those of one kind and/or under one parent; ordered by kind, then code. */
  public List<Unit> find(Kind kind, String parentCode) {
    StringBuilder sql = new StringBuilder("select * from unit where 1 = 1");
    List<Object> arguments = new java.util.ArrayList<>();
    if (kind != null) {
      sql.append(" and kind = ?");
      arguments.add(kind.name());
    }
    if (parentCode != null) {
      sql.append(" and parent_code = ?");
      arguments.add(parentCode);
    }
    sql.append(" order by kind, code");
    return jdbc.query(
        sql.toString(),
        (rs, row) ->
            new Unit(
                rs.getString("code"),
                rs.getString("name"),
                Kind.valueOf(rs.getString("kind")),
                rs.getString("parent_code"),
                (Integer) rs.getObject("population", Integer.class)),
        arguments.toArray());
  }
}
