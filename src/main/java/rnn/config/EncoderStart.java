package rnn.config;

/**
 * The {@code model:} keys that start a network's embedding and recurrent layers from a saved
 * model rather than from random values: typically a language model trained on unlabelled text,
 * whose knowledge of the language a classifier or tagger then refines (Dai and Le 2015).
 *
 * @param from         {@code encoder_from}: the saved model's folder, or null to start from random values
 * @param rateScale    {@code encoder_rate_scale}: the started layers learn at this share of the learning
 *                     rate, in (0, 1] (discriminative learning rates: what they know changes slowly)
 * @param frozenEpochs {@code encoder_frozen_epochs}: the started layers hold still for this many first
 *                     epochs while the layers above them learn; at least 0
 */
public record EncoderStart(String from, double rateScale, int frozenEpochs) {
    /** Random values, and the started layers (none) learning as the rest. */
    public static final EncoderStart NONE = new EncoderStart(null, 1.0, 0);

    /** Whether the started layers learn at another rate than the rest in some epoch. */
    public boolean slowsLayers() {
        return rateScale != 1.0 || frozenEpochs > 0;
    }

    static EncoderStart read(ConfigSection model) {
        String from = model.getOptionalString("encoder_from", null);
        double rateScale = model.getDouble("encoder_rate_scale", 1.0, ValueRange.openClosed(0, 1));
        int frozenEpochs = model.getInt("encoder_frozen_epochs", 0, 0);
        EncoderStart start = new EncoderStart(from, rateScale, frozenEpochs);
        if (from == null && start.slowsLayers()) {
            throw model.error(frozenEpochs > 0 ? "encoder_frozen_epochs" : "encoder_rate_scale",
                    "applies to the layers model.encoder_from starts; set that too");
        }
        return start;
    }

    void write(YamlWriter out) {
        out.key("encoder_from", from).key("encoder_rate_scale", rateScale).key("encoder_frozen_epochs", frozenEpochs);
    }
}
