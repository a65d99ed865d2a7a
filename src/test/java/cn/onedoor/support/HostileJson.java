package cn.onedoor.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.instancio.Random;
import org.instancio.junit.GivenProvider;

/**
 * Hostile JSON drawn from one seeded random source (Instancio's, so a failing test prints its seed
 * and {@code @Seed} replays the same bodies): a valid body with one to three fields broken (wrong
 * type, null, extremes, odd Unicode, huge strings, missing or extra fields, deep nesting), fully
 * random JSON, or bytes that are not JSON at all.
 */
public final class HostileJson {

  /** For {@code @Given(HostileJson.Source.class)} under Instancio's JUnit extension. */
  public static final class Source implements GivenProvider {
    @Override
    public Object provide(ElementContext context) {
      return new HostileJson(context.random());
    }
  }

  static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  // Escaped non-ASCII sends lone surrogates as \uD800 (valid JSON text, an invalid Java string).
  private static final ObjectWriter ESCAPING =
      JSON.writer().with(JsonWriteFeature.ESCAPE_NON_ASCII);

  /** What callers of our APIs have been seen to send, and what attackers send. */
  private static final String[] NASTY = {
    "",
    " ",
    "\t\n",
    "null",
    "true",
    "0",
    "-1",
    "' OR '1'='1",
    "'; DROP TABLE dispute_case; --",
    "\" OR \"\"=\"",
    "1; select pg_sleep(5)",
    "%' and 1=0 union select id_number from case_party --",
    "<script>alert(1)</script>",
    "\"><img src=x onerror=alert(1)>",
    "javascript:alert(1)",
    "${jndi:ldap://127.0.0.1/x}",
    "${7*7}",
    "#{7*7}",
    "{{7*7}}",
    "../../../../etc/passwd",
    "..\\..\\windows\\win.ini",
    "%2e%2e%2f%2e%2e%2f",
    "\u0000",
    "a\u0000b",
    "\u202Eevil\u202C",
    "\u200B\u200C\u200D\uFEFF",
    "\uD83D\uDE00\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67",
    "\uD800",
    "\uDFFF\uD800",
    "ｗｉｎｄｏｗ",
    "１３８１２３４５６７８",
    "١٣٨١٢٣٤٥٦٧٨",
    "e\u0301\u0301\u0301\u0301\u0301",
    "\u0130\u0131",
    "张三\r\nX-Injected: 1",
    "9".repeat(400),
    "1e999999999",
    "-0",
    "NaN",
    "Infinity",
    "2026-02-30",
    "2026-13-01",
    "+1000000000-01-01",
    "0000-00-00",
    "511725-2026-000001",
    "511725-9999-999999",
    "511725104001",
    "WINDOW",
    "window",
    "GRID",
    "VILLAGE",
    "NEIGHBOUR",
    "APPLICANT",
    "ORGANISATION",
  };

  private final Random random;
  private int person;

  public HostileJson(Random random) {
    this.random = random;
    this.person = random.intRange(100_000, 900_000);
  }

  public Random random() {
    return random;
  }

  public boolean chance(double probability) {
    return random.trueOrFalse(probability);
  }

  public int between(int min, int max) {
    return random.intRange(min, max);
  }

  public <T> T oneOf(List<T> choices) {
    return random.oneOf(choices);
  }

  /** A fresh valid resident ID (another person each time, so registrations are no duplicates). */
  public String residentId() {
    return TestResidentIds.forNumber(++person % 999_000);
  }

  /** A fresh valid mobile number. */
  public String mobile() {
    return "139" + random.digits(8);
  }

  /** One hostile JSON value: wrong types, nulls, extremes, odd Unicode, huge or nested values. */
  public JsonNode value() {
    return switch (random.intRange(0, 13)) {
      case 0 -> NODES.nullNode();
      case 1 -> NODES.booleanNode(random.trueOrFalse());
      case 2 ->
          NODES.numberNode(random.oneOf(0L, -1L, Long.MAX_VALUE, Long.MIN_VALUE, 2147483648L));
      case 3 ->
          NODES.numberNode(
              random.oneOf(
                  new BigDecimal("1e400"),
                  new BigDecimal("-1e-400"),
                  new BigDecimal("0.001"),
                  new BigDecimal("1E+2147483647"),
                  new BigDecimal("123456789012345678901234567890.123456789")));
      case 4 -> NODES.numberNode(new BigInteger("9".repeat(random.intRange(20, 900))));
      case 5 -> NODES.numberNode(random.oneOf(-0.0, 1e308, Double.MIN_VALUE, 3.14));
      case 6, 7 -> NODES.textNode(random.oneOf(NASTY));
      case 8 -> NODES.textNode(oddText(random.intRange(1, 40)));
      case 9 -> NODES.textNode(hugeText());
      case 10 -> nested(random.intRange(2, 40));
      case 11 -> NODES.arrayNode().add(NODES.textNode(random.oneOf(NASTY))).add(NODES.nullNode());
      case 12 -> NODES.objectNode().put(random.oneOf(NASTY), random.oneOf(NASTY));
      default -> randomJson(3);
    };
  }

  /**
   * Text from every corner of Unicode: CJK, RTL, zero-width, combining, emoji, control, surrogates.
   */
  public String oddText(int length) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < length; i++) {
      switch (random.intRange(0, 9)) {
        case 0 -> text.append(random.characterRange('\u4e00', '\u9fa5'));
        case 1 -> text.append(random.oneOf('\u202E', '\u202D', '\u200F', '\u061C', '\u2066'));
        case 2 -> text.append(random.oneOf('\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF'));
        case 3 -> text.append(random.characterRange('\u0300', '\u036f'));
        case 4 ->
            text.append(random.oneOf("\uD83D\uDE00", "\uD83C\uDDE8\uD83C\uDDF3", "\uD842\uDFB7"));
        case 5 -> text.append(random.characterRange('\u0000', '\u001f'));
        case 6 -> text.append(random.characterRange('\uD800', '\uDFFF'));
        case 7 -> text.append(random.oneOf('\'', '"', '\\', '<', '>', '&', ';', '%', '$', '{'));
        case 8 -> text.append(random.characterRange('\uFF10', '\uFF5A'));
        default -> text.append(random.alphanumericCharacter());
      }
    }
    return text.toString();
  }

  /** Strings around the limits: 101, 2001, 5000 or 60,000 characters. */
  public String hugeText() {
    int length = random.oneOf(101, 129, 501, 2001, 5000, 60_000);
    return String.valueOf(random.oneOf('争', 'x', '\u200B', '"')).repeat(length);
  }

  /** An array or object nested this deep around a hostile string. */
  public JsonNode nested(int depth) {
    JsonNode node = NODES.textNode(random.oneOf(NASTY));
    for (int i = 0; i < depth; i++) {
      node =
          random.trueOrFalse()
              ? NODES.arrayNode().add(node)
              : NODES.objectNode().set(random.oneOf("a", "parties", "caseCode", ""), node);
    }
    return node;
  }

  /** Any JSON at all, of at most this depth. */
  public JsonNode randomJson(int depth) {
    if (depth == 0 || random.trueOrFalse(0.4)) {
      return random.trueOrFalse(0.5) ? value0() : NODES.textNode(oddText(random.intRange(0, 8)));
    }
    if (random.trueOrFalse()) {
      ArrayNode array = NODES.arrayNode();
      for (int i = random.intRange(0, 4); i > 0; i--) {
        array.add(randomJson(depth - 1));
      }
      return array;
    }
    ObjectNode object = NODES.objectNode();
    for (int i = random.intRange(0, 5); i > 0; i--) {
      object.set(random.trueOrFalse() ? random.oneOf(NASTY) : oddText(3), randomJson(depth - 1));
    }
    return object;
  }

  private JsonNode value0() {
    return switch (random.intRange(0, 3)) {
      case 0 -> NODES.nullNode();
      case 1 -> NODES.booleanNode(random.trueOrFalse());
      case 2 -> NODES.numberNode(random.intRange(-5, 5));
      default -> NODES.textNode(random.oneOf(NASTY));
    };
  }

  /**
   * The body broken in one to three places: a field (at any depth) set to a hostile value, removed,
   * or joined by one the contract does not know; its parties list replaced now and then.
   */
  public ObjectNode mutate(ObjectNode valid) {
    ObjectNode body = valid.deepCopy();
    for (int n = random.intRange(1, 3); n > 0; n--) {
      List<JsonPointerSlot> slots = new ArrayList<>();
      collect(body, slots);
      if (slots.isEmpty()) {
        body.set(random.oneOf(NASTY), value());
        continue;
      }
      JsonPointerSlot slot = random.oneOf(slots);
      switch (random.intRange(0, 5)) {
        case 0, 1 -> slot.parent().remove(slot.field());
        case 2 -> slot.parent().set(slot.field(), NODES.textNode(oddText(random.intRange(1, 30))));
        default -> slot.parent().set(slot.field(), value());
      }
    }
    if (random.trueOrFalse(0.1)) {
      // A field the contract does not know, beside the broken ones (alone it is just ignored).
      body.set(random.oneOf(NASTY) + oddText(2), value());
    }
    return body;
  }

  /**
   * The body as bytes on the wire: usually plain UTF-8, sometimes with non-ASCII escaped (so lone
   * surrogates arrive as {@code \uD800}), sometimes cut short, a key repeated, or bytes that are no
   * UTF-8 at all.
   */
  public byte[] wire(JsonNode body) {
    try {
      int how = random.intRange(0, 19);
      if (how < 12) {
        return JSON.writeValueAsBytes(body);
      }
      String escaped = ESCAPING.writeValueAsString(body);
      return switch (how) {
        case 12, 13, 14 -> escaped.getBytes(StandardCharsets.US_ASCII);
        case 15 -> escaped.substring(0, random.intRange(0, escaped.length())).getBytes();
        case 16 ->
            escaped.startsWith("{")
                ? ("{\"summary\":1," + escaped.substring(1)).getBytes(StandardCharsets.US_ASCII)
                : escaped.getBytes(StandardCharsets.US_ASCII);
        case 17 -> notJson();
        case 18 -> ("[" + escaped + "]").getBytes(StandardCharsets.US_ASCII);
        default ->
            ("{".repeat(random.intRange(500, 5000)) + escaped).getBytes(StandardCharsets.US_ASCII);
      };
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Bytes that are not JSON: random, invalid UTF-8, a BOM, XML, a form, empty. */
  public byte[] notJson() {
    return switch (random.intRange(0, 6)) {
      case 0 -> new byte[0];
      case 1 -> {
        byte[] bytes = new byte[random.intRange(1, 300)];
        for (int i = 0; i < bytes.length; i++) {
          bytes[i] = (byte) random.intRange(-128, 127);
        }
        yield bytes;
      }
      case 2 -> new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
      case 3 -> "\uFEFF{\"source\":\"WINDOW\"}".getBytes(StandardCharsets.UTF_8);
      case 4 ->
          "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>"
              .getBytes();
      case 5 -> "source=WINDOW&summary=%27%20OR%201%3D1".getBytes();
      default -> "\"just a string\"".getBytes();
    };
  }

  private record JsonPointerSlot(ObjectNode parent, String field) {}

  private static void collect(JsonNode node, List<JsonPointerSlot> slots) {
    if (node instanceof ObjectNode object) {
      for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        slots.add(new JsonPointerSlot(object, name));
        collect(object.get(name), slots);
      }
    } else if (node instanceof ArrayNode array) {
      array.forEach(element -> collect(element, slots));
    }
  }
}
