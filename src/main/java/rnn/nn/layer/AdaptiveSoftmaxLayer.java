package rnn.nn.layer;

import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.interval;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import rnn.nn.layer.AdaptiveSoftmax.Params;
import rnn.nn.memory.Backend;
import rnn.nn.memory.Blas;
import rnn.nn.memory.Floats;

/**
 * The adaptive softmax ({@link AdaptiveSoftmax}). Input {@code [batch, nIn, time]} (NCW) with an
 * optional mask {@code [batch, time]} (a prefix of real steps); labels are ids {@code [batch, 1,
 * time]}. All rows go through the head; the rows whose label lies in a cluster are gathered into
 * a small matrix and only they go through that cluster's projection and softmax. The output, for
 * scoring and generating, is every id's probability, which computes every cluster for every row.
 */
public final class AdaptiveSoftmaxLayer extends StreamOutputLayer<AdaptiveSoftmax> {

    AdaptiveSoftmaxLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    /** The head logits of every row. */
    private INDArray head(INDArray inputs) {
        INDArray logits = buffer("head", inputs.size(0), layerConf().headSize());
        Blas.gemm(inputs, false, getParam(Params.HEAD_WEIGHTS), false, logits, 1.0, 0.0);
        return logits;
    }

    /** The cluster holding {@code id}, or -1 for an id in the head. */
    private int clusterOf(int id) {
        AdaptiveSoftmax conf = layerConf();
        int k = -1;
        while (k + 1 < conf.clusters() && id >= conf.clusterStart(k + 1)) {
            k++;
        }
        return k;
    }

    @Override
    protected Loss loss(INDArray inputs, int[] label, boolean gradients) {
        AdaptiveSoftmax conf = layerConf();
        int rows = label.length;
        int width = (int) inputs.size(1);
        int[] cluster = new int[rows];
        int[] headLabel = new int[rows];
        int[] members = new int[conf.clusters()];
        for (int r = 0; r < rows; r++) {
            cluster[r] = label[r] < 0 ? -1 : clusterOf(label[r]);
            headLabel[r] = label[r] < 0 || cluster[r] < 0 ? label[r] : conf.clusterStart(0) + cluster[r];
            if (cluster[r] >= 0) {
                members[cluster[r]]++;
            }
        }
        INDArray dHead = head(inputs);
        double loss = SoftmaxRows.apply(dHead, getParam(Params.HEAD_BIAS), headLabel);
        INDArray dInputs = null;
        if (gradients) {
            Blas.gemm(inputs, true, dHead, false, gradientViews.get(Params.HEAD_WEIGHTS), 1.0, 0.0);
            columnSums(dHead, gradientViews.get(Params.HEAD_BIAS));
            dInputs = buffer("dInputs", rows, width);
            Blas.gemm(dHead, false, getParam(Params.HEAD_WEIGHTS), true, dInputs, 1.0, 0.0);
        }
        Floats in = Floats.of(inputs);
        double[] row = new double[width];
        for (int k = 0; k < conf.clusters(); k++) {
            int n = members[k];
            if (n == 0) {
                if (gradients) {
                    gradientViews.get(Params.projection(k)).assign(0);
                    gradientViews.get(Params.output(k)).assign(0);
                    gradientViews.get(Params.bias(k)).assign(0);
                }
                continue;
            }
            int[] at = new int[n];
            int[] local = new int[n];
            INDArray x = buffer("x", n, width);
            Floats xs = Floats.of(x);
            for (int r = 0, i = 0; r < rows; r++) {
                if (cluster[r] == k) {
                    at[i] = r;
                    local[i] = label[r] - conf.clusterStart(k);
                    in.get(r * width, row, width);
                    xs.set(i * width, row, width);
                    i++;
                }
            }
            INDArray projection = getParam(Params.projection(k));
            INDArray output = getParam(Params.output(k));
            INDArray z = buffer("z", n, conf.projection(k));
            Blas.gemm(x, false, projection, false, z, 1.0, 0.0);
            INDArray dLogits = buffer("tail", n, conf.clusterSize(k));
            Blas.gemm(z, false, output, false, dLogits, 1.0, 0.0);
            loss += SoftmaxRows.apply(dLogits, getParam(Params.bias(k)), local);
            if (!gradients) {
                continue;
            }
            Blas.gemm(z, true, dLogits, false, gradientViews.get(Params.output(k)), 1.0, 0.0);
            columnSums(dLogits, gradientViews.get(Params.bias(k)));
            INDArray dz = buffer("dz", n, conf.projection(k));
            Blas.gemm(dLogits, false, output, true, dz, 1.0, 0.0);
            Blas.gemm(x, true, dz, false, gradientViews.get(Params.projection(k)), 1.0, 0.0);
            INDArray dx = buffer("dx", n, width);
            Blas.gemm(dz, false, projection, true, dx, 1.0, 0.0);
            Floats dxs = Floats.of(dx);
            Floats dIn = Floats.of(dInputs);
            double[] add = new double[width];
            for (int i = 0; i < n; i++) {
                dxs.get(i * width, add, width);
                dIn.get(at[i] * width, row, width);
                for (int j = 0; j < width; j++) {
                    row[j] += add[j];
                }
                dIn.set(at[i] * width, row, width);
            }
        }
        return new Loss(loss, dInputs);
    }

    /** Probabilities {@code [batch, nOut, time]} of every id; zero at padded steps. */
    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(false);
        AdaptiveSoftmax conf = layerConf();
        int batch = (int) input.size(0);
        int steps = (int) input.size(2);
        INDArray inputs = inputs(training, workspaceMgr);
        int rows = (int) inputs.size(0);
        int[] marks = maskArray == null ? null : unlabelledRows(batch, steps);
        INDArray head = head(inputs);
        SoftmaxRows.apply(head, getParam(Params.HEAD_BIAS), marks);
        int classes = (int) conf.getNOut();
        INDArray probabilities = buffer("probabilities", rows, classes);
        if (!Backend.hostKernels(training)) {
            return sequenceOf(probabilitiesWithOps(inputs, head, marks, probabilities), workspaceMgr);
        }
        Floats p = Floats.of(probabilities);
        Floats h = Floats.of(head);
        int headSize = conf.headSize();
        int shortList = conf.clusterStart(0);
        double[] headRow = new double[headSize];
        for (int r = 0; r < rows; r++) {
            h.get(r * headSize, headRow, headSize);
            p.set(r * classes, headRow, shortList);
        }
        for (int k = 0; k < conf.clusters(); k++) {
            INDArray z = buffer("z", rows, conf.projection(k));
            Blas.gemm(inputs, false, getParam(Params.projection(k)), false, z, 1.0, 0.0);
            int size = conf.clusterSize(k);
            INDArray tail = buffer("tail", rows, size);
            Blas.gemm(z, false, getParam(Params.output(k)), false, tail, 1.0, 0.0);
            SoftmaxRows.apply(tail, getParam(Params.bias(k)), marks);
            Floats t = Floats.of(tail);
            double[] tailRow = new double[size];
            for (int r = 0; r < rows; r++) {
                double share = h.get(r * headSize + shortList + k);
                t.get(r * size, tailRow, size);
                for (int j = 0; j < size; j++) {
                    tailRow[j] *= share;
                }
                p.set(r * classes + conf.clusterStart(k), tailRow, size);
            }
        }
        return sequenceOf(probabilities, workspaceMgr);
    }

    /**
     * The same probabilities in ND4J ops, for inference on any backend: the head's short list as
     * it is, each cluster's softmax scaled by the head's probability of the cluster.
     */
    private INDArray probabilitiesWithOps(INDArray inputs, INDArray head, int[] marks, INDArray probabilities) {
        AdaptiveSoftmax conf = layerConf();
        int shortList = conf.clusterStart(0);
        probabilities.get(all(), interval(0, shortList)).assign(head.get(all(), interval(0, shortList)));
        for (int k = 0; k < conf.clusters(); k++) {
            INDArray tail = inputs.mmul(getParam(Params.projection(k))).mmul(getParam(Params.output(k)));
            SoftmaxRows.apply(tail, getParam(Params.bias(k)), marks);
            probabilities.get(all(), interval(conf.clusterStart(k), conf.clusterStart(k) + conf.clusterSize(k)))
                    .assign(tail.muliColumnVector(head.getColumn(shortList + k).reshape(head.size(0), 1)));
        }
        return probabilities;
    }
}
