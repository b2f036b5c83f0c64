package rnn.nn;

import java.util.Locale;
import java.util.Map;

import org.bytedeco.javacpp.Pointer;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;

import rnn.config.ConfigException;

/**
 * A network's size from its configuration, checked before any of it is allocated: a config
 * whose network cannot fit in memory ({@code model.hidden: 100000}) is refused with the key
 * behind its largest layer and the estimate, instead of dying in native code.
 */
public final class NetworkSize {
    /** Float bytes per parameter while training: the parameter, its gradient and Adam's two moments. */
    static final long TRAINING_BYTES_PER_PARAMETER = 16;

    private NetworkSize() {
    }

    /** The network {@code conf} describes, initialised, once it is known to fit. */
    public static ComputationGraph create(ComputationGraphConfiguration conf) {
        check(conf, memoryLimit());
        ComputationGraph network = new ComputationGraph(conf);
        network.init();
        return network;
    }

    /** Off-heap memory this process may use: JavaCPP's limit (the JVM's -Xmx by default), at most the machine's. */
    static long memoryLimit() {
        long physical = Pointer.totalPhysicalBytes();
        long max = Pointer.maxBytes();
        return max > 0 && physical > 0 ? Math.min(max, physical) : Math.max(max, physical);
    }

    /** A network's parameters, and its largest layer. */
    record Count(long total, long largest, String largestLayer) {
    }

    /** The parameters of the network {@code conf} describes, counted without allocating them. */
    static Count count(ComputationGraphConfiguration conf) {
        long total = 0;
        long largest = -1;
        String largestLayer = null;
        for (Map.Entry<String, GraphVertex> v : conf.getVertices().entrySet()) {
            if (v.getValue() instanceof LayerVertex lv) {
                Layer layer = lv.getLayerConf().getLayer();
                long n = layer.initializer().numParams(layer);
                total += n;
                if (n > largest) {
                    largest = n;
                    largestLayer = v.getKey();
                }
            }
        }
        return new Count(total, largest, largestLayer);
    }

    static void check(ComputationGraphConfiguration conf, long limitBytes) {
        Count count = count(conf);
        long bytes = count.total() * TRAINING_BYTES_PER_PARAMETER;
        if (limitBytes > 0 && bytes > limitBytes) {
            throw new ConfigException(keyOf(count.largestLayer()) + ": the network would have "
                    + String.format(Locale.ROOT, "%,d parameters (%,d in its layer '%s'), about %s to train, more"
                            + " than this process may use (%s)", count.total(), count.largest(), count.largestLayer(),
                    gigabytes(bytes), gigabytes(limitBytes)));
        }
    }

    /** The config key behind a layer of rnn's networks. */
    private static String keyOf(String layer) {
        if (layer == null) {
            return "model";
        }
        if (layer.equals("embedding")) {
            return "model.embedding_size";
        }
        if (layer.startsWith("rnn")) {
            return "model.hidden";
        }
        if (layer.equals("chars")) {
            return "model.chars";
        }
        return "data.vocab_size";
    }

    private static String gigabytes(long bytes) {
        return String.format(Locale.ROOT, "%,.1f GB", bytes / 1e9);
    }
}
