package rnn.config;

/** How the learning rate changes from epoch to epoch. */
public enum ScheduleType {
    /** The learning rate stays as configured. */
    CONSTANT,
    /** Multiplied by {@code decay} every {@code decay_epochs} epochs. */
    STEP,
    /** Multiplied by {@code decay} after every epoch. */
    EXPONENTIAL
}
