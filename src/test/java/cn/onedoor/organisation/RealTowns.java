package cn.onedoor.organisation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * 渠县's 37 towns, townships and subdistricts as the National Bureau of Statistics lists them
 * (统计用区划代码, data as of 2022-10-31), read from {@code organisation/511725-towns.csv}: what the unit
 * table, the registration form and the supervisors' grid are held to. Read at test time, so a
 * change to the list shows up as a failing test, not as a second copy to keep in step.
 */
public final class RealTowns {

  /** One row of the list; kind is TOWN (镇), TOWNSHIP (乡) or SUBDISTRICT (街道). */
  public record Town(String code, String name, String kind) {}

  private static final List<Town> TOWNS = read();

  private RealTowns() {}

  /** In the list's order, which is by code. */
  public static List<Town> all() {
    return TOWNS;
  }

  public static List<String> codes() {
    return TOWNS.stream().map(Town::code).toList();
  }

  private static List<Town> read() {
    try (InputStream in = RealTowns.class.getResourceAsStream("/organisation/511725-towns.csv")) {
      if (in == null) {
        throw new IllegalStateException(
            "organisation/511725-towns.csv is not on the test classpath");
      }
      List<String> lines =
          new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1).toList();
      return lines.stream()
          .filter(line -> !line.isBlank())
          .map(line -> line.split(",", -1))
          .map(cells -> new Town(cells[0].trim(), cells[1].trim(), cells[2].trim()))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
