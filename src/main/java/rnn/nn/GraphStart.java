package rnn.nn;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import rnn.config.TrainingConfig;
import rnn.nn.layer.TokenEmbedding;
import rnn.nn.layer.TokenEmbeddingParams;
import rnn.nn.memory.Floats;

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

    /**
     * Starts the word embedding from pretrained vectors: row {@code id} becomes {@code byId[id]}
     * where that is not null; other rows keep their initial values. Returns how many rows were set.
     */
    public static int setWordVectors(ComputationGraph network, float[][] byId) {
        INDArray weights = network.getLayer("embedding").getParam(TokenEmbeddingParams.WEIGHTS);   // [ids, size], row-major
        if (byId.length != weights.size(0)) {
            throw new IllegalArgumentException("vectors for " + byId.length + " ids, embedding of " + weights.size(0));
        }
        int size = (int) weights.size(1);
        Floats rows = Floats.of(weights);
        double[] row = new double[size];
        int set = 0;
        for (int id = 0; id < byId.length; id++) {
            if (byId[id] != null) {
                for (int j = 0; j < size; j++) {
                    row[j] = byId[id][j];
                }
                rows.set(id * size, row, size);
                set++;
            }
        }
        return set;
    }
}
