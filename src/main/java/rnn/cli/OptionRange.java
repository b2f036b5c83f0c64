package rnn.cli;

import java.util.Locale;

import rnn.util.UserException;

/** The one check of a numeric option's range: one line naming the option, the valid range and the value. */
final class OptionRange {
    private OptionRange() {
    }

    static void atLeast(String option, long value, long min) {
        if (value < min) {
            throw new UserException(option + ": must be at least " + min + ", got " + value);
        }
    }

    static void atLeast(String option, double value, double min) {
        if (!(value >= min)) {
            throw new UserException(option + ": must be at least " + String.format(Locale.ROOT, "%s", min) + ", got "
                    + value);
        }
    }
}
