/**
 * Memory and products below the layers: {@code Backend} (host kernels or ND4J's ops, and where
 * training may run), direct OpenBLAS calls on arrays addressed in place, float views of ND4J
 * buffers, the time-major sequence layout, parameter views and reusable scratch arrays; the
 * products, copies and bulk reads switch to ND4J's ops where the host kernels do not run.
 */
package rnn.nn.memory;
