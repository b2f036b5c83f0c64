package rnn.nn.layer;

import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.memory.LayerMemoryReport;
import org.deeplearning4j.nn.conf.memory.MemoryReport;

/**
 * What the configurations of rnn's graph vertices without parameters share
 * ({@link SequencePoolingVertex}, {@link FirstTimeStepVertex}, {@link StepConcatVertex}): no
 * parameters, one input unless a subclass says otherwise, and a memory report that DL4J asks for
 * but rnn does not use.
 */
abstract class ParameterlessVertex extends GraphVertex {
    @Override
    public long numParams(boolean backprop) {
        return 0;
    }

    @Override
    public int minVertexInputs() {
        return 1;
    }

    @Override
    public int maxVertexInputs() {
        return 1;
    }

    @Override
    public MemoryReport getMemoryReport(InputType... inputTypes) {
        return new LayerMemoryReport.Builder(null, getClass(), inputTypes[0], getOutputType(-1, inputTypes))
                .standardMemory(0, 0).workingMemory(0, 0, 0, 0).cacheMemory(0, 0).build();
    }
}
