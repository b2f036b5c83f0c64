/**
 * Model bundles: the self-contained folder a trained model lives in, written file by file with the manifest
 * last, and read back with format and task checks.
 */
package rnn.bundle;
