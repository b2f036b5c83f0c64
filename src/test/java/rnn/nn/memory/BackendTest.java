package rnn.nn.memory;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import rnn.util.UserException;

class BackendTest {
    @Test
    void theCpuBackendTrainsAndRunsTheHostKernels() {
        assertTrue(Backend.cpu());
        assertDoesNotThrow(() -> Backend.requireForTraining("training"));
        assertTrue(Backend.hostKernels(false));
        assertTrue(Backend.hostKernels(true));
    }

    @Test
    void theOpsPropertyMovesInferencePassesToNd4jOps() {
        System.setProperty(Backend.OPS_PROPERTY, "nd4j");
        try {
            assertFalse(Backend.hostKernels(false));
            assertTrue(Backend.hostKernels(true), "training passes have no ND4J-op backward pass");
        } finally {
            System.clearProperty(Backend.OPS_PROPERTY);
        }
        assertTrue(Backend.hostKernels(false));
    }

    @Test
    void trainingOnAnotherBackendIsRefusedInOneLine() {
        UserException e = assertThrows(UserException.class,
                () -> Backend.requireForTraining(false, "CudaBackend", "training"));
        assertEquals("training: rnn trains on ND4J's CPU backend only (its layers' backward passes compute in host"
                + " memory with OpenBLAS), but this build uses CudaBackend (built with -Pcuda?); train with a build"
                + " without -Pcuda; bundles load and predict on either (docs/architecture.md, what runs where)",
                e.getMessage());
    }
}
