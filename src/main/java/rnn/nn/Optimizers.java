package rnn.nn;

import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.schedule.ExponentialSchedule;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.linalg.schedule.StepSchedule;

import rnn.config.EncoderStart;
import rnn.config.TrainingConfig;

/** The updater and learning-rate schedule a training config names; schedules count epochs. */
public final class Optimizers {
    private Optimizers() {
    }

    public static IUpdater updater(TrainingConfig training) {
        if (training.schedule() == rnn.config.ScheduleType.CONSTANT) {
            // A plain rate rather than a constant schedule: DL4J's gradient checker insists on it.
            return switch (training.optimizer()) {
                case ADAM -> new Adam(training.learningRate());
                case SGD -> new Sgd(training.learningRate());
            };
        }
        ISchedule schedule = schedule(training);
        return switch (training.optimizer()) {
            case ADAM -> new Adam(schedule);
            case SGD -> new Sgd(schedule);
        };
    }

    /**
     * The updater of the layers {@code model.encoder_from} starts: the config's optimizer with its
     * schedule scaled by {@code encoder_rate_scale}, and zero for the first {@code encoder_frozen_epochs}.
     */
    public static IUpdater startedLayers(TrainingConfig training, EncoderStart start) {
        ISchedule schedule = new StartedLayersSchedule(schedule(training), start.rateScale(), start.frozenEpochs());
        return switch (training.optimizer()) {
            case ADAM -> new Adam(schedule);
            case SGD -> new Sgd(schedule);
        };
    }

    /** lr(epoch) = lr for constant, lr x decay^epoch for exponential, lr x decay^floor(epoch / decay_epochs) for step. */
    public static ISchedule schedule(TrainingConfig training) {
        double lr = training.learningRate();
        return switch (training.schedule()) {
            case CONSTANT -> new ExponentialSchedule(ScheduleType.EPOCH, lr, 1.0);
            case EXPONENTIAL -> new ExponentialSchedule(ScheduleType.EPOCH, lr, training.decay());
            case STEP -> new StepSchedule(ScheduleType.EPOCH, lr, training.decay(), training.decayEpochs());
        };
    }
}
