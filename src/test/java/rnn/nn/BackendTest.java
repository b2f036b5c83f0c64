package rnn.nn;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import rnn.util.UserException;

class BackendTest {
    @Test
    void theCpuBackendRunsRnnsLayers() {
        assertTrue(Backend.supported());
        assertDoesNotThrow(() -> Backend.require("training"));
    }

    @Test
    void anotherBackendIsRefusedInOneLineRatherThanGivenAnotherNetwork() {
        UserException e = assertThrows(UserException.class,
                () -> Backend.require(false, "CudaBackend", "loading models/ner"));
        assertEquals("loading models/ner: rnn's layers compute in host memory with OpenBLAS and run on ND4J's CPU"
                + " backend only, but this build uses CudaBackend (built with -Pcuda?); build rnn without -Pcuda"
                + " (docs/architecture.md, backends)", e.getMessage());
    }
}
