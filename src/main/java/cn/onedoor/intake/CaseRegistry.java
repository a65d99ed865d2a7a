package cn.onedoor.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The registry's tables for one registration: the case, its parties, the keys it answers to, its
 * possible twins.
 */
@Repository
class CaseRegistry {

  record StoredRequest(String caseCode, String requestHash) {}

  private final JdbcTemplate jdbc;

  CaseRegistry(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  Optional<StoredRequest> request(String requestKey) {
    return jdbc
        .query(
            "select case_code, request_hash from intake_request where request_key = ?",
            (rs, row) -> new StoredRequest(rs.getString(1), rs.getString(2)),
            requestKey)
        .stream()
        .findFirst();
  }

  void insertCase(
      String caseCode, IntakeRequest request, String responsibleUnit, Instant registeredAt) {
    IntakeRequest.Flags flags = request.flags();
    jdbc.update(
        """
        insert into dispute_case (case_code, source, external_ref, report_level, town_code, village_code, received_by,
          dispute_type, summary, amount, occurred_on, party_count, consent_to_mediation, injury, violence,
          crime_suspected, government_body_party, accepted_elsewhere, registered_at, responsible_officer,
          responsible_unit, dispute_fingerprint)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        caseCode,
        request.source(),
        blankToNull(request.externalRef()),
        request.level(),
        request.townCode(),
        blankToNull(request.villageCode()),
        request.receivedBy(),
        request.disputeType(),
        // Numbers an officer typed into the summary are masked at rest too: the parties' numbers
        // live in case_party only, and every view of the summary showed it masked anyway.
        PersonalData.maskInText(request.summary()),
        request.amount(),
        Date.valueOf(LocalDate.parse(request.occurredOn())),
        request.partyCount(),
        request.consentToMediation(),
        flags.injury(),
        flags.violence(),
        flags.crimeSuspected(),
        flags.governmentBodyParty(),
        flags.acceptedElsewhere(),
        Timestamp.from(registeredAt),
        // 首问负责: a window officer is a person; a case from another system has its first responsible
        // person once
        // the receiving unit accepts it.
        "WINDOW".equals(request.source()) ? request.receivedBy() : null,
        responsibleUnit,
        fingerprint(request));
    List<IntakeRequest.Party> parties = request.parties();
    for (int i = 0; i < parties.size(); i++) {
      IntakeRequest.Party party = parties.get(i);
      jdbc.update(
          """
          insert into case_party (case_code, position, party_role, party_kind, name, id_number, credit_code, mobile)
          values (?, ?, ?, ?, ?, ?, ?, ?)""",
          caseCode,
          i,
          party.role(),
          party.kind(),
          party.name(),
          blankToNull(party.idNumber()),
          blankToNull(party.creditCode()),
          blankToNull(party.mobile()));
    }
  }

  /**
   * Fails with a duplicate key when another registration holds the key: the caller answers with
   * that one.
   */
  void insertRequest(String requestKey, String requestHash, String caseCode, Instant receivedAt) {
    jdbc.update(
        "insert into intake_request (request_key, request_hash, case_code, received_at) values (?, ?, ?, ?)",
        requestKey,
        requestHash,
        caseCode,
        Timestamp.from(receivedAt));
  }

  /**
   * Open cases about the same dispute (same parties, same type), linked to the new one for the
   * officer to judge.
   */
  List<String> linkPossibleDuplicates(String caseCode, IntakeRequest request, Instant now) {
    List<String> twins =
        jdbc.queryForList(
            """
        select d.case_code from dispute_case d join case_progress p on p.case_code = d.case_code
        where d.dispute_fingerprint = ? and d.case_code <> ? and p.closed_at is null order by d.case_code""",
            String.class,
            fingerprint(request),
            caseCode);
    for (String twin : twins) {
      jdbc.update(
          "insert into case_link (case_code, linked_case_code, reason, linked_at) values (?, ?, ?, ?)",
          caseCode,
          twin,
          "POSSIBLE_DUPLICATE",
          Timestamp.from(now));
    }
    return twins;
  }

  List<String> possibleDuplicates(String caseCode) {
    return jdbc.queryForList(
        "select linked_case_code from case_link where case_code = ? order by linked_case_code",
        String.class,
        caseCode);
  }

  Instant registeredAt(String caseCode) {
    return jdbc.queryForObject(
            "select registered_at from dispute_case where case_code = ?", Timestamp.class, caseCode)
        .toInstant();
  }

  /**
   * The dispute's identity: its type and the sorted identities of its parties (ID number or credit
   * code, else name and mobile), hashed, so that equal disputes meet in one index lookup and no
   * personal data sits in the key.
   */
  static String fingerprint(IntakeRequest request) {
    List<String> identities =
        request.parties().stream()
            .map(
                p ->
                    p.idNumber() != null
                        ? "ID:" + p.idNumber()
                        : p.creditCode() != null
                            ? "CC:" + p.creditCode()
                            : "NM:" + p.name() + "/" + p.mobile())
            .distinct()
            .sorted()
            .toList();
    return sha256(request.disputeType() + "|" + String.join("|", identities));
  }

  static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException everyJvmHasIt) {
      throw new IllegalStateException(everyJvmHasIt);
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
