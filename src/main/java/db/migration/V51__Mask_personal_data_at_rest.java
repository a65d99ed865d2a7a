package db.migration;

import cn.onedoor.intake.PersonalData;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Masks the resident ID numbers and mobiles already at rest outside {@code case_party} in a
 * database from before they were masked on the way in: sent requests and their receipts (an SMS's
 * recipients), summaries an officer typed numbers into, the purposes of personal-data reads. From
 * now on each is masked as it is written ({@code bridge/OutboundRequests}, {@code
 * intake/CaseRegistry}, {@code intake/CaseStatuses}); this does the same once for older rows. Java,
 * not SQL, so that H2 and PostgreSQL mask with the one rule of {@link PersonalData}.
 */
public class V51__Mask_personal_data_at_rest extends BaseJavaMigration {

  private record Column(String table, String key, String column) {}

  private static final List<Column> COLUMNS =
      List.of(
          new Column("outbound_request", "id", "payload"),
          new Column("outbound_request", "id", "response_body"),
          new Column("dispute_case", "case_code", "summary"),
          new Column("personal_data_read", "id", "purpose"));

  @Override
  public void migrate(Context context) throws SQLException {
    Connection connection = context.getConnection();
    for (Column column : COLUMNS) {
      mask(connection, column);
    }
  }

  /** A thousand rows at a time, by key, so a large database is not read into memory at once. */
  private static void mask(Connection connection, Column column) throws SQLException {
    String page =
        "select %1$s, %2$s from %3$s where %1$s > ? order by %1$s fetch first 1000 rows only"
            .formatted(column.key(), column.column(), column.table());
    String first =
        "select %1$s, %2$s from %3$s order by %1$s fetch first 1000 rows only"
            .formatted(column.key(), column.column(), column.table());
    String update =
        "update %s set %s = ? where %s = ?"
            .formatted(column.table(), column.column(), column.key());
    Object after = null;
    while (true) {
      List<Object[]> changed = new ArrayList<>();
      int read = 0;
      try (PreparedStatement select = connection.prepareStatement(after == null ? first : page)) {
        if (after != null) {
          select.setObject(1, after);
        }
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            read++;
            after = rows.getObject(1);
            String raw = rows.getString(2);
            String masked = PersonalData.maskInText(raw);
            if (raw != null && !raw.equals(masked)) {
              changed.add(new Object[] {masked, after});
            }
          }
        }
      }
      try (PreparedStatement write = connection.prepareStatement(update)) {
        for (Object[] row : changed) {
          write.setString(1, (String) row[0]);
          write.setObject(2, row[1]);
          write.addBatch();
        }
        write.executeBatch();
      }
      if (read < 1000) {
        return;
      }
    }
  }
}
