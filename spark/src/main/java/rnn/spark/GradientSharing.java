package rnn.spark;

import java.io.Serializable;

import org.apache.spark.SparkEnv;
import org.deeplearning4j.optimize.solvers.accumulation.encoding.threshold.AdaptiveThresholdAlgorithm;
import org.deeplearning4j.spark.api.RDDTrainingApproach;
import org.deeplearning4j.spark.parameterserver.training.SharedTrainingMaster;
import org.nd4j.parameterserver.distributed.conf.VoidConfiguration;
import org.nd4j.parameterserver.distributed.v2.transport.PortSupplier;

/**
 * Gradient sharing, the option beside parameter averaging: DL4J's {@link SharedTrainingMaster},
 * where each worker sends the gradient values above an adaptive threshold to the others over
 * Aeron (UDP) as it trains, and keeps the rest as a residual for later updates.
 *
 * @param driverHost the address executors reach the driver at (Spark's {@code spark.driver.host})
 * @param port       the UDP port of the driver's transport; executor N's listens on port + 1 + N
 * @param networkMask the network executors pick their own address from, e.g. {@code 10.0.0.0/16};
 *                    null: 127.0.0.1, right for a one-machine cluster only
 * @param threshold  the adaptive threshold's starting value
 */
record GradientSharing(String driverHost, int port, String networkMask, double threshold) implements Serializable {
    private static final String UNBLOCK_TIMEOUT = "aeron.publication.unblock.timeout";
    /** Spark's executor id of the driver (and of local mode's one executor). */
    private static final String DRIVER = "driver";

    /**
     * DL4J 1.0.0-M2 forces Aeron's client liveness timeout to 30 s, and Aeron refuses to start
     * unless the publication unblock timeout is longer, which by default it is not: set here, on
     * the driver and in every executor before its transport starts, unless given.
     */
    static void prepareJvm() {
        if (System.getProperty(UNBLOCK_TIMEOUT) == null) {
            System.setProperty(UNBLOCK_TIMEOUT, "60000000000");
        }
    }

    /**
     * The driver's transport listens on {@code port}, each executor's on {@code port + 1 + its
     * id}: executors sharing a machine (and the driver) must not share a port.
     */
    record PortPerJvm(int port) implements PortSupplier {
        @Override
        public int getPort() {
            SparkEnv env = SparkEnv.get();
            String id = env == null ? DRIVER : env.executorId();
            if (id.equals(DRIVER)) {
                return port;
            }
            try {
                return port + 1 + Math.floorMod(Integer.parseInt(id), 1000);
            } catch (NumberFormatException e) {
                return port + 1 + Math.floorMod(id.hashCode(), 1000);
            }
        }
    }

    /** The training master for minibatches of {@code batchSize}, one per RDD element. */
    SharedTrainingMaster master(int batchSize) {
        prepareJvm();
        VoidConfiguration.VoidConfigurationBuilder transport = VoidConfiguration.builder()
                .portSupplier(new PortPerJvm(port))
                .controllerAddress(driverHost);
        if (networkMask != null) {
            transport.networkMask(networkMask);
        }
        return new SharedTrainingMaster.Builder(transport.build(), new AdaptiveThresholdAlgorithm(threshold), batchSize)
                .batchSizePerWorker(batchSize)
                .workersPerNode(1)
                .rddTrainingApproach(RDDTrainingApproach.Direct)
                .build();
    }
}
