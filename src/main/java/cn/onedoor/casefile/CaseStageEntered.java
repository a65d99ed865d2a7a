package cn.onedoor.casefile;

/**
 * A case entered a stage (published inside the engine's transaction, so listeners' work commits or
 * rolls back with it). {@code visit} counts how often the case has entered this stage, 1 the first
 * time: a re-mediation is a new event, a retried transaction the same one.
 */
public record CaseStageEntered(String caseCode, CaseStage stage, int visit, String source) {}
