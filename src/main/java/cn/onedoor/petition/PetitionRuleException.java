package cn.onedoor.petition;

/**
 * A petition step the regulation does not allow (a second extension, one without an approval): the
 * task is not completed and Tasklist shows the reason.
 */
class PetitionRuleException extends RuntimeException {

  PetitionRuleException(String message) {
    super(message);
  }
}
