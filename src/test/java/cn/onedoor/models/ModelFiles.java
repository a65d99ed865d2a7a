package cn.onedoor.models;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the model files are, as the designer saved them: production's top-level processes/,
 * decisions/ and forms/, and the simulated external systems' own models under
 * src/main/resources/simulation/ (deployed in the default profile only). Tests that check every
 * model read both through this class, so the simulation is not left out.
 */
public final class ModelFiles {

  public static final List<Path> PROCESS_FOLDERS =
      List.of(Path.of("processes"), Path.of("src", "main", "resources", "simulation", "processes"));
  public static final List<Path> FORM_FOLDERS =
      List.of(Path.of("forms"), Path.of("src", "main", "resources", "simulation", "forms"));
  public static final List<Path> DECISION_FOLDERS = List.of(Path.of("decisions"));

  private ModelFiles() {}

  /** Every *.bpmn, production's and the simulation's, sorted by folder then name. */
  public static List<Path> processes() {
    return files(PROCESS_FOLDERS, ".bpmn");
  }

  /** Every *.form, production's and the simulation's. */
  public static List<Path> forms() {
    return files(FORM_FOLDERS, ".form");
  }

  public static List<Path> decisions() {
    return files(DECISION_FOLDERS, ".dmn");
  }

  /** The form file with this id, in whichever folder holds it (the first folder when none does). */
  public static Path form(String id) {
    return FORM_FOLDERS.stream()
        .map(folder -> folder.resolve(id + ".form"))
        .filter(Files::isRegularFile)
        .findFirst()
        .orElse(FORM_FOLDERS.get(0).resolve(id + ".form"));
  }

  private static List<Path> files(List<Path> folders, String suffix) {
    List<Path> files = new ArrayList<>();
    for (Path folder : folders) {
      try (Stream<Path> paths = Files.list(folder)) {
        files.addAll(paths.filter(path -> path.toString().endsWith(suffix)).sorted().toList());
      } catch (IOException e) {
        throw new UncheckedIOException(folder.toAbsolutePath().toString(), e);
      }
    }
    return files;
  }
}
