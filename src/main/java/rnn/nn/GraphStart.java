package rnn.nn;

import java.util.Map;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import rnn.config.EncoderConfig;
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

    /**
     * The network {@code graph} describes, initialised, once it is known to fit: the last step of
     * building every network. Layers that {@code model.encoder_from} starts (the embedding and the
     * recurrent layers) get their own learning rate when the config slows them.
     */
    public static ComputationGraph create(ComputationGraphConfiguration.GraphBuilder graph, EncoderConfig model,
                                          TrainingConfig training) {
        ComputationGraphConfiguration conf = graph.build();
        if (model.start().from() != null && model.start().slowsLayers()) {
            for (Map.Entry<String, GraphVertex> v : conf.getVertices().entrySet()) {
                if (v.getValue() instanceof LayerVertex layer && isStarted(v.getKey())
                        && layer.getLayerConf().getLayer() instanceof BaseLayer base) {
                    base.setIUpdater(Optimizers.startedLayers(training, model.start()));
                }
            }
        }
        return NetworkSize.create(conf);
    }

    /** Whether the layer called {@code name} is one that {@code model.encoder_from} starts. */
    static boolean isStarted(String name) {
        return name.equals("embedding") || name.matches("rnn\\d+(_fwd|_bwd)?");
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
