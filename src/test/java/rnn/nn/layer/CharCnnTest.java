package rnn.nn.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import rnn.data.TaggedExample;
import rnn.nn.DoublePrecisionTest;
import rnn.nn.GraphGradientCheck;
import rnn.nn.GraphStart;
import rnn.task.tagger.TaggerNetwork;
import rnn.task.tagger.TaggerConfig;
import rnn.task.registry.Tasks;

/** The character-level word encoder inside a tagger network. */
class CharCnnTest extends DoublePrecisionTest {
    private static final int MAX_CHARS = 4;
    private static final List<String> TAGS = List.of("A", "B", "C");

    private static ComputationGraph network(String output) {
        TaggerConfig config = (TaggerConfig) Tasks.parseConfig("""
                task: tagger
                model:
                  embedding_size: 3
                  hidden: 3
                  output: %s
                  chars: {embedding_size: 2, filters: 3, window: 3, max_chars: %d}
                training: {clip_norm: 0, optimizer: sgd, learning_rate: 1.0, seed: 3}
                """.formatted(output, MAX_CHARS), "test", List.of());
        ComputationGraph graph = TaggerNetwork.build(config, 9, 7, TAGS, null);
        graph = new ComputationGraph(graph.getConfiguration().clone());
        graph.getConfiguration().setDataType(DataType.DOUBLE);
        graph.init();
        return graph;
    }

    /** Sentences of 3, 2 and 1 words; words of 1 to 6 characters (cut to MAX_CHARS). */
    private static List<TaggedExample> sentences() {
        return List.of(
                new TaggedExample(new int[] {2, 3, 4}, new int[][] {{2, 3}, {4, 5, 6, 2, 3, 4}, {5}}, new int[] {0, 1, 2}),
                new TaggedExample(new int[] {5, 2}, new int[][] {{6, 6, 2}, {2, 3}}, new int[] {2, 0}),
                new TaggedExample(new int[] {3}, new int[][] {{3, 4, 5, 6}}, new int[] {1}));
    }

    @ParameterizedTest
    @ValueSource(strings = {"softmax", "crf"})
    void gradientsPassFiniteDifferenceCheck(String output) {
        Nd4j.getRandom().setSeed(12);
        ComputationGraph graph = network(output);
        DataSet batch = TaggedExample.toDataSet(sentences(), MAX_CHARS);
        assertTrue(GraphGradientCheck.passes(graph, batch, 1e-5, 1e-9));
    }

    @Test
    void aWordsFeaturesComeFromItsOwnCharactersOnly() {
        ComputationGraph graph = network("softmax");
        List<TaggedExample> sentences = sentences();
        DataSet batch = TaggedExample.toDataSet(sentences, MAX_CHARS);
        INDArray features = graph.feedForward(new INDArray[] {batch.getFeatures()}, false, false).get("chars");
        // Word {2, 3} is word 0 of sentence 0 and word 1 of sentence 1.
        assertEquals(features.get(NDArrayIndex.point(0), NDArrayIndex.all(), NDArrayIndex.point(0)),
                features.get(NDArrayIndex.point(1), NDArrayIndex.all(), NDArrayIndex.point(1)));
        // Alone in a batch of one, a sentence's words get the same features as in the padded batch.
        List<TaggedExample> one = new ArrayList<>(List.of(sentences.get(2)));
        INDArray alone = graph.feedForward(new INDArray[] {TaggedExample.toDataSet(one, MAX_CHARS).getFeatures()},
                false, false).get("chars");
        assertEquals(alone.get(NDArrayIndex.point(0), NDArrayIndex.all(), NDArrayIndex.point(0)),
                features.get(NDArrayIndex.point(2), NDArrayIndex.all(), NDArrayIndex.point(0)));
    }

    @Test
    void wordVectorsReplaceTheEmbeddingRowsTheyCover() {
        ComputationGraph graph = network("softmax");
        INDArray before = graph.getLayer("embedding").getParam("W").dup();   // [9 ids, 3]
        float[][] byId = new float[9][];
        byId[4] = new float[] {1, -2, 3};
        assertEquals(1, GraphStart.setWordVectors(graph, byId));
        INDArray after = graph.getLayer("embedding").getParam("W");
        assertEquals(Nd4j.createFromArray(1.0, -2.0, 3.0), after.getRow(4));
        after.putRow(4, before.getRow(4));
        assertEquals(before, after);   // the other rows as initialised
    }
}
