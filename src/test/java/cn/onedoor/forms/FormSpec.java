package cn.onedoor.forms;

import cn.onedoor.organisation.RealTowns;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The working spec (shared-chain-spec.md, "User tasks and their forms") as a table: one row per
 * form, with the fields the processes and decisions read. Change a form's fields here and in the
 * .form file together; the tests compare the two.
 */
final class FormSpec {

  /** How a field is entered; decides which component types and option values are acceptable. */
  enum Kind {
    /** textfield. */
    TEXT,
    /** textarea with a maxLength. */
    TEXTAREA,
    /** number with a minimum. */
    NUMBER,
    /** datetime, subtype date: arrives as the String YYYY-MM-DD. */
    DATE,
    /** select or radio whose option values are exactly the listed codes. */
    CODE,
    /** radio with the JSON booleans true/false, or a checkbox: arrives as Boolean. */
    BOOLEAN,
    /** checkbox: arrives as Boolean, false when left unticked. */
    CHECKBOX
  }

  record Field(String key, Kind kind, boolean required, List<Object> codes, Double min) {}

  record Form(String id, boolean startForm, List<Field> fields) {

    Optional<Field> field(String key) {
      return fields.stream().filter(f -> f.key().equals(key)).findFirst();
    }

    @Override
    public String toString() {
      return id;
    }
  }

  static final boolean REQUIRED = true;
  static final boolean OPTIONAL = false;

  static final List<Object> DISPUTE_TYPES =
      List.of(
          "NEIGHBOUR",
          "FAMILY",
          "PERSONAL_STATUS",
          "DEBT",
          "CONTRACT",
          "LAND_USE",
          "LAND_CONTRACT",
          "PROPERTY_RIGHT",
          "MEDICAL",
          "TRAFFIC",
          "LABOUR",
          "WAGE_ARREARS",
          "PROPERTY_MANAGEMENT",
          "CONSUMER",
          "FINANCE",
          "COMMERCIAL_ARBITRATION",
          "PUBLIC_SECURITY",
          "MINOR_CRIME",
          "ADMINISTRATIVE",
          "OTHER");

  static final List<Object> DEPARTMENTS_AND_CENTRE =
      List.of(
          "CENTRE",
          "COURT",
          "PROCURATORATE",
          "POLICE",
          "JUSTICE",
          "HRSS",
          "HEALTH",
          "HOUSING",
          "PETITION",
          "NATURAL_RESOURCES",
          "MARKET",
          "FINANCE");

  /**
   * Legal-aid matters of 法律援助法 art 31 as the eligibility decision (legal-aid-eligibility.dmn) reads
   * them: the spec's ten codes plus SURVIVOR_PENSION, LABOUR_RELATION and CIVIL_CAPACITY, which the
   * statute lists too.
   */
  static final List<Object> AID_MATTERS =
      List.of(
          "STATE_COMPENSATION",
          "SOCIAL_INSURANCE",
          "MINIMUM_LIVING",
          "SURVIVOR_PENSION",
          "SUPPORT_PAYMENT",
          "LABOUR_RELATION",
          "LABOUR_REMUNERATION",
          "WORK_INJURY",
          "CIVIL_CAPACITY",
          "PERSONAL_INJURY",
          "ENVIRONMENT",
          "DOMESTIC_VIOLENCE_PROTECTION",
          "OTHER_NOT_COVERED");

  static final List<Object> APPLICANT_CATEGORIES =
      List.of(
          "NONE",
          "HERO_RELATIVE",
          "RIGHTEOUS_ACT",
          "WRONGFUL_CONVICTION",
          "ABUSE_VICTIM",
          "MINOR_NO_INCOME",
          "ELDERLY_NO_INCOME",
          "DISABLED_NO_INCOME",
          "SOCIAL_ASSISTANCE",
          "MIGRANT_WORKER_WAGES_OR_INJURY");

  static final List<Form> FORMS =
      List.of(
          start(
              "case-registration",
              code("level", REQUIRED, "VILLAGE", "TOWN", "COUNTY"),
              codes("townCode", REQUIRED, List.<Object>copyOf(RealTowns.codes())),
              field("villageCode", Kind.TEXT, OPTIONAL),
              code("applicantKind", REQUIRED, "PERSON", "ORGANISATION"),
              field("applicantName", Kind.TEXT, REQUIRED),
              field("applicantIdNumber", Kind.TEXT, OPTIONAL),
              field("applicantCreditCode", Kind.TEXT, OPTIONAL),
              field("applicantMobile", Kind.TEXT, REQUIRED),
              code("respondentKind", REQUIRED, "PERSON", "ORGANISATION"),
              field("respondentName", Kind.TEXT, REQUIRED),
              field("respondentIdNumber", Kind.TEXT, OPTIONAL),
              field("respondentCreditCode", Kind.TEXT, OPTIONAL),
              field("respondentMobile", Kind.TEXT, OPTIONAL),
              codes("disputeType", REQUIRED, DISPUTE_TYPES),
              field("summary", Kind.TEXTAREA, REQUIRED),
              number("amount", REQUIRED, 0),
              field("occurredOn", Kind.DATE, REQUIRED),
              number("partyCount", REQUIRED, 1),
              field("consentToMediation", Kind.BOOLEAN, REQUIRED),
              field("injury", Kind.CHECKBOX, OPTIONAL),
              field("violence", Kind.CHECKBOX, OPTIONAL),
              field("crimeSuspected", Kind.CHECKBOX, OPTIONAL),
              field("governmentBodyParty", Kind.CHECKBOX, OPTIONAL),
              field("hiredViolence", Kind.CHECKBOX, OPTIONAL),
              field("gangFight", Kind.CHECKBOX, OPTIONAL),
              field("provocation", Kind.CHECKBOX, OPTIONAL),
              field("repeatOffence", Kind.CHECKBOX, OPTIONAL),
              code(
                  "acceptedElsewhere",
                  REQUIRED,
                  "NONE",
                  "COURT",
                  "POLICE",
                  "ADMINISTRATION",
                  "ARBITRATION")),
          task(
              "case-consultation",
              field("consultationSummary", Kind.TEXTAREA, REQUIRED),
              codes("leadUnit", REQUIRED, DEPARTMENTS_AND_CENTRE)),
          task("department-handling", field("departmentOpinion", Kind.TEXTAREA, REQUIRED)),
          task("petition-acceptance", field("acceptanceNote", Kind.TEXTAREA, REQUIRED)),
          task(
              "petition-opinion",
              code("handlingAction", REQUIRED, "OPINION", "EXTEND"),
              field("extensionApprovedBy", Kind.TEXT, OPTIONAL),
              field("extensionApprovedOn", Kind.DATE, OPTIONAL),
              field("handlingOpinion", Kind.TEXTAREA, REQUIRED)),
          task("petition-review-request", field("reviewRequestNote", Kind.TEXTAREA, REQUIRED)),
          task("petition-review-answer", field("reviewAnswer", Kind.TEXTAREA, REQUIRED)),
          task(
              "petition-reexamination-request",
              field("reexaminationRequestNote", Kind.TEXTAREA, REQUIRED)),
          task(
              "petition-reexamination-answer",
              field("reexaminationAnswer", Kind.TEXTAREA, REQUIRED)),
          task("joint-supervision", field("supervisionNote", Kind.TEXTAREA, REQUIRED)),
          task("mediation-consent", code("partiesConsent", REQUIRED, "YES", "NO")),
          task(
              "mediation-session",
              code(
                  "mediationResult",
                  REQUIRED,
                  "AGREEMENT_WRITTEN",
                  "AGREEMENT_ORAL",
                  "PERFORMED",
                  "APPRAISAL",
                  "EXTENDED",
                  "FAILED",
                  "REFUSED",
                  "TERMINATED"),
              field("sessionNote", Kind.TEXTAREA, REQUIRED),
              field("agreementDate", Kind.DATE, OPTIONAL),
              field("performanceDueDate", Kind.DATE, OPTIONAL),
              // a medical committee's period extended by agreement: both required while shown
              field("extendedTo", Kind.DATE, OPTIONAL),
              field("bothPartiesAgreeToExtend", Kind.CHECKBOX, OPTIONAL)),
          task(
              "mediation-appraisal",
              field("appraisalConcludedOn", Kind.DATE, REQUIRED),
              field("appraisalNote", Kind.TEXTAREA, OPTIONAL)),
          task(
              "traffic-loss-known",
              code("lossKind", REQUIRED, "INJURY", "DEATH", "PROPERTY"),
              field("lossKnownOn", Kind.DATE, REQUIRED)),
          task(
              "inform-routes",
              code(
                  "nextRoute",
                  REQUIRED,
                  "LITIGATION",
                  "ARBITRATION",
                  "LABOUR_ARBITRATION",
                  "WAGE_IOU_LITIGATION",
                  "ADMINISTRATIVE",
                  "REMEDIATE",
                  "NONE"),
              field("informNote", Kind.TEXTAREA, OPTIONAL)),
          task(
              "follow-up-visit",
              field("performed", Kind.BOOLEAN, REQUIRED),
              // shown for an unperformed labour agreement: 支付令 (劳动争议调解仲裁法 art 16)
              code(
                  "agreementSubject",
                  OPTIONAL,
                  "LABOUR_PAY",
                  "INJURY_MEDICAL",
                  "COMPENSATION",
                  "OTHER"),
              field("visitNote", Kind.TEXTAREA, REQUIRED)),
          task(
              "pay-order",
              code("payOrderOutcome", REQUIRED, "EFFECTIVE", "OBJECTED", "REJECTED", "NOT_APPLIED"),
              field("payOrderNote", Kind.TEXTAREA, REQUIRED)),
          task("confirmation-decision", code("applyForConfirmation", REQUIRED, "YES", "NO")),
          task("court-chase", field("chaseNote", Kind.TEXTAREA, REQUIRED)),
          task(
              "public-security-first-session",
              code(
                  "policeMediationResult",
                  REQUIRED,
                  "AGREEMENT_PERFORMED",
                  "SECOND_SESSION",
                  "FAILED"),
              field("sessionNote", Kind.TEXTAREA, REQUIRED)),
          task(
              "public-security-second-session",
              code("policeMediationResult", REQUIRED, "AGREEMENT_PERFORMED", "FAILED"),
              field("sessionNote", Kind.TEXTAREA, REQUIRED)),
          task(
              "entrusted-mediation",
              code("entrustedResult", REQUIRED, "SETTLED", "REFUSED", "FAILED", "EXTEND"),
              field("bothPartiesConsent", Kind.CHECKBOX, OPTIONAL),
              code("settlementForm", OPTIONAL, "CONFIRMATION", "AGREEMENT"),
              field("mediationNote", Kind.TEXTAREA, REQUIRED)),
          task(
              "court-entrusted-mediation",
              code("entrustedResult", REQUIRED, "SETTLED", "REFUSED", "FAILED", "EXTEND"),
              field("bothPartiesConsent", Kind.CHECKBOX, OPTIONAL),
              code("settlementForm", OPTIONAL, "MEDIATION_DOCUMENT", "WITHDRAWAL"),
              field("mediationNote", Kind.TEXTAREA, REQUIRED)),
          task(
              "court-entrustment",
              field("courtCaseNumber", Kind.TEXT, REQUIRED),
              code("courtProcedure", REQUIRED, "ORDINARY", "SIMPLE", "SMALL_CLAIMS"),
              field("filedOn", Kind.DATE, REQUIRED)),
          task(
              "appeal-record",
              field("appealed", Kind.BOOLEAN, REQUIRED),
              field("appealNote", Kind.TEXTAREA, OPTIONAL)),
          task(
              "judgment-performance",
              field("judgmentPerformed", Kind.BOOLEAN, REQUIRED),
              field("judgmentPerformanceDueDate", Kind.DATE, OPTIONAL)),
          task(
              "legal-aid-application",
              codes("aidMatter", REQUIRED, AID_MATTERS),
              codes("applicantCategory", REQUIRED, APPLICANT_CATEGORIES),
              number("monthlyIncomePerCapita", REQUIRED, 0),
              field("papersComplete", Kind.BOOLEAN, REQUIRED),
              field("urgent", Kind.BOOLEAN, REQUIRED)),
          task(
              "missing-papers",
              field("papersProvided", Kind.BOOLEAN, REQUIRED),
              field("papersNote", Kind.TEXTAREA, OPTIONAL)),
          task("legal-aid-refusal", field("legalAidRefusalReasons", Kind.TEXTAREA, REQUIRED)),
          task(
              "legal-aid-objection",
              field("objects", Kind.BOOLEAN, REQUIRED),
              field("objectionNote", Kind.TEXTAREA, OPTIONAL)),
          task("enforcement-application", field("enforcementNote", Kind.TEXTAREA, REQUIRED)),
          // The simulated court and legal-aid centre of the default profile (issue 5): their
          // decisions, sent back as
          // callbacks by processes/simulated-*.bpmn.
          task("sim-court-notice", field("simNote", Kind.TEXTAREA, OPTIONAL)),
          task("sim-police-acceptance", field("policeCaseNumber", Kind.TEXT, REQUIRED)),
          task(
              "sim-court-acceptance",
              code("acceptance", REQUIRED, "ACCEPTED", "NOT_ACCEPTED"),
              field("notAcceptedReason", Kind.TEXTAREA, OPTIONAL),
              field("simNote", Kind.TEXTAREA, OPTIONAL)),
          task(
              "sim-court-ruling",
              code("ruling", REQUIRED, "VALID", "REJECTED", "WITHDRAWN", "EXTEND"),
              field("simNote", Kind.TEXTAREA, OPTIONAL)),
          task(
              "sim-court-filing",
              field("courtCaseNumber", Kind.TEXT, REQUIRED),
              code("courtProcedure", REQUIRED, "ORDINARY", "SIMPLE", "SMALL_CLAIMS")),
          task(
              "sim-court-judgment",
              // a decision served, or an extension of the trial period: each part required while
              // shown
              code("courtAction", REQUIRED, "DELIVER", "EXTEND_TRIAL_PERIOD"),
              code("judgmentType", OPTIONAL, "JUDGMENT", "RULING", "MEDIATION_STATEMENT"),
              code("judgmentInstance", OPTIONAL, "1", "2"),
              code(
                  "rulingType",
                  OPTIONAL,
                  "NOT_ACCEPTED",
                  "JURISDICTION",
                  "DISMISSED",
                  "OTHER",
                  "REMANDED",
                  "UPHELD",
                  "REVOKED"),
              code("extensionArticle", OPTIONAL, "152", "164", "169"),
              code("extensionApprovedBy", OPTIONAL, "COURT_PRESIDENT", "HIGHER_COURT"),
              field("extensionNewEnd", Kind.DATE, OPTIONAL)),
          task("sim-court-appeal", code("secondInstance", REQUIRED, "YES", "NO")),
          task(
              "sim-legal-aid-decision",
              code("legalAidDecision", REQUIRED, "GRANTED", "REFUSED"),
              field("refusalReasons", Kind.TEXTAREA, OPTIONAL)),
          task(
              "labour-award-response",
              code("awardResponse", REQUIRED, "SUE", "ACCEPT"),
              field("awardNote", Kind.TEXTAREA, OPTIONAL)),
          task(
              "sim-arbitration-acceptance",
              code("arbitrationAcceptance", REQUIRED, "ACCEPTED", "NOT_ACCEPTED")),
          task(
              "sim-arbitration-award", code("awardStep", REQUIRED, "FINAL", "NON_FINAL", "EXTEND")),
          task("sim-arbitration-extended-award", code("awardStep", REQUIRED, "FINAL", "NON_FINAL")),
          task("sim-lawyer", field("lawFirm", Kind.TEXT, REQUIRED)),
          task(
              "sim-objection",
              code("objectionReview", REQUIRED, "KEEP", "CORRECT"),
              field("reviewReasons", Kind.TEXTAREA, OPTIONAL)),
          task(
              "case-closure",
              code(
                  "closureReason",
                  REQUIRED,
                  "RESOLVED",
                  "PERFORMED",
                  "CONFIRMED",
                  "JUDGED",
                  "REFERRED",
                  "WITHDRAWN",
                  "TERMINATED",
                  "TRANSFERRED"),
              // a rating, stored as Integer 5 (非常满意) .. 1 (非常不满意)
              code("satisfaction", REQUIRED, 5, 4, 3, 2, 1),
              field("closureSummary", Kind.TEXTAREA, REQUIRED)),
          task("escalation-acknowledge", field("escalationAction", Kind.TEXTAREA, REQUIRED)),
          task("supervision-order", field("supervisionOrderText", Kind.TEXTAREA, REQUIRED)),
          task("supervision-answer", field("supervisionAnswer", Kind.TEXTAREA, REQUIRED)));

  static Optional<Form> form(String id) {
    return FORMS.stream().filter(f -> f.id().equals(id)).findFirst();
  }

  private static Form start(String id, Field... fields) {
    return new Form(id, true, List.of(fields));
  }

  private static Form task(String id, Field... fields) {
    return new Form(id, false, List.of(fields));
  }

  private static Field field(String key, Kind kind, boolean required) {
    return new Field(key, kind, required, List.of(), null);
  }

  private static Field code(String key, boolean required, Object... codes) {
    return new Field(key, Kind.CODE, required, Arrays.asList(codes), null);
  }

  private static Field codes(String key, boolean required, List<Object> codes) {
    return new Field(key, Kind.CODE, required, codes, null);
  }

  private static Field number(String key, boolean required, double min) {
    return new Field(key, Kind.NUMBER, required, List.of(), min);
  }

  private FormSpec() {}
}
