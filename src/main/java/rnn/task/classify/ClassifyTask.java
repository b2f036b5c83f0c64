package rnn.task.classify;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

import org.deeplearning4j.nn.graph.ComputationGraph;

import rnn.bundle.Bundle;
import rnn.config.ConfigSection;
import rnn.config.Metric;
import rnn.config.RunConfig;
import rnn.data.BucketedBatchIterator;
import rnn.data.EncodedExample;
import rnn.data.LabeledText;
import rnn.data.LabeledTextSource;
import rnn.data.LabeledTexts;
import rnn.data.ReviewIds;
import rnn.data.TextEncoder;
import rnn.data.WordDropout;
import rnn.data.WordVectors;
import rnn.eval.Bootstrap;
import rnn.eval.ClassificationReport;
import rnn.eval.Evaluation;
import rnn.nn.GraphStart;
import rnn.predict.PredictorOptions;
import rnn.task.PretrainedEncoder;
import rnn.task.Task;
import rnn.text.Tokenizer;
import rnn.text.Vocabulary;
import rnn.train.BatchFeed;
import rnn.train.PreparedRun;
import rnn.train.RunVectors;
import rnn.train.TrainRequest;
import rnn.train.TrainingRun;
import rnn.train.TrainingSummary;
import rnn.train.WordVectorTraining;
import rnn.util.Progress;
import rnn.util.UserException;

/**
 * Text classification ({@code classify}; {@code imdb}, its first name, is an alias): labelled
 * texts in, one label per text out. The label set is learnt from the training data (two or more
 * labels); IMDB sentiment is the shipped example. Reported on dev: accuracy, macro F1 and log loss.
 */
public final class ClassifyTask implements Task {
    public static final String NAME = "classify";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> aliases() {
        return List.of("imdb");
    }

    @Override
    public List<Metric> devMetrics(RunConfig config) {
        return List.of(Metric.ACCURACY, Metric.MACRO_F1, Metric.LOSS);
    }

    @Override
    public ClassifierPredictor predictor(Bundle bundle, PredictorOptions options) {
        return new ClassifierPredictor(bundle, options.batchSize());
    }

    @Override
    public String defaultConfig() {
        return "configs/imdb-bilstm.yaml";
    }

    @Override
    public ClassifyConfig readConfig(ConfigSection root) {
        return ClassifyConfig.read(root);
    }

    @Override
    public TrainingSummary train(TrainRequest request) throws IOException {
        return train(request, config -> read(config, request));
    }

    /**
     * Trains a classifier on inputs that {@code read} makes from the run's config: the one
     * training path for {@code rnn train} (files on this machine) and a Spark job (a cluster).
     */
    public static TrainingSummary train(TrainRequest request, Function<ClassifyConfig, ClassifyInputs> read)
            throws IOException {
        return TrainingRun.execute(NAME, ClassifyConfig.class, request, config -> prepare(config, read.apply(config),
                request));
    }

    /** The inputs from the files the config names, read on this machine; word2vec runs here if asked. */
    private static ClassifyInputs read(ClassifyConfig config, TrainRequest request) {
        boolean trainHasUnlabelled = LabeledTextSource.hasUnlabelledReviews(Path.of(config.data().train()));
        int vectorsEpochs = config.data().vectors().epochsToTrain(trainHasUnlabelled);
        ClassifyData data = ClassifyData.prepare(config.data(), config.training().seed(),
                config.encoder().embeddingSize(), vectorsEpochs == 0 ? RunVectors.none()
                        : (texts, counted, trainWords) -> runVectors(config, vectorsEpochs, trainHasUnlabelled, request,
                        texts, counted, trainWords));
        if (vectorsEpochs == 0 && config.data().vectors().auto() && config.data().vectors().file() == null
                && !request.resume()) {
            request.log().println("word vectors: none (vectors_epochs auto, and no unlabelled text: data.unlabelled "
                    + "or the IMDB archive's)");
        }
        BucketedBatchIterator<EncodedExample> batches = BucketedBatchIterator.forClassification(data.train(),
                config.training().batchSize(), data.labels().size(), true, config.training().seed(),
                new WordDropout(config.encoder().wordDropout(), config.training().seed()));
        return new ClassifyInputs(data.encoder(), data.labels(), data.train().size(), data.dev(), data.devSource(),
                new BatchFeed(batches), data.files(), data.vectorsById());
    }

    private static PreparedRun prepare(ClassifyConfig config, ClassifyInputs inputs, TrainRequest request) {
        Vocabulary tokens = inputs.encoder().vocabulary();
        String summary = String.format(Locale.ROOT,
                "data: %d train, %d dev examples; %d tokens in vocabulary; labels %s; dev from %s",
                inputs.trainSize(), inputs.dev().size(), tokens.size(), inputs.labels().entries(), inputs.devSource());
        float[][] initial = inputs.vectorsById();
        if (initial != null) {
            summary += "; " + WordVectors.started(initial, "tokens");
        }
        // a resumed run takes its network from the checkpoint: the pretrained encoder only starts a fresh one
        PretrainedEncoder encoder = request.resume() ? null : PretrainedEncoder.load(config.encoder(), request.schemas());
        int labels = inputs.labels().size();
        return new PreparedRun(summary,
                () -> {
                    ComputationGraph network = ClassifierNetwork.build(config.encoder(), config.pooling(),
                            config.training(), tokens.size(), labels);
                    if (initial != null) {
                        GraphStart.setWordVectors(network, initial);
                    }
                    return encoder == null ? network : encoder.start(network, tokens, request.log());
                },
                inputs.feed(),
                net -> evaluate(net, inputs.dev(), inputs.labels().entries(), config.training().batchSize()).metrics(),
                inputs.files(), tokens, inputs.labels(), null);
    }

    /**
     * The dev split {@code rnn train} carves from {@code train} (read from {@code trainPath}, ids
     * attached) with this config and seed: the same examples every time. A Spark job carves from
     * each example's label and id alone, and keeps the positions.
     */
    public static CarvedDev carveDev(ClassifyConfig.Data config, List<LabeledText> train, String trainPath, long seed) {
        return ClassifyData.carve(config, train, trainPath, seed);
    }

    /**
     * The label set of a run: {@code data.labels} in their order, or else the {@code seen} labels
     * of {@code source}'s training examples, sorted (at least two).
     */
    public static Vocabulary labels(ClassifyConfig.Data config, String source, Collection<String> seen) {
        return ClassifyData.labels(config, source, seen);
    }

    /**
     * {@code split}: {@code train} (also null) or {@code test} of the IMDB archive or folder (a TSV
     * has neither, and is read whole), or {@code dev}: the dev split the model's training carved
     * from this file, carved again the same way (its config's method, fraction, ids sidecar and seed).
     */
    @Override
    public Evaluation score(Bundle bundle, Path data, String split, Progress progress) {
        List<LabeledText> texts;
        if ("dev".equals(split)) {
            ClassifyConfig config = (ClassifyConfig) bundle.config();
            if (config.data().dev() != null) {
                throw new UserException("--split dev: this model was trained with a dev file, "
                        + config.data().dev() + "; score that file instead");
            }
            requireTrainingFile(bundle, data, "--data");
            List<LabeledText> all = LabeledTexts.read(data);
            if (config.data().trainIds() != null) {
                Path ids = Path.of(config.data().trainIds());
                requireTrainingFile(bundle, ids, "data.train_ids");
                all = ReviewIds.attach(ids, all);
            }
            texts = ClassifyData.carve(config.data(), all, data.toString(), config.training().seed()).parts().dev();
        } else {
            LabeledTextSource.Split half = switch (split == null ? "train" : split) {
                case "train" -> LabeledTextSource.Split.TRAIN;
                case "test" -> LabeledTextSource.Split.TEST;
                default -> throw new UserException("--split: unknown split '" + split
                        + "' (expected train, test, dev)");
            };
            texts = LabeledTexts.read(data, half);
        }
        TextEncoder encoder = encoder(bundle);
        List<EncodedExample> examples = ClassifyData.encode(encoder, bundle.labels(), texts, data.toString());
        int[] gold = examples.stream().mapToInt(EncodedExample::label).toArray();
        float[][] probabilities = new SequenceClassifier(bundle.network(), bundle.config().training().batchSize())
                .probabilities(examples.stream().map(EncodedExample::tokens).toList(), progress);
        List<String> labels = bundle.labels().entries();
        return new Evaluation(ClassificationReport.of(labels, gold, probabilities),
                ClassificationReport.accuracySample(gold, probabilities)
                        .of(Bootstrap.fingerprint(texts.stream().map(t -> t.label() + "\t" + t.text()).toList())),
                new ClassifiedExamples(texts, labels, gold, probabilities));
    }

    /**
     * A labelled text encoded for a network, with its index in {@code labels}; a label the
     * model does not know is an error naming the text's file and line (else {@code source}), as
     * in {@link #score}: for callers that score elsewhere (a Spark job's executors).
     */
    public static EncodedExample encode(TextEncoder encoder, Vocabulary labels, LabeledText text, String source) {
        return ClassifyData.encode(encoder, labels, text, source);
    }

    /**
     * Word2vec on the training texts, {@code data.unlabelled} and, for an IMDB archive or folder,
     * its unlabelled reviews, extending the vocabulary as {@code data.word_vectors} does
     * ({@link WordVectorTraining#extendForRun}).
     */
    private static WordVectors.Extended runVectors(ClassifyConfig config, int epochs, boolean trainHasUnlabelled,
                                                   TrainRequest request, List<String> texts, Vocabulary counted,
                                                   Set<String> trainWords) {
        List<Path> more = new ArrayList<>();
        if (trainHasUnlabelled) {
            more.add(Path.of(config.data().train()));
        }
        config.data().vectors().unlabelled().forEach(u -> more.add(Path.of(u)));
        return WordVectorTraining.forRun(config.encoder().embeddingSize(), epochs, config.data().lowercase(),
                config.training().seed()).extendForRun(texts, more, counted, trainWords, config.data().vocabSize(), request);
    }

    /**
     * Refuses a file that is not one the model was trained from (by the SHA-256 its manifest
     * records), since the dev split carved from any other file would be other examples. Folders
     * and bundles without recorded digests are taken as they are.
     */
    private static void requireTrainingFile(Bundle bundle, Path file, String what) {
        java.util.Map<String, String> recorded = bundle.manifest().data();
        if (recorded == null || recorded.isEmpty() || !java.nio.file.Files.isRegularFile(file)) {
            return;
        }
        String digest;
        try {
            digest = rnn.util.FileDigest.of(file).sha256();
        } catch (IOException e) {
            throw new UserException(file + ": cannot read (" + e.getMessage() + ")");
        }
        if (!recorded.containsValue(digest)) {
            throw new UserException("--split dev: " + what + " " + file + " is not a file this model was trained "
                    + "from (its SHA-256 is not among those its manifest.json records), so its dev split would be"
                    + " other examples");
        }
    }

    /** The text encoder a bundle was trained with. */
    public static TextEncoder encoder(Bundle bundle) {
        ClassifyConfig.Data data = ((ClassifyConfig) bundle.config()).data();
        return new TextEncoder(new Tokenizer(data.lowercase()), bundle.tokens(), data.maxLength(), data.truncate());
    }

    private static ClassificationReport evaluate(ComputationGraph network, List<EncodedExample> examples,
                                                 List<String> labels, int batchSize) {
        int[] gold = examples.stream().mapToInt(EncodedExample::label).toArray();
        float[][] probabilities = new SequenceClassifier(network, batchSize)
                .probabilities(examples.stream().map(EncodedExample::tokens).toList());
        return ClassificationReport.of(labels, gold, probabilities);
    }
}
