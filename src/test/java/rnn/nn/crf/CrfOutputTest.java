package rnn.nn.crf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import rnn.data.TaggedExample;
import rnn.text.TagScheme;
import rnn.nn.DoublePrecisionTest;
import rnn.nn.GraphGradientCheck;
import rnn.task.tagger.TaggerNetwork;
import rnn.task.tagger.TaggerConfig;
import rnn.task.registry.Tasks;

/** The CRF output layer inside a tagger network: gradients, masks, constraints, decoding, saving. */
class CrfOutputTest extends DoublePrecisionTest {
    private static final List<String> TAGS = List.of("B-LOC", "B-PER", "I-LOC", "I-PER", "O");

    private static ComputationGraph network(TagScheme constraints, String... overrides) {
        List<String> all = new java.util.ArrayList<>(List.of("task=tagger", "model.output=crf",
                "model.embedding_size=3", "model.hidden=3", "training.clip_norm=0", "training.optimizer=sgd",
                "training.learning_rate=1.0", "training.seed=3"));
        all.addAll(List.of(overrides));
        TaggerConfig config = (TaggerConfig) Tasks.parseConfig("", "test", all);
        ComputationGraph graph = TaggerNetwork.build(config, 9, 0, TAGS, constraints);
        graph = new ComputationGraph(graph.getConfiguration().clone());
        graph.getConfiguration().setDataType(DataType.DOUBLE);
        graph.init();
        // Non-zero transition, start and end scores, so that their gradients are exercised.
        for (String key : List.of(CrfOutputParams.TRANSITIONS, CrfOutputParams.START, CrfOutputParams.END)) {
            INDArray p = graph.getLayer(TaggerNetwork.OUTPUT).getParam(key);
            p.assign(Nd4j.rand(DataType.DOUBLE, p.shape()).subi(0.5));
        }
        return graph;
    }

    /** Three sentences of 4, 2 and 1 tokens, tagged in IOB2. */
    private static DataSet batch() {
        return TaggedExample.toDataSet(List.of(new TaggedExample(new int[] {2, 3, 4, 5}, null, new int[] {1, 3, 4, 0}),
                new TaggedExample(new int[] {6, 7}, null, new int[] {0, 2}),
                new TaggedExample(new int[] {8}, null, new int[] {4})), 0);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void gradientsPassFiniteDifferenceCheck(boolean constrained) {
        Nd4j.getRandom().setSeed(7);
        ComputationGraph graph = network(constrained ? TagScheme.IOB2 : null);
        DataSet batch = batch();
        assertTrue(GraphGradientCheck.passes(graph, batch, 1e-5, 1e-9));
    }

    @Test
    void paddedBatchScoresAndDecodesLikeEachSentenceAlone() {
        Nd4j.getRandom().setSeed(8);
        ComputationGraph graph = network(null);
        DataSet batch = batch();
        INDArray out = graph.output(false, new INDArray[] {batch.getFeatures()},
                new INDArray[] {batch.getFeaturesMaskArray()})[0];
        double batchScore = graph.score(batch);
        double sum = 0;
        int[] lengths = {4, 2, 1};
        for (int b = 0; b < 3; b++) {
            DataSet one = batch.get(b);
            int n = lengths[b];
            DataSet alone = new DataSet(one.getFeatures().get(org.nd4j.linalg.indexing.NDArrayIndex.all(),
                    org.nd4j.linalg.indexing.NDArrayIndex.interval(0, n)).dup(),
                    one.getLabels().get(org.nd4j.linalg.indexing.NDArrayIndex.all(),
                            org.nd4j.linalg.indexing.NDArrayIndex.all(),
                            org.nd4j.linalg.indexing.NDArrayIndex.interval(0, n)).dup());
            sum += graph.score(alone);
            INDArray single = graph.outputSingle(alone.getFeatures());
            for (int t = 0; t < n; t++) {
                assertEquals(single.get(org.nd4j.linalg.indexing.NDArrayIndex.point(0),
                                org.nd4j.linalg.indexing.NDArrayIndex.all(),
                                org.nd4j.linalg.indexing.NDArrayIndex.point(t)).argMax().getInt(0),
                        out.get(org.nd4j.linalg.indexing.NDArrayIndex.point(b),
                                org.nd4j.linalg.indexing.NDArrayIndex.all(),
                                org.nd4j.linalg.indexing.NDArrayIndex.point(t)).argMax().getInt(0));
            }
            for (int t = n; t < 4; t++) {
                assertEquals(0.0, out.get(org.nd4j.linalg.indexing.NDArrayIndex.point(b),
                        org.nd4j.linalg.indexing.NDArrayIndex.all(),
                        org.nd4j.linalg.indexing.NDArrayIndex.point(t)).sumNumber().doubleValue(), "padding");
            }
        }
        assertEquals(sum / 3, batchScore, 1e-10, "the loss is the mean over sentences");
    }

    @Test
    void constrainedDecodingNeverWritesAnIllFormedSequence() {
        Nd4j.getRandom().setSeed(9);
        ComputationGraph graph = network(TagScheme.IOB2);
        // Make I-PER the best tag everywhere by emissions alone: O -> I-PER and a start on I-PER are forbidden.
        INDArray bias = graph.getLayer(TaggerNetwork.OUTPUT).getParam(CrfOutputParams.BIAS);
        bias.assign(Nd4j.createFromArray(0.0, 0.0, 0.0, 50.0, 0.0));
        INDArray out = graph.outputSingle(Nd4j.createFromArray(new double[][] {{2, 3, 4}}));
        int[] path = new int[3];
        for (int t = 0; t < 3; t++) {
            path[t] = out.get(org.nd4j.linalg.indexing.NDArrayIndex.point(0),
                    org.nd4j.linalg.indexing.NDArrayIndex.all(),
                    org.nd4j.linalg.indexing.NDArrayIndex.point(t)).argMax().getInt(0);
        }
        assertArrayEquals(new int[] {1, 3, 3}, path, "B-PER I-PER I-PER");
    }

    @Test
    void savedAndLoadedNetworkDecodesTheSame() throws Exception {
        ComputationGraph graph = network(TagScheme.BIOES);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ModelSerializer.writeModel(graph, bytes, false);
        ComputationGraph loaded = ModelSerializer.restoreComputationGraph(new ByteArrayInputStream(bytes.toByteArray()),
                false);
        DataSet batch = batch();
        INDArray[] in = {batch.getFeatures()};
        INDArray[] mask = {batch.getFeaturesMaskArray()};
        assertEquals(graph.output(false, in, mask)[0], loaded.output(false, in, mask)[0]);
        assertEquals(graph.getConfiguration().toJson(), loaded.getConfiguration().toJson());
    }
}
