package cn.onedoor.casefile;

/**
 * Names in the process models that code (ours and the tests') refers to: the key of the case's main
 * process, and the ids the model conventions give a clocked task's companions. A designer who
 * renames one in Modeler changes it here, and the tests that build these ids find the new names
 * through this class instead of by string surgery.
 */
public final class ProcessModels {

  /**
   * The case's main process (processes/dispute-case.bpmn): one per registered case, business key =
   * case code.
   */
  public static final String DISPUTE_CASE = "dispute-case";

  private static final String TASK = "Task_";

  private ProcessModels() {}

  /**
   * {@code Task_Mediate} → {@code BoundaryEvent_MediateOverdue}: the timer that fires when the task
   * is overdue.
   */
  public static String overdueTimerOf(String taskKey) {
    return "BoundaryEvent_" + meaning(taskKey) + "Overdue";
  }

  /**
   * {@code Task_Mediate} → {@code CallActivity_MediateEscalation}: the escalation ladder the timer
   * starts.
   */
  public static String escalationOf(String taskKey) {
    return "CallActivity_" + meaning(taskKey) + "Escalation";
  }

  /**
   * {@code Task_Mediate} → {@code EndEvent_MediateEscalationDone}: where that ladder's branch ends.
   */
  public static String escalationDoneOf(String taskKey) {
    return "EndEvent_" + meaning(taskKey) + "EscalationDone";
  }

  private static String meaning(String taskKey) {
    if (!taskKey.startsWith(TASK)) {
      throw new IllegalArgumentException("not a task id of the model conventions: " + taskKey);
    }
    return taskKey.substring(TASK.length());
  }
}
