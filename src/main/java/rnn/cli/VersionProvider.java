package rnn.cli;

import picocli.CommandLine;

import rnn.util.Versions;

/** {@code rnn --version}: rnn's and DL4J's versions and the Java runtime. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {
            "rnn " + Versions.rnn(),
            "DeepLearning4J " + Versions.dl4j(),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"
        };
    }
}
