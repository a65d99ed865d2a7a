package cn.onedoor.county;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A CSV file as a spreadsheet writes it (RFC 4180: comma, double quotes around a field that holds
 * one, CRLF or LF, a UTF-8 byte-order mark tolerated): a header row naming the columns, then one
 * record per row. Rows are numbered as the spreadsheet shows them, the header being row 1, so an
 * error names the row a person can find.
 */
final class Csv {

  /** One record: its row number and its fields by column name (missing fields are empty). */
  record Row(int number, Map<String, String> fields) {
    String get(String column) {
      return fields.getOrDefault(column, "").trim();
    }
  }

  /** The header and the records; blank lines are skipped. */
  record Table(List<String> header, List<Row> rows) {}

  private Csv() {}

  static Table parse(String text) {
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    List<List<String>> lines = new ArrayList<>();
    List<Integer> lineNumbers = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    int line = 1;
    int recordLine = 1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          if (c == '\n') {
            line++;
          }
          field.append(c);
        }
      } else if (c == '"' && field.isEmpty()) {
        quoted = true;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        fields.add(field.toString());
        field.setLength(0);
        lines.add(fields);
        lineNumbers.add(recordLine);
        fields = new ArrayList<>();
        line++;
        recordLine = line;
      } else {
        field.append(c);
      }
    }
    if (!field.isEmpty() || !fields.isEmpty()) {
      fields.add(field.toString());
      lines.add(fields);
      lineNumbers.add(recordLine);
    }
    List<String> header = new ArrayList<>();
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      List<String> values = lines.get(i);
      if (values.stream().allMatch(value -> value.isBlank())) {
        continue;
      }
      if (header.isEmpty()) {
        values.forEach(name -> header.add(name.trim()));
        continue;
      }
      Map<String, String> byColumn = new LinkedHashMap<>();
      for (int c = 0; c < values.size(); c++) {
        byColumn.put(c < header.size() ? header.get(c) : "#" + (c + 1), values.get(c));
      }
      rows.add(new Row(lineNumbers.get(i), byColumn));
    }
    return new Table(header, rows);
  }
}
