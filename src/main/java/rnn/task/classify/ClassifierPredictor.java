package rnn.task.classify;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import rnn.bundle.Bundle;
import rnn.data.TextEncoder;
import rnn.eval.ClassificationReport;
import rnn.predict.Predictor;

/** Labels texts with a sentiment bundle, using the encoder the bundle was trained with. */
public final class ClassifierPredictor implements Predictor<String, Prediction> {
    private final TextEncoder encoder;
    private final SequenceClassifier classifier;
    private final List<String> labels;

    public ClassifierPredictor(Bundle bundle, int batchSize) {
        this.encoder = ClassifyTask.encoder(bundle);
        this.classifier = new SequenceClassifier(bundle.network(), batchSize);
        this.labels = bundle.labels().entries();
    }

    @Override
    public List<Prediction> predictBatch(List<String> texts) {
        float[][] probabilities = classifier.probabilities(texts.stream().map(encoder::encode).toList());
        return Arrays.stream(probabilities).map(this::prediction).toList();
    }

    private Prediction prediction(float[] p) {
        Map<String, Double> byLabel = new LinkedHashMap<>();
        for (int c = 0; c < labels.size(); c++) {
            byLabel.put(labels.get(c), (double) p[c]);
        }
        int best = ClassificationReport.argmax(p);
        return new Prediction(labels.get(best), p[best], byLabel);
    }
}
