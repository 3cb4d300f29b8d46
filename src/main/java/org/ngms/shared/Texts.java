package org.ngms.shared;

/** Checks of free text that requests carry (titles, names, labels, reasons). */
public final class Texts {

    private Texts() {
    }

    /**
     * Whether {@code text} holds a control character (U+0000–U+001F, U+007F): none belongs in a name, a title or a
     * label, and PostgreSQL cannot store U+0000 in text at all (which used to surface as a 500).
     */
    public static boolean hasControlCharacter(String text) {
        if (text == null) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return true;
            }
        }
        return false;
    }
}
