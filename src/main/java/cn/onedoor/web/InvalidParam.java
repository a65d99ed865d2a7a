package cn.onedoor.web;

/**
 * One bad parameter or field of a request, named as the caller wrote it (e.g. {@code
 * parties[1].idNumber}), with the reason: one entry of a problem description's {@code
 * invalidParams}, the same shape on every API of ours.
 */
public record InvalidParam(String name, String reason) {}
