package cn.onedoor.bridge;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What a callback gets back: APPLIED the first time, ALREADY_RECEIVED for a repeat (nothing
 * changed).
 */
@Schema(description = "回调处理结果 / Outcome of a callback")
public record CallbackAnswer(
    @Schema(example = "court-cb-0001") String callbackId,
    @Schema(example = "511725-2026-000123") String caseCode,
    @Schema(allowableValues = {"APPLIED", "ALREADY_RECEIVED"}) String status) {}
