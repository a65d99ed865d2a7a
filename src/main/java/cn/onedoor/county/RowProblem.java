package cn.onedoor.county;

/**
 * One thing wrong in an import file: the row as a spreadsheet numbers it (header = 1), the column
 * by its header name, and what is wrong, in Chinese.
 */
public record RowProblem(int row, String column, String reason) {}
