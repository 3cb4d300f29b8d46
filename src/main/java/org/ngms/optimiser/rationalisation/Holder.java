package org.ngms.optimiser.rationalisation;

/**
 * Who holds one unit block of a band: an operator, nobody (vacant), or something that must stay where it is (fixed:
 * a guard band, a block of a non-mobile user). A rationalisation moves operators and vacancies, never a fixed block.
 */
public sealed interface Holder permits Holder.Operator, Holder.Vacant, Holder.Fixed {

    Vacant VACANT = new Vacant();

    static Operator operator(String id) {
        return new Operator(id);
    }

    static Fixed fixed(String label) {
        return new Fixed(label);
    }

    /** An operator, named by its id. */
    record Operator(String id) implements Holder {

        public Operator {
            if (id == null || id.isBlank()) {
                throw new IllegalArgumentException("operator id must not be blank: " + id);
            }
        }

        @Override
        public String toString() {
            return id;
        }
    }

    /** A block nobody holds; a rationalisation may fill it or leave it empty. */
    record Vacant() implements Holder {

        @Override
        public String toString() {
            return "-";
        }
    }

    /** A block that never moves, with what it is ("guard", "railway"). */
    record Fixed(String label) implements Holder {

        public Fixed {
            if (label == null || label.isBlank()) {
                throw new IllegalArgumentException("fixed block label must not be blank: " + label);
            }
        }

        @Override
        public String toString() {
            return "#" + label;
        }
    }
}
