package org.entente.shared;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

/**
 * Applies {@link InputText} to every string a JSON body holds, in every record the API reads, and
 * to the keys of maps (languages of a text, parties of leads): refused text fails the reading with
 * an {@link InvalidFormatException} at that field, which {@link ApiProblems} answers as a 400 that
 * names the field's path ({@code financing[0].source}).
 */
final class TextJson {

  private TextJson() {}

  static SimpleModule module() {
    SimpleModule module = new SimpleModule("entente-text-at-the-edge");
    module.addDeserializer(String.class, new Values());
    module.addKeyDeserializer(String.class, new Keys());
    return module;
  }

  /** Refused text, as Jackson reports it, so that the path to the field is added on the way up. */
  static final class RefusedText extends InvalidFormatException {
    RefusedText(JsonParser parser, String problem, String value) {
      super(parser, problem, null, String.class);
    }
  }

  static final class Values extends StringDeserializer {
    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) {
      return admitted(parser, super.deserialize(parser, context));
    }
  }

  static final class Keys extends KeyDeserializer {
    @Override
    public Object deserializeKey(String key, DeserializationContext context) {
      return admitted(context.getParser(), key);
    }
  }

  private static String admitted(JsonParser parser, String value) {
    String problem = InputText.problem(value);
    if (problem != null) {
      throw new RefusedText(parser, problem, value);
    }
    return InputText.normaliseAdmitted(value);
  }
}
