package org.ngms.shared;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;

/**
 * Binds a parsed JSON/YAML tree to records while collecting every structural violation at once, each with its path:
 * missing fields, unknown fields, wrong types, malformed decimals, dates and ranges, numbers out of range.
 *
 * <p>Written here rather than taken from a JSON Schema library because errors must name the product's own rules and
 * paths, bind straight to exact decimal types ({@link Mhz}, {@link Percent}), and come all at once; a schema would
 * restate the model in a second language and still need this pass.
 */
public final class DocumentReader {

    public static final String REQUIRED = "REQUIRED";
    public static final String WRONG_TYPE = "WRONG_TYPE";
    public static final String UNKNOWN_FIELD = "UNKNOWN_FIELD";
    public static final String BAD_FORMAT = "BAD_FORMAT";
    public static final String OUT_OF_RANGE = "OUT_OF_RANGE";
    public static final String NOT_POSITIVE = "NOT_POSITIVE";
    public static final String UNKNOWN_VALUE = "UNKNOWN_VALUE";
    public static final String INVALID = "INVALID";

    /**
     * The most digits a decimal field (MHz, percent) may have on either side of its decimal point: far beyond any
     * spectrum or share, and small enough that no number a request carries costs more than microseconds to read.
     */
    public static final int MAX_DECIMAL_DIGITS = 30;

    private static boolean withinDecimalDigits(BigDecimal d) {
        return Decimals.withinDigits(d, MAX_DECIMAL_DIGITS);
    }

    private static final String ID_PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";
    /** Compiled once: it is checked for every id of every request (hundreds per clock bid set). */
    private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile(ID_PATTERN);

    private final List<Violation> violations = new ArrayList<>();

    public List<Violation> violations() {
        return List.copyOf(violations);
    }

    public boolean hasViolations() {
        return !violations.isEmpty();
    }

    public void add(Violation violation) {
        violations.add(violation);
    }

    /** Reads the document's root, which must be an object. */
    public Fields root(JsonNode node) {
        if (node == null || !node.isObject()) {
            violations.add(Violation.of("", WRONG_TYPE, "the document must be an object (a mapping)", kind(node)));
            return new Fields("", null);
        }
        return new Fields("", node);
    }

    private static String kind(JsonNode node) {
        return node == null || node.isMissingNode() ? "nothing" : node.getNodeType().name().toLowerCase();
    }

    /** A value as the author wrote it: strings without JSON quotes, anything else as JSON. */
    private static String text(JsonNode value) {
        return value.isString() ? value.stringValue() : value.toString();
    }

    private static String child(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    /** The fields of one object; every accessor records a violation and returns null or empty when it fails. */
    public final class Fields {
        private final String path;
        private final JsonNode node;
        private final Set<String> read = new LinkedHashSet<>();
        private final int violationsBefore = violations.size();

        private Fields(String path, JsonNode node) {
            this.path = path;
            this.node = node;
        }

        public String path() {
            return path;
        }

        public String pathOf(String name) {
            return child(path, name);
        }

        private JsonNode field(String name, boolean required) {
            read.add(name);
            JsonNode value = node == null ? null : node.get(name);
            if (value == null || value.isNull()) {
                if (required && node != null) {
                    violations.add(Violation.of(child(path, name), REQUIRED, name + " is required", null));
                }
                return null;
            }
            return value;
        }

        private void wrongType(String name, String expected, JsonNode value) {
            violations.add(Violation.of(child(path, name), WRONG_TYPE,
                    name + " must be " + expected + ", not " + kind(value), text(value)));
        }

        public String string(String name) {
            return optionalString(name, true).orElse(null);
        }

        public Optional<String> optionalString(String name) {
            return optionalString(name, false);
        }

        private Optional<String> optionalString(String name, boolean required) {
            JsonNode value = field(name, required);
            if (value == null) {
                return Optional.empty();
            }
            if (!value.isString()) {
                wrongType(name, "text", value);
                return Optional.empty();
            }
            String text = value.stringValue().strip();
            if (text.isEmpty()) {
                violations.add(Violation.of(child(path, name), REQUIRED, name + " must not be blank", ""));
                return Optional.empty();
            }
            return Optional.of(text);
        }

        /** An identifier: 1-64 characters of letters, digits, '.', '_' and '-'; numbers are accepted as text. */
        public String id(String name) {
            JsonNode value = field(name, true);
            if (value == null) {
                return null;
            }
            String text = value.isIntegralNumber() ? value.asString() : value.isString() ? value.stringValue() : null;
            if (text == null) {
                wrongType(name, "an identifier", value);
                return null;
            }
            if (!ID.matcher(text).matches()) {
                violations.add(Violation.of(child(path, name), BAD_FORMAT,
                        name + " must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit",
                        text));
                return null;
            }
            return text;
        }

        public Integer integer(String name, long min, long max) {
            Long value = whole(name, true, min, max);
            return value == null ? null : value.intValue();
        }

        public Optional<Integer> optionalInteger(String name, long min, long max) {
            return Optional.ofNullable(whole(name, false, min, max)).map(Long::intValue);
        }

        public Money money(String name) {
            Long value = whole(name, true, 0, Money.MAX);
            return value == null ? null : Money.of(value);
        }

        public Money positiveMoney(String name) {
            Long value = whole(name, true, 1, Money.MAX);
            return value == null ? null : Money.of(value);
        }

        public Optional<Money> optionalPositiveMoney(String name) {
            return Optional.ofNullable(whole(name, false, 1, Money.MAX)).map(Money::of);
        }

        private Long whole(String name, boolean required, long min, long max) {
            JsonNode value = field(name, required);
            return value == null ? null : whole(child(path, name), name, value, min, max);
        }

        private Long whole(String at, String name, JsonNode value, long min, long max) {
            if (!value.isIntegralNumber() || !value.canConvertToLong()) {
                violations.add(Violation.of(at, WRONG_TYPE, name + " must be a whole number, not " + kind(value),
                        value));
                return null;
            }
            long number = value.longValue();
            if (number < min || number > max) {
                String rule = number < min && number <= 0 && min <= 1 ? NOT_POSITIVE : OUT_OF_RANGE;
                violations.add(Violation.of(at, rule, name + " must be between " + min + " and " + max, number));
                return null;
            }
            return number;
        }

        /**
         * A mapping from identifiers to whole numbers in [min, max], such as blocks per lot category
         * ({@code { "2600": 7 }}); absent means empty. Each entry's path is {@code name.key}.
         */
        public Map<String, Integer> counts(String name, long min, long max) {
            JsonNode value = field(name, false);
            Map<String, Integer> counts = new LinkedHashMap<>();
            if (value == null) {
                return counts;
            }
            if (!value.isObject()) {
                wrongType(name, "a mapping of identifiers to whole numbers", value);
                return counts;
            }
            for (String key : value.propertyNames()) {
                String at = child(child(path, name), key);
                if (!ID.matcher(key).matches()) {
                    violations.add(Violation.of(at, BAD_FORMAT,
                            "each key of " + name + " must be 1-64 letters, digits, '.', '_' or '-'", key));
                    continue;
                }
                Long count = whole(at, key, value.get(key), min, max);
                if (count != null) {
                    counts.put(key, count.intValue());
                }
            }
            return counts;
        }

        /** A list of non-blank texts; absent means empty. */
        public List<String> texts(String name) {
            JsonNode value = field(name, false);
            List<String> texts = new ArrayList<>();
            if (value == null) {
                return texts;
            }
            if (!value.isArray()) {
                wrongType(name, "a list", value);
                return texts;
            }
            for (int i = 0; i < value.size(); i++) {
                JsonNode item = value.get(i);
                String at = child(path, name) + "[" + i + "]";
                if (!item.isString()) {
                    violations.add(Violation.of(at, WRONG_TYPE, "each entry must be text, not " + kind(item), item));
                } else if (item.stringValue().isBlank()) {
                    violations.add(Violation.of(at, REQUIRED, "an entry must not be blank", ""));
                } else {
                    texts.add(item.stringValue().strip());
                }
            }
            return texts;
        }

        public Boolean bool(String name, boolean defaultValue) {
            JsonNode value = field(name, false);
            if (value == null) {
                return defaultValue;
            }
            if (!value.isBoolean()) {
                wrongType(name, "true or false", value);
                return null;
            }
            return value.booleanValue();
        }

        public <E extends Enum<E>> E enumValue(String name, Class<E> type) {
            return optionalEnum(name, type, true).orElse(null);
        }

        public <E extends Enum<E>> Optional<E> optionalEnum(String name, Class<E> type) {
            return optionalEnum(name, type, false);
        }

        private <E extends Enum<E>> Optional<E> optionalEnum(String name, Class<E> type, boolean required) {
            Optional<String> text = optionalString(name, required);
            return text.flatMap(t -> parseEnum(child(path, name), name, t, type));
        }

        private <E extends Enum<E>> Optional<E> parseEnum(String at, String name, String text, Class<E> type) {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(text)) {
                    return Optional.of(constant);
                }
            }
            String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
            violations.add(Violation.of(at, UNKNOWN_VALUE, name + " must be one of " + allowed, text));
            return Optional.empty();
        }

        private Optional<String> decimalText(String name, boolean required) {
            JsonNode value = field(name, required);
            if (value == null) {
                return Optional.empty();
            }
            if (value.isNumber()) {
                // bounded before it is written out: 1e999999999 is 11 characters of JSON, but its plain text is a
                // billion digits (minutes of CPU and gigabytes for one small request)
                BigDecimal decimal;
                try {
                    decimal = value.decimalValue();
                } catch (NumberFormatException e) {
                    violations.add(Violation.of(child(path, name), OUT_OF_RANGE, name + " is not a finite number",
                            value.asString()));
                    return Optional.empty();
                }
                if (!withinDecimalDigits(decimal)) {
                    violations.add(Violation.of(child(path, name), OUT_OF_RANGE, name + " must have at most "
                            + MAX_DECIMAL_DIGITS + " digits before and after the decimal point", decimal.toString()));
                    return Optional.empty();
                }
                return Optional.of(decimal.toPlainString());
            }
            if (value.isString()) {
                String text = value.stringValue().strip();
                if (text.length() > 2 * MAX_DECIMAL_DIGITS + 2) {
                    violations.add(Violation.of(child(path, name), OUT_OF_RANGE, name + " must have at most "
                            + MAX_DECIMAL_DIGITS + " digits before and after the decimal point",
                            text.substring(0, 40) + "…"));
                    return Optional.empty();
                }
                return Optional.of(text);
            }
            wrongType(name, "a decimal number", value);
            return Optional.empty();
        }

        /** Spectrum in decimal MHz, exact to 1 kHz, greater than zero. */
        public Mhz mhz(String name) {
            return optionalMhz(name, true).orElse(null);
        }

        public Optional<Mhz> optionalMhz(String name) {
            return optionalMhz(name, false);
        }

        private Optional<Mhz> optionalMhz(String name, boolean required) {
            return decimalText(name, required).flatMap(text -> {
                try {
                    long khz = Decimals.parseScaled(text, 3);
                    if (khz <= 0) {
                        violations.add(Violation.of(child(path, name), NOT_POSITIVE,
                                name + " must be greater than zero", text));
                        return Optional.empty();
                    }
                    return Optional.of(new Mhz(khz));
                } catch (IllegalArgumentException e) {
                    violations.add(Violation.of(child(path, name), BAD_FORMAT,
                            name + " must be MHz with at most 3 decimals (1 kHz), e.g. \"12.8\"", text));
                    return Optional.empty();
                }
            });
        }

        /** A percentage with at most two decimals, above zero (or zero when {@code allowZero}) and at most max. */
        public Percent percent(String name, boolean allowZero, long maxPercent) {
            return optionalPercent(name, allowZero, maxPercent, true).orElse(null);
        }

        public Optional<Percent> optionalPercent(String name, boolean allowZero, long maxPercent) {
            return optionalPercent(name, allowZero, maxPercent, false);
        }

        private Optional<Percent> optionalPercent(String name, boolean allowZero, long max, boolean required) {
            return decimalText(name, required).flatMap(text -> {
                long basisPoints;
                try {
                    basisPoints = Decimals.parseScaled(text, 2);
                } catch (IllegalArgumentException e) {
                    violations.add(Violation.of(child(path, name), BAD_FORMAT,
                            name + " must be a percentage with at most 2 decimals, e.g. \"2.5\"", text));
                    return Optional.empty();
                }
                if (basisPoints < 0 || (basisPoints == 0 && !allowZero)) {
                    violations.add(Violation.of(child(path, name), NOT_POSITIVE,
                            name + (allowZero ? " must not be negative" : " must be greater than zero"), text));
                    return Optional.empty();
                }
                Percent percent = new Percent(basisPoints);
                if (percent.basisPoints() > max * 100) {
                    violations.add(Violation.of(child(path, name), OUT_OF_RANGE,
                            name + " must be at most " + max + "%", text));
                    return Optional.empty();
                }
                return Optional.of(percent);
            });
        }

        /** A required "FROM-TO" range in MHz. */
        public FrequencyRange range(String name) {
            return optionalRange(name, true).orElse(null);
        }

        public Optional<FrequencyRange> optionalRange(String name) {
            return optionalRange(name, false);
        }

        private Optional<FrequencyRange> optionalRange(String name, boolean required) {
            return optionalString(name, required).flatMap(text -> {
                try {
                    return Optional.of(FrequencyRange.parse(text));
                } catch (IllegalArgumentException e) {
                    violations.add(Violation.of(child(path, name), BAD_FORMAT,
                            name + " must be FROM-TO in MHz with FROM < TO, e.g. \"1710-1785\"", text));
                    return Optional.empty();
                }
            });
        }

        public LocalDate date(String name) {
            JsonNode value = field(name, true);
            if (value == null) {
                return null;
            }
            if (!value.isString()) {
                wrongType(name, "a date (YYYY-MM-DD)", value);
                return null;
            }
            try {
                return LocalDate.parse(value.stringValue());
            } catch (DateTimeParseException e) {
                violations.add(Violation.of(child(path, name), BAD_FORMAT,
                        name + " must be a date YYYY-MM-DD", value.stringValue()));
                return null;
            }
        }

        /** A list of identifiers; absent means empty unless {@code required}. */
        public List<String> ids(String name, boolean required) {
            JsonNode value = field(name, required);
            List<String> ids = new ArrayList<>();
            if (value == null) {
                return ids;
            }
            if (!value.isArray()) {
                wrongType(name, "a list", value);
                return ids;
            }
            if (required && value.isEmpty()) {
                violations.add(Violation.of(child(path, name), REQUIRED, name + " must not be empty", "[]"));
            }
            for (int i = 0; i < value.size(); i++) {
                JsonNode item = value.get(i);
                if (item.isString() || item.isIntegralNumber()) {
                    ids.add(item.asString());
                } else {
                    violations.add(Violation.of(child(path, name) + "[" + i + "]", WRONG_TYPE,
                            "an identifier is text, not " + kind(item), item));
                }
            }
            return ids;
        }

        /** A list of enum constants. */
        public <E extends Enum<E>> List<E> enums(String name, Class<E> type) {
            List<E> result = new ArrayList<>();
            List<String> texts = ids(name, false);
            for (int i = 0; i < texts.size(); i++) {
                parseEnum(child(path, name) + "[" + i + "]", name, texts.get(i), type).ifPresent(result::add);
            }
            return result;
        }

        /** A list of objects, each read by {@code element}. */
        public <T> List<T> list(String name, boolean required, Function<Fields, T> element) {
            JsonNode value = field(name, required);
            List<T> result = new ArrayList<>();
            if (value == null) {
                return result;
            }
            if (!value.isArray()) {
                wrongType(name, "a list", value);
                return result;
            }
            if (required && value.isEmpty()) {
                violations.add(Violation.of(child(path, name), REQUIRED, name + " must not be empty", "[]"));
            }
            for (int i = 0; i < value.size(); i++) {
                String at = child(path, name) + "[" + i + "]";
                JsonNode item = value.get(i);
                if (!item.isObject()) {
                    violations.add(Violation.of(at, WRONG_TYPE, "each entry must be an object, not " + kind(item),
                            item));
                    continue;
                }
                result.add(element.apply(new Fields(at, item)));
            }
            return result;
        }

        /** A nested object read by {@code reader}. */
        public <T> T object(String name, Function<Fields, T> reader) {
            return optionalObject(name, true, reader).orElse(null);
        }

        public <T> Optional<T> optionalObject(String name, Function<Fields, T> reader) {
            return optionalObject(name, false, reader);
        }

        private <T> Optional<T> optionalObject(String name, boolean required, Function<Fields, T> reader) {
            JsonNode value = field(name, required);
            if (value == null) {
                return Optional.empty();
            }
            if (!value.isObject()) {
                wrongType(name, "an object", value);
                return Optional.empty();
            }
            return Optional.ofNullable(reader.apply(new Fields(child(path, name), value)));
        }

        /** Records a violation at a field of this object. */
        public void reject(String name, String rule, String message, Object value) {
            violations.add(Violation.of(child(path, name), rule, message, value));
        }

        /**
         * Reports fields nobody read, then builds the record unless this object (or anything in it) broke a rule.
         * A constructor that still refuses its input is reported at this object's path.
         */
        public <T> T build(Supplier<T> constructor) {
            if (node != null) {
                for (String name : node.propertyNames()) {
                    if (!read.contains(name)) {
                        violations.add(Violation.of(child(path, name), UNKNOWN_FIELD,
                                "unknown field " + name + "; allowed: " + String.join(", ", read), name));
                    }
                }
            }
            if (node == null || violations.size() > violationsBefore) {
                return null;
            }
            try {
                return constructor.get();
            } catch (IllegalArgumentException e) {
                violations.add(Violation.of(path, INVALID, e.getMessage(), null));
                return null;
            }
        }
    }
}
