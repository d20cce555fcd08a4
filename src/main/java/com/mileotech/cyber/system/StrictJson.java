package com.mileotech.cyber.system;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.time.temporal.Temporal;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Our API reads JSON as it is written, without guessing: a date or time is an ISO 8601 string
 * (an epoch number such as {@code "publishedAt": 1772438400} is refused), a yes/no is
 * {@code true} or {@code false} ({@code "critical": 1} is refused), a whole number is not
 * {@code 1.5}, a code of a list is its name ({@code "regime": 1} is refused), a text is a JSON string ({@code "equipment": 42} is refused) holding only characters
 * every database keeps (no control character but tab and line breaks, no half of a UTF-16 pair:
 * see {@link Limits#characterProblem}). Each refusal is a 400 naming the field (ApiErrors). Only
 * the application's own API: the engine's REST API and the process variables have mappers of
 * their own.
 */
@Configuration(proxyBeanMethods = false)
class StrictJson {

  @Bean
  Jackson2ObjectMapperBuilderCustomizer strictJsonInput() {
    return builder -> builder
        .featuresToDisable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .featuresToEnable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
        .modulesToInstall(modules -> {
          modules.add(new SimpleModule("mileo-strict-dates").setDeserializerModifier(
              new BeanDeserializerModifier() {
                @Override
                public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                    JsonDeserializer<?> deserializer) {
                  return Temporal.class.isAssignableFrom(description.getBeanClass())
                      ? new TextOnly(deserializer) : deserializer;
                }
              }));
          modules.add(new SimpleModule("mileo-storable-text").addDeserializer(String.class, new StorableText()));
        })
        .postConfigurer(mapper -> {
          mapper.coercionConfigFor(LogicalType.Boolean)
              .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
              .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
          mapper.coercionConfigFor(LogicalType.Textual)
              .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
              .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
              .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        });
  }

  /** A text as Jackson reads it, refused when it holds a character no database keeps. */
  static final class StorableText extends StdScalarDeserializer<String> {

    StorableText() {
      super(String.class);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      String text = StringDeserializer.instance.deserialize(parser, context);
      String problem = Limits.characterProblem(text);
      if (problem != null) {
        throw new UnstorableText(parser, problem, text);
      }
      return text;
    }
  }

  /** A refused text: its message is the French problem (ApiErrors answers it as is). */
  static final class UnstorableText extends InvalidFormatException {
    UnstorableText(JsonParser parser, String problem, String text) {
      super(parser, problem, text, String.class);
    }
  }

  /**
   * A java.time value never from a JSON number (epoch seconds? milliseconds? days?): refused. Jackson's
   * own array form ([2026, 3, 2]) says what it means and stays accepted.
   */
  static final class TextOnly extends DelegatingDeserializer {

    TextOnly(JsonDeserializer<?> delegate) {
      super(delegate);
    }

    @Override
    protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
      return new TextOnly(delegate);
    }

    @Override
    public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      JsonToken token = parser.currentToken();
      if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
        return context.handleUnexpectedToken(handledType(), parser);
      }
      return super.deserialize(parser, context);
    }
  }
}
