package rnn.config;

/**
 * How a dev set is carved from the training data when no dev file is given. Examples that share
 * a group (reviews of one movie) are alike in ways a model can remember, so a dev set that shares
 * groups with train overstates how well the model does on data it has never seen.
 */
public enum DevSplitMethod {
    /** {@code groups} when every example has one, else {@code top_ids} when every example has an id, else {@code random}. */
    AUTO,
    /** A seeded shuffle of the examples; honest only when examples are independent. */
    RANDOM,
    /** Whole groups (movies) on one side: a seeded shuffle of the groups. */
    GROUPS,
    /**
     * The examples with the highest ids of each label; where neighbouring ids share a group, as
     * IMDB's do, this keeps almost every group on one side when the groups themselves are not known.
     */
    TOP_IDS
}
