package cn.onedoor.organisation;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The county's units, from our own table (V2__units.sql, V60__real_towns.sql): who is whose parent,
 * how many people live there, and which rows are demo data the county replaces with its own.
 */
@Service
public class Units {

  /**
   * A unit's level in the chain. Towns (镇), townships (乡) and subdistricts (街道) are all TOWN: they
   * hold the same place between villages and the county, with the same groups ({@code
   * role:town:<code>}) and the same supervision; the name says which one a unit is.
   */
  public enum Kind {
    COUNTY,
    TOWN,
    VILLAGE,
    COMMITTEE,
    DEPARTMENT
  }

  /**
   * {@code demo}: invented for the demo run (the villages under the real towns), not the county's
   * own data.
   */
  public record Unit(
      String code, String name, Kind kind, String parentCode, Integer population, boolean demo) {}

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
                (Integer) rs.getObject("population", Integer.class),
                rs.getBoolean("demo")),
        arguments.toArray());
  }
}
