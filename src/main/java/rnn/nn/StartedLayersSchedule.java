package rnn.nn;

import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * The learning rate of layers started from another model ({@code model.encoder_from}): zero for
 * the first {@code frozenEpochs} epochs, then {@code scale} times the rest of the network's rate.
 * Stored in the network's configuration, so a resumed run keeps it.
 */
public final class StartedLayersSchedule implements ISchedule {
    private final ISchedule base;
    private final double scale;
    private final int frozenEpochs;

    public StartedLayersSchedule(@JsonProperty("base") ISchedule base, @JsonProperty("scale") double scale,
                                 @JsonProperty("frozenEpochs") int frozenEpochs) {
        this.base = base;
        this.scale = scale;
        this.frozenEpochs = frozenEpochs;
    }

    @Override
    public double valueAt(int iteration, int epoch) {
        return epoch < frozenEpochs ? 0.0 : scale * base.valueAt(iteration, epoch);
    }

    @Override
    public ISchedule clone() {
        return new StartedLayersSchedule(base.clone(), scale, frozenEpochs);
    }

    public ISchedule getBase() {
        return base;
    }

    public double getScale() {
        return scale;
    }

    public int getFrozenEpochs() {
        return frozenEpochs;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StartedLayersSchedule other && other.base.equals(base) && other.scale == scale
                && other.frozenEpochs == frozenEpochs;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(base, scale, frozenEpochs);
    }
}
