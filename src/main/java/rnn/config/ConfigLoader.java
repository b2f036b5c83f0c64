package rnn.config;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a run's YAML config, applies {@code --set key.path=value} overrides, validates every key
 * and fills in defaults, giving the {@link RunConfig} of the task it names (through the task's
 * {@link ConfigSchema}); and writes a resolved config back as YAML.
 * Every problem is a one-line {@link ConfigException}: {@code FILE:LINE: KEY.PATH: problem}, or
 * {@code --set key=value: KEY.PATH: problem} for an override.
 */
public final class ConfigLoader {
    private ConfigLoader() {
    }

    /**
     * Reads {@code file} (UTF-8) and applies {@code overrides}.
     *
     * @param file      the YAML config; its path as given names it in messages
     * @param overrides {@code key.path=value} strings from {@code --set}, applied in order; may be null
     * @param schemas   the tasks a config may name
     * @return the validated config, every default filled in
     * @throws ConfigException when the file cannot be read or anything in it or the overrides is invalid
     */
    public static RunConfig load(Path file, List<String> overrides, ConfigSchemas schemas) {
        return parse(read(file), file.toString(), overrides, schemas);
    }

    /**
     * Reads config text, e.g. the {@code config.yaml} stored in a model bundle.
     *
     * @param yamlText   the YAML text; empty text gives every default
     * @param sourceName stands for the file in messages ({@code NAME:LINE: ...})
     * @param overrides  {@code key.path=value} strings, applied in order; may be null
     * @param schemas    the tasks a config may name
     * @return the validated config, every default filled in
     * @throws ConfigException when the text or an override is invalid
     */
    public static RunConfig parse(String yamlText, String sourceName, List<String> overrides, ConfigSchemas schemas) {
        ConfigSource source = new ConfigSource(sourceName);
        Node root = YamlNodes.compose(yamlText, line -> line > 0 ? sourceName + ":" + line : sourceName, "");
        if (root != null && !(root instanceof MappingNode) && !YamlNodes.isNull(root)) {
            throw source.error(root, "", "expected a mapping with sections task, data, model, training; got "
                    + YamlNodes.describe(root));
        }
        MappingNode mapping = root instanceof MappingNode m ? m : null;
        mapping = Overrides.apply(mapping, overrides == null ? List.of() : overrides, source);
        ConfigSection sections = new ConfigSection(source, "", mapping);
        String task = sections.getChoice("task", schemas.defaultTask(), schemas.words());
        RunConfig config = schemas.byWord().get(task).read(sections);
        sections.finish();
        return config;
    }

    /** The resolved config as YAML, every key in the documented order; {@link #parse} reads it back. */
    public static String toYaml(RunConfig config) {
        YamlWriter out = new YamlWriter().top("task", config.task());
        config.writeSections(out);
        return out.text();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file + ": cannot read config: no such file");
        } catch (AccessDeniedException e) {
            throw new ConfigException(file + ": cannot read config: permission denied");
        } catch (CharacterCodingException e) {
            throw new ConfigException(file + ": cannot read config: not UTF-8 text");
        } catch (IOException e) {
            String reason = Files.isDirectory(file) ? "is a directory" : String.valueOf(e.getMessage());
            throw new ConfigException(file + ": cannot read config: " + ConfigSource.oneLine(reason));
        }
    }
}
