package rnn.task;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;

import rnn.config.ConfigException;
import rnn.nn.EncoderCopy;
import rnn.nn.StartedLayersSchedule;
import rnn.nn.layer.TokenEmbeddingParams;
import rnn.task.classify.ClassifierNetwork;
import rnn.task.classify.ClassifyConfig;
import rnn.task.lm.LanguageModelConfig;
import rnn.task.lm.LanguageModelNetwork;
import rnn.task.registry.Tasks;
import rnn.text.Vocabulary;

/**
 * {@code model.encoder_from}: a classifier started from a language model computes, in its
 * forward direction, exactly what the language model's encoder computes, token by token, even
 * when the two vocabularies order their words differently; its started layers learn at their
 * own rate.
 */
class EncoderCopyTest {
    private static final List<String> WORDS = List.of("the", "film", "was", "good", "bad", "plot", "i", "liked");

    private static LanguageModelConfig lm(int layers) {
        return (LanguageModelConfig) Tasks.parseConfig("", "test", List.of("task=lm", "data.level=text",
                "model.embedding_size=6", "model.hidden=8", "model.layers=" + layers, "training.seed=3"));
    }

    private static ClassifyConfig classifier(int hidden, int layers, String... more) {
        List<String> all = new ArrayList<>(List.of("task=classify", "model.embedding_size=6", "model.hidden=" + hidden,
                "model.layers=" + layers, "model.bidirectional=true", "model.encoder_from=models/lm",
                "training.seed=11"));
        all.addAll(List.of(more));
        return (ClassifyConfig) Tasks.parseConfig("", "test", all);
    }

    private static ComputationGraph network(ClassifyConfig config, Vocabulary tokens) {
        return ClassifierNetwork.build(config.encoder(), config.pooling(), config.training(), tokens.size(), 2);
    }

    /** The words, counted so that their order by frequency is {@code order}. */
    private static Vocabulary vocabulary(List<String> order) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int i = 0; i < order.size(); i++) {
            counts.put(order.get(i), 100 - i);
        }
        return Vocabulary.ofTokens(counts, 100, 1);
    }

    private static INDArray ids(Vocabulary vocabulary, String... words) {
        INDArray ids = Nd4j.create(org.nd4j.linalg.api.buffer.DataType.FLOAT, 1, words.length);
        for (int t = 0; t < words.length; t++) {
            ids.putScalar(0, t, vocabulary.indexOf(words[t]));
        }
        return ids;
    }

    @Test
    void theForwardHalfOfAStartedBidirectionalEncoderComputesTheLanguageModelsStates() {
        for (int layers = 1; layers <= 2; layers++) {
            Vocabulary lmTokens = vocabulary(WORDS);
            List<String> reversed = new ArrayList<>(WORDS.subList(2, WORDS.size()));
            java.util.Collections.reverse(reversed);
            reversed.add("unseen");
            Vocabulary classifierTokens = vocabulary(reversed);   // "the" and "film" are missing, "unseen" is new
            ComputationGraph source = LanguageModelNetwork.build(lm(layers), lmTokens.size());
            ComputationGraph target = network(classifier(8, layers), classifierTokens);

            EncoderCopy.Copied copied = EncoderCopy.copy(source, lmTokens, target, classifierTokens);
            assertEquals(new EncoderCopy.Copied(2 + 6, classifierTokens.size(), layers), copied);

            String[] sentence = {"i", "liked", "plot", "was", "good", "bad"};
            Map<String, INDArray> lmStates = source.feedForward(new INDArray[] {ids(lmTokens, sentence)}, false);
            Map<String, INDArray> states = target.feedForward(new INDArray[] {ids(classifierTokens, sentence)}, false);
            String top = "rnn" + (layers - 1);
            INDArray expected = lmStates.get(top);                                   // [1, 8, 6]
            INDArray forward = states.get(top).get(NDArrayIndex.all(), NDArrayIndex.interval(0, 8), NDArrayIndex.all());
            assertArrayEquals(expected.dup('c').data().asFloat(), forward.dup('c').data().asFloat(), 1e-5f, "layers " + layers);
            INDArray backward = states.get(top).get(NDArrayIndex.all(), NDArrayIndex.interval(8, 16), NDArrayIndex.all());
            assertNotEquals(0.0, backward.norm2Number().doubleValue(), "the backward half keeps its own start");
        }
    }

    @Test
    void wordsTheSourceLacksKeepTheirInitialVectors() {
        Vocabulary lmTokens = vocabulary(WORDS);
        Vocabulary classifierTokens = vocabulary(List.of("unseen", "good"));
        ComputationGraph source = LanguageModelNetwork.build(lm(1), lmTokens.size());
        ComputationGraph target = network(classifier(8, 1), classifierTokens);
        INDArray before = target.getLayer("embedding").getParam(TokenEmbeddingParams.WEIGHTS).dup();
        EncoderCopy.copy(source, lmTokens, target, classifierTokens);
        INDArray after = target.getLayer("embedding").getParam(TokenEmbeddingParams.WEIGHTS);
        int unseen = classifierTokens.indexOf("unseen");
        int good = classifierTokens.indexOf("good");
        assertEquals(before.getRow(unseen), after.getRow(unseen));
        assertEquals(source.getLayer("embedding").getParam(TokenEmbeddingParams.WEIGHTS)
                .getRow(lmTokens.indexOf("good")), after.getRow(good));
    }

    @Test
    void aWidthMismatchSaysWhichKeys() {
        Vocabulary tokens = vocabulary(WORDS);
        ComputationGraph source = LanguageModelNetwork.build(lm(1), tokens.size());
        ComputationGraph target = network(classifier(16, 1), tokens);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EncoderCopy.copy(source, tokens, target, tokens));
        assertEquals("its recurrent layer 0 is lstm of 8 and this network's is lstm of 16 (model.cell and model.hidden)",
                e.getMessage());
    }

    @Test
    void startedLayersLearnAtTheirOwnRateAndTheRestAtTheConfigsRate() {
        ClassifyConfig config = classifier(8, 1, "model.encoder_rate_scale=0.25", "model.encoder_frozen_epochs=1",
                "training.learning_rate=0.004");
        ComputationGraph net = network(config, vocabulary(WORDS));
        for (String layer : List.of("embedding", "rnn0")) {
            IUpdater updater = ((BaseLayer) net.getLayer(layer).conf().getLayer()).getIUpdater();
            StartedLayersSchedule schedule = assertInstanceOf(StartedLayersSchedule.class,
                    assertInstanceOf(Adam.class, updater).getLearningRateSchedule(), layer);
            assertEquals(0.0, schedule.valueAt(50, 0), layer + " frozen in the first epoch");
            assertEquals(0.001, schedule.valueAt(50, 1), 1e-12, layer + " at a quarter of the rate after");
        }
        IUpdater output = ((BaseLayer) net.getLayer(ClassifierNetwork.OUTPUT).conf().getLayer()).getIUpdater();
        assertEquals(0.004, output.getLearningRate(0, 0), 1e-12, "the output layer learns from the start");
    }

    @Test
    void withoutSlowingTheStartedLayersLearnAsTheRest() {
        ComputationGraph net = network(classifier(8, 1), vocabulary(WORDS));
        IUpdater updater = ((BaseLayer) net.getLayer("rnn0").conf().getLayer()).getIUpdater();
        assertTrue(!(assertInstanceOf(Adam.class, updater).getLearningRateSchedule() instanceof StartedLayersSchedule));
    }

    @Test
    void rateAndFrozenEpochsNeedAModelToStartFrom() {
        ConfigException e = assertThrows(ConfigException.class, () -> Tasks.parseConfig("", "test",
                List.of("task=classify", "model.encoder_frozen_epochs=1")));
        assertTrue(e.getMessage().contains("model.encoder_frozen_epochs") && e.getMessage().contains("encoder_from"),
                e.getMessage());
    }
}
