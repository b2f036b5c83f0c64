package rnn.nn;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.api.buffer.DataType;

import rnn.config.TrainingConfig;
import rnn.nn.layer.TokenEmbedding;

/** The start of every network rnn builds: seed, float32, initialisation, updater, L2, weight decay and clipping from the config. */
public final class GraphStart {
    private GraphStart() {
    }

    public static ComputationGraphConfiguration.GraphBuilder graph(TrainingConfig training, String input) {
        return new NeuralNetConfiguration.Builder()
                .seed(training.seed())
                .dataType(DataType.FLOAT)
                .weightInit(WeightInit.XAVIER)
                .updater(Optimizers.updater(training))
                .l2(training.l2())
                .weightDecay(training.weightDecay(), true)
                .gradientNormalization(training.clipNorm() > 0
                        ? GradientNormalization.ClipL2PerLayer : GradientNormalization.None)
                .gradientNormalizationThreshold(training.clipNorm())
                .graphBuilder()
                .addInputs(input);
    }

    /** The token embedding {@code [batch, embedding, time]} over ids {@code [batch, time]} or {@code [batch, 1, time]}. */
    public static TokenEmbedding embedding(int vocabSize, int size) {
        return new TokenEmbedding.Builder().nIn(vocabSize).nOut(size).build();
    }
}
