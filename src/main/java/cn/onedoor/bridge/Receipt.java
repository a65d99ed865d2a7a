package cn.onedoor.bridge;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What every system answers to a request it took: its own id for it. A 2xx without one counts as
 * unreadable.
 */
@Schema(description = "对方系统的受理回执 / The receiving system's receipt")
public record Receipt(@Schema(description = "对方系统的编号", example = "court-7f3a") String receiptId) {

  public Receipt {
    if (receiptId == null || receiptId.isBlank()) {
      throw new IllegalArgumentException("receiptId missing");
    }
  }
}
