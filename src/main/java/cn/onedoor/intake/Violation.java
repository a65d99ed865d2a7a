package cn.onedoor.intake;

/** One bad field of a request, named as the caller wrote it (e.g. {@code parties[1].idNumber}), with the reason. */
public record Violation(String name, String reason) {
}
