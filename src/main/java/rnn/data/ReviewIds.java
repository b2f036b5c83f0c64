package rnn.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A sidecar that names the original file of each row of a labelled TSV, so the rows get back the
 * ids an honest dev split needs. IMDB's {@code train.ids.tsv.gz} is the model: a header, then
 * {@code line<TAB>label<TAB>aclImdb/train/pos/655_10.txt<TAB>rating}, one row per TSV line in
 * the same order. Any tab-separated layout is read: the field that names a {@code <id>_<rating>.txt}
 * file gives the id, and a folder name before it that is a label must be the row's label.
 */
public final class ReviewIds {
    private static final Pattern FILE = Pattern.compile("(?:(?:^|.*/)([^/]+)/)?(\\d{1,18})_\\d+\\.txt");

    private ReviewIds() {
    }

    /** {@code examples}, in order, each with the id the sidecar's row of the same number names. */
    public static List<LabeledText> attach(Path sidecar, List<LabeledText> examples) {
        List<LabeledText> out = new ArrayList<>(examples.size());
        try (BufferedReader reader = TextFiles.openLines(sidecar)) {
            String line;
            int lineNumber = 0;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                Matcher file = fileField(line);
                if (file == null) {
                    if (lineNumber == 1) {
                        continue;
                    }
                    throw new DataException(sidecar + ":" + lineNumber
                            + ": expected a field naming a review file such as pos/655_10.txt");
                }
                if (out.size() == examples.size()) {
                    throw new DataException(sidecar + ":" + lineNumber + ": more rows than the "
                            + examples.size() + " examples it describes");
                }
                LabeledText example = examples.get(out.size());
                String folder = file.group(1);
                if (folder != null && !folder.equals(example.label()) && isLabel(folder, examples)) {
                    throw new DataException(sidecar + ":" + lineNumber + ": names a '" + folder + "' review but "
                            + where(example, out.size()) + " is labelled '" + example.label() + "'");
                }
                out.add(example.withOrigin(example.group(), Long.parseLong(file.group(2))));
            }
        } catch (IOException e) {
            throw TextFiles.readFailure(sidecar, e);
        }
        if (out.size() != examples.size()) {
            throw new DataException(sidecar + ": has " + out.size() + " rows for " + examples.size() + " examples");
        }
        return out;
    }

    private static Matcher fileField(String line) {
        for (String field : line.split("\t")) {
            Matcher m = FILE.matcher(field.strip());
            if (m.matches()) {
                return m;
            }
        }
        return null;
    }

    private static boolean isLabel(String name, List<LabeledText> examples) {
        return examples.stream().anyMatch(e -> e.label().equals(name));
    }

    private static String where(LabeledText example, int index) {
        return example.source() != null ? example.source() : "example " + (index + 1);
    }
}
