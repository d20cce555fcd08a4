package com.mileotech.cyber.commissioning;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.CollectionType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;

/**
 * JSON of the commissioning feature: lenient reading of what forms submit, canonical writing of
 * what is signed (properties sorted, no whitespace, absent values left out), and the Spin JSON
 * variables Tasklist forms read and write.
 */
final class Json {

  /** Reads form submissions: unknown properties ignored, "" read as null, "12" as 12. */
  static final ObjectMapper LENIENT = JsonMapper.builder()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.ACCEPT_EMPTY_STRING_AS_NULL_OBJECT)
      .build();

  /** One byte sequence per content: the input of the signature hash. */
  static final ObjectMapper CANONICAL = JsonMapper.builder()
      .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .disable(SerializationFeature.INDENT_OUTPUT)
      .serializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
      .build();

  private Json() {}

  static String canonical(Object value) {
    try {
      return CANONICAL.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static <T> T read(String json, Class<T> type) {
    try {
      return LENIENT.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Unreadable JSON: " + e.getOriginalMessage(), e);
    }
  }

  static <T> List<T> readList(Object variable, Class<T> element) {
    if (variable == null) {
      return List.of();
    }
    String json = variable instanceof String s ? s : variable.toString();
    if (variable instanceof List<?> || variable instanceof java.util.Map<?, ?>) {
      json = canonical(variable);
    }
    CollectionType type = LENIENT.getTypeFactory().constructCollectionType(List.class, element);
    try {
      return LENIENT.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Unreadable JSON: " + e.getOriginalMessage(), e);
    }
  }

  static <T> java.util.Map<String, T> readMap(Object variable, Class<T> value) {
    String json = variable instanceof java.util.Map<?, ?> ? canonical(variable) : variable.toString();
    var type = LENIENT.getTypeFactory().constructMapType(java.util.LinkedHashMap.class, String.class, value);
    try {
      return LENIENT.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Unreadable JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** A Spin JSON variable, which Tasklist hands to form-js as an object or list. */
  static JsonValue variable(Object value) {
    return SpinValues.jsonValue(canonical(value)).create();
  }
}
