package org.ngms.auction.assignment.picture;

/**
 * Text put into an SVG: refused when XML 1.0 cannot carry it at all (control characters, unpaired surrogates,
 * U+FFFE and U+FFFF; no escape exists for those), escaped otherwise (the five characters XML reserves).
 */
final class XmlText {

    private XmlText() {
    }

    static String require(String field, String value) {
        if (value == null) {
            throw new IllegalArgumentException(field + " must not be null");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean control = c < 0x20 || c == 0x7f || c >= 0x80 && c <= 0x9f;
            boolean noncharacter = c == 0xfffe || c == 0xffff;
            boolean unpaired = Character.isHighSurrogate(c)
                    ? i + 1 == value.length() || !Character.isLowSurrogate(value.charAt(i + 1))
                    : Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(value.charAt(i - 1)));
            if (control || noncharacter || unpaired) {
                throw new IllegalArgumentException(field + " must not contain the character U+"
                        + String.format("%04X", (int) c) + " (at " + i + "): " + value.replaceAll("\\p{Cntrl}", "?"));
            }
        }
        return value;
    }

    static String escape(String value) {
        StringBuilder escaped = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&apos;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
