package rnn.config;

/**
 * The valid interval of a numeric config value, with the wording used when a value falls outside it
 * ({@code must be at least 1}, {@code must be in (0, 0.5]}).
 *
 * @param min          lower bound, or negative infinity for none
 * @param minInclusive whether {@code min} itself is valid
 * @param max          upper bound, or positive infinity for none
 * @param maxInclusive whether {@code max} itself is valid
 */
public record ValueRange(double min, boolean minInclusive, double max, boolean maxInclusive) {

    /** Every finite value. */
    public static ValueRange any() {
        return new ValueRange(Double.NEGATIVE_INFINITY, false, Double.POSITIVE_INFINITY, false);
    }

    /** {@code [min, +inf)}. */
    public static ValueRange atLeast(double min) {
        return new ValueRange(min, true, Double.POSITIVE_INFINITY, false);
    }

    /** {@code (min, +inf)}. */
    public static ValueRange greaterThan(double min) {
        return new ValueRange(min, false, Double.POSITIVE_INFINITY, false);
    }

    /** {@code (min, max]}. */
    public static ValueRange openClosed(double min, double max) {
        return new ValueRange(min, false, max, true);
    }

    /** {@code [min, max)}. */
    public static ValueRange closedOpen(double min, double max) {
        return new ValueRange(min, true, max, false);
    }

    /** Whether {@code value} lies inside; NaN never does. */
    public boolean contains(double value) {
        boolean aboveMin = minInclusive ? value >= min : value > min;
        boolean belowMax = maxInclusive ? value <= max : value < max;
        return aboveMin && belowMax;
    }

    /** The rule as a phrase that completes "KEY ...", e.g. {@code must be in [0, 1)}. */
    public String describe() {
        boolean hasMin = min != Double.NEGATIVE_INFINITY;
        boolean hasMax = max != Double.POSITIVE_INFINITY;
        if (hasMin && !hasMax) {
            return (minInclusive ? "must be at least " : "must be greater than ") + format(min);
        }
        if (hasMax && !hasMin) {
            return (maxInclusive ? "must be at most " : "must be less than ") + format(max);
        }
        return "must be in " + (minInclusive ? "[" : "(") + format(min) + ", " + format(max)
                + (maxInclusive ? "]" : ")");
    }

    /** Whole bounds print without a trailing ".0" so messages read like the docs ({@code (0, 0.5]}). */
    static String format(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }
}
