package rnn.task.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import rnn.config.CellType;
import rnn.config.Pooling;
import rnn.config.RecurrentImplementation;
import rnn.config.TrainingConfig;
import rnn.config.EncoderConfig;
import rnn.task.registry.Tasks;

class ClassifierNetworkTest {
    private static final List<int[]> SEQUENCES = List.of(new int[] {3, 4, 5}, new int[] {6, 7, 8, 9, 10, 11},
            new int[] {12}, new int[] {2, 2, 19, 4});

    /** Every implementation in both directions. */
    static Stream<Arguments> variants() {
        return Stream.of(RecurrentImplementation.values())
                .flatMap(i -> Stream.of(Arguments.of(i, false), Arguments.of(i, true)));
    }

    private static ComputationGraph network(RecurrentImplementation implementation, boolean bidirectional,
                                            List<Pooling> pooling, int layers) {
        EncoderConfig model = new EncoderConfig(4, 0.0, CellType.LSTM, implementation, 5, layers, bidirectional, 0.0);
        TrainingConfig training = Tasks.parseConfig("", "test", List.of()).training();
        return ClassifierNetwork.build(model, pooling, training, 20, 3);
    }

    private static float[][] oneByOne(ComputationGraph net) {
        SequenceClassifier single = new SequenceClassifier(net, 1);
        return SEQUENCES.stream().map(s -> single.probabilities(List.of(s))[0]).toArray(float[][]::new);
    }

    @ParameterizedTest
    @MethodSource("variants")
    void paddedBatchMatchesOneByOne(RecurrentImplementation implementation, boolean bidirectional) {
        assertPaddedBatchMatchesOneByOne(network(implementation, bidirectional, List.of(Pooling.MEAN, Pooling.MAX), 2));
    }

    @ParameterizedTest
    @MethodSource("variants")
    void lastStepPoolingReadsEachSequencesOwnLastStep(RecurrentImplementation implementation, boolean bidirectional) {
        assertPaddedBatchMatchesOneByOne(network(implementation, bidirectional, List.of(Pooling.LAST), 2));
    }

    private static void assertPaddedBatchMatchesOneByOne(ComputationGraph net) {
        float[][] batched = new SequenceClassifier(net, 4).probabilities(SEQUENCES);
        float[][] single = oneByOne(net);
        for (int i = 0; i < SEQUENCES.size(); i++) {
            assertArrayEquals(single[i], batched[i], 1e-5f, "sequence " + i);
        }
    }

    @ParameterizedTest
    @MethodSource("variants")
    void savedNetworkPredictsTheSame(RecurrentImplementation implementation, boolean bidirectional,
                                     @TempDir Path dir) throws Exception {
        ComputationGraph net = network(implementation, bidirectional, List.of(Pooling.MEAN, Pooling.MAX, Pooling.LAST), 1);
        File file = dir.resolve("net.zip").toFile();
        ModelSerializer.writeModel(net, file, false);
        ComputationGraph loaded = ModelSerializer.restoreComputationGraph(file, false);
        float[][] before = new SequenceClassifier(net, 2).probabilities(SEQUENCES);
        float[][] after = new SequenceClassifier(loaded, 2).probabilities(SEQUENCES);
        for (int i = 0; i < SEQUENCES.size(); i++) {
            assertArrayEquals(before[i], after[i], 0f);
        }
    }

    @ParameterizedTest
    @MethodSource("variants")
    void probabilitiesSumToOne(RecurrentImplementation implementation, boolean bidirectional) {
        float[][] p = new SequenceClassifier(network(implementation, bidirectional, List.of(Pooling.MAX), 1), 8)
                .probabilities(SEQUENCES);
        for (float[] row : p) {
            assertEquals(1.0, row[0] + row[1] + row[2], 1e-5);
        }
    }
}
