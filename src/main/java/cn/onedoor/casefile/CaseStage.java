package cn.onedoor.casefile;

/** The stages of DOMAIN §4, in the order a case usually meets them. */
public enum CaseStage {
  INTAKE, ROUTING, JOINT_HANDLING, MEDIATION, FOLLOW_UP, JUDICIAL_CONFIRMATION, LITIGATION_MEDIATION, REPRESENTATION,
  LITIGATION, ENFORCEMENT, CLOSED
}
