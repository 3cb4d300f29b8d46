package org.ngms.directive;

import java.util.List;

import org.ngms.shared.CanonicalJson;
import org.ngms.shared.DocumentReader;
import org.ngms.shared.Violation;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Turns directive text (YAML or JSON) into a validated {@link DirectiveDocument}, or into the complete list of
 * violations: syntax first, then structure, then the directive rules.
 */
public final class DirectiveParser {

    /** The text formats a directive may be written in. */
    public enum Format { YAML, JSON }

    public static final String SYNTAX = "SYNTAX";

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private DirectiveParser() {
    }

    /** The outcome of parsing: a valid document, or every violation found. */
    public sealed interface Result {
    }

    public record Valid(DirectiveDocument document) implements Result {
    }

    public record Invalid(List<Violation> violations) implements Result {
        public Invalid {
            violations = List.copyOf(violations);
        }
    }

    public static Result parse(String text, Format format) {
        JsonNode tree;
        try {
            tree = (format == Format.YAML ? YAML : JSON).readTree(text);
        } catch (JacksonException e) {
            return new Invalid(List.of(syntaxError(e)));
        }
        DirectiveReader reader = new DirectiveReader();
        PolicyDirective directive = reader.read(tree);
        if (directive == null) {
            return new Invalid(reader.violations());
        }
        List<Violation> violations = DirectiveRules.check(directive);
        if (!violations.isEmpty()) {
            return new Invalid(violations);
        }
        return new Valid(DirectiveDocument.of(directive));
    }

    private static Violation syntaxError(JacksonException e) {
        var location = e.getLocation();
        String where = location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
        String message = e.getOriginalMessage();
        return Violation.of("", SYNTAX, "the text is not well-formed" + where + ": " + message, null);
    }

    /** Reads a tree that is already parsed (for example a stored canonical document). */
    public static Result parse(JsonNode tree) {
        DirectiveReader reader = new DirectiveReader();
        PolicyDirective directive = reader.read(tree);
        if (directive == null) {
            return new Invalid(reader.violations());
        }
        List<Violation> violations = DirectiveRules.check(directive);
        return violations.isEmpty() ? new Valid(DirectiveDocument.of(directive)) : new Invalid(violations);
    }

    static ObjectMapper json() {
        return JSON;
    }

    /** The YAML reader directives are parsed with; scenario files use the same one. */
    static ObjectMapper yaml() {
        return YAML;
    }

}
