package rnn.nn.crf;

import java.util.List;
import java.util.Map;

import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.weights.IWeightInit;
import org.nd4j.linalg.api.ndarray.INDArray;

import rnn.nn.layer.KeyedParams;
import rnn.nn.memory.ParamViews;

/**
 * Parameters of {@link CrfOutput}: emission weights {@code W [nIn, K]} and bias {@code b [K]},
 * transition scores {@code T [K, K]} (from row to column), and {@code start [K]} and
 * {@code end [K]} scores. W is initialised by the layer's weight init; the rest start at zero
 * (uniform transitions). Only W counts as a weight for L2.
 */
final class CrfOutputParams extends KeyedParams {
    static final String WEIGHTS = "W";
    static final String BIAS = "b";
    static final String TRANSITIONS = "T";
    static final String START = "start";
    static final String END = "end";
    static final CrfOutputParams INSTANCE = new CrfOutputParams();

    private CrfOutputParams() {
        super(List.of(WEIGHTS, BIAS, TRANSITIONS, START, END), List.of(WEIGHTS), List.of(BIAS));
    }

    @Override
    public long numParams(Layer layer) {
        CrfOutput l = (CrfOutput) layer;
        long k = l.getNOut();
        return l.getNIn() * k + k + k * k + 2 * k;
    }

    @Override
    protected Map<String, INDArray> views(Layer layer, INDArray flat) {
        CrfOutput l = (CrfOutput) layer;
        long k = l.getNOut();
        return new ParamViews(flat).matrix(WEIGHTS, l.getNIn(), k).vector(BIAS, k).matrix(TRANSITIONS, k, k)
                .vector(START, k).vector(END, k).views();
    }

    @Override
    protected void initialize(Layer layer, Map<String, INDArray> views) {
        CrfOutput l = (CrfOutput) layer;
        long k = l.getNOut();
        l.getWeightInitFn().init(l.getNIn(), k, new long[] {l.getNIn(), k}, IWeightInit.DEFAULT_WEIGHT_INIT_ORDER,
                views.get(WEIGHTS));
        for (String key : List.of(BIAS, TRANSITIONS, START, END)) {
            views.get(key).assign(0);
        }
    }
}
