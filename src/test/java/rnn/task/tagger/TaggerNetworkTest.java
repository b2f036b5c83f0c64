package rnn.task.tagger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.dropout.IDropout;
import org.deeplearning4j.nn.conf.dropout.SpatialDropout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import rnn.task.registry.Tasks;

/**
 * The tagger's output dropout: with {@code variational_dropout} one mask per sentence and feature
 * for every word, for the softmax output as for the CRF; without it a new mask at every word.
 */
class TaggerNetworkTest {
    private static ComputationGraph network(String output, boolean variational) {
        TaggerConfig config = (TaggerConfig) Tasks.parseConfig("", "test", List.of("task=tagger",
                "model.output=" + output, "model.embedding_size=8", "model.hidden=8", "model.dropout=0.5",
                "model.variational_dropout=" + variational, "training.seed=5"));
        ComputationGraph graph = TaggerNetwork.build(config, 20, 0, List.of("A", "B", "C"), null);
        graph.init();
        return graph;
    }

    private static INDArray ids() {
        INDArray ids = Nd4j.create(DataType.FLOAT, 3, 12);
        for (int i = 0; i < ids.length(); i++) {
            ids.putScalar(i, 2 + i % 18);
        }
        return ids;
    }

    /** The softmax output layer's input in a training pass, after its dropout: {@code [batch, features, time]}. */
    private static INDArray droppedOutputInput(ComputationGraph graph) {
        graph.feedForward(new INDArray[] {ids()}, true, false);
        return graph.getLayer(TaggerNetwork.OUTPUT).input().dup();
    }

    /** How many (sentence, feature) rows mix dropped and kept words, and how many are dropped throughout. */
    private static int[] mixedAndDropped(INDArray in) {
        int mixed = 0;
        int dropped = 0;
        for (int b = 0; b < in.size(0); b++) {
            for (int f = 0; f < in.size(1); f++) {
                INDArray row = in.get(NDArrayIndex.point(b), NDArrayIndex.point(f), NDArrayIndex.all());
                long zeros = row.eq(0).castTo(DataType.INT).sumNumber().longValue();
                if (zeros == row.length()) {
                    dropped++;
                } else if (zeros > 0) {
                    mixed++;
                }
            }
        }
        return new int[] {mixed, dropped};
    }

    @Test
    void variationalDropoutDropsAUnitAtEveryWordOfASentence() {
        INDArray in = droppedOutputInput(network("softmax", true));
        assertEquals(List.of(3L, 16L, 12L), List.of(in.shape()[0], in.shape()[1], in.shape()[2]));
        int[] counts = mixedAndDropped(in);
        assertEquals(0, counts[0], "no sentence keeps a unit at some words and drops it at others");
        assertTrue(counts[1] > 8 && counts[1] < 40, "about half of the 48 (sentence, feature) rows dropped: "
                + counts[1]);
    }

    @Test
    void plainDropoutDrawsAtEveryWord() {
        assertTrue(mixedAndDropped(droppedOutputInput(network("softmax", false)))[0] > 24,
                "most of the 48 rows mix dropped and kept words");
    }

    /** The CRF drops its input inside its loss, so here the two outputs are compared by the dropout they hold. */
    @ParameterizedTest
    @ValueSource(strings = {"softmax", "crf"})
    void bothOutputsHoldTheSameKindOfDropout(String output) {
        for (boolean variational : List.of(true, false)) {
            IDropout dropout = network(output, variational).getLayer(TaggerNetwork.OUTPUT).conf().getLayer()
                    .getIDropout();
            assertEquals(variational ? SpatialDropout.class : Dropout.class, dropout.getClass(), output);
        }
    }
}
