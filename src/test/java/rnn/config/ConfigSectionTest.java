package rnn.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;

class ConfigSectionTest {
    private static ConfigSection section(String yaml) {
        MappingNode root = (MappingNode) new Yaml().compose(new StringReader(yaml));
        return new ConfigSection(new ConfigSource("s.yaml"), "", root);
    }

    private static String error(Runnable read) {
        return assertThrows(ConfigException.class, read::run).getMessage();
    }

    @Test
    void absentKeysGiveDefaults() {
        ConfigSection s = section("{}");
        assertEquals(7, s.getInt("n", 7, 1));
        assertEquals(-3L, s.getLong("seed", -3L));
        assertEquals(0.5, s.getDouble("x", 0.5, ValueRange.any()));
        assertTrue(s.getBoolean("b", true));
        assertEquals("d", s.getString("name", "d"));
        assertEquals(CellType.GRU, s.getEnum("cell", CellType.class, CellType.GRU));
        assertEquals(List.of(Pooling.LAST), s.getEnumList("p", Pooling.class, List.of(Pooling.LAST)));
        s.finish();
    }

    @Test
    void readsYamlNumberForms() {
        ConfigSection s = section("hex: 0x10\nunderscored: 1_000\nsci: 1e-3\nbig: 9223372036854775807\n");
        assertEquals(16, s.getInt("hex", 0, 0));
        assertEquals(1000, s.getInt("underscored", 0, 0));
        assertEquals(0.001, s.getDouble("sci", 0, ValueRange.any()));
        assertEquals(Long.MAX_VALUE, s.getLong("big", 0));
    }

    @Test
    void rejectsNonFiniteNumbers() {
        assertEquals("s.yaml:1: x: expected a finite number, got '.inf'",
                error(() -> section("x: .inf\n").getDouble("x", 0, ValueRange.atLeast(0))));
        assertEquals("s.yaml:1: x: must be at least 0, got -.5",
                error(() -> section("x: -.5\n").getDouble("x", 0, ValueRange.atLeast(0))));
    }

    @Test
    void rejectsLongOutsideSixtyFourBits() {
        assertEquals("s.yaml:1: seed: must be at most 9223372036854775807, got 9223372036854775808",
                error(() -> section("seed: 9223372036854775808\n").getLong("seed", 0)));
    }

    @Test
    void booleansAcceptOnlyTrueOrFalse() {
        assertTrue(section("b: True\n").getBoolean("b", false));
        assertEquals("s.yaml:1: b: expected true or false, got 'on'",
                error(() -> section("b: on\n").getBoolean("b", false)));
        assertEquals("s.yaml:1: b: expected true or false, got '1'",
                error(() -> section("b: 1\n").getBoolean("b", false)));
    }

    @Test
    void finishListsAskedKeysInOrder() {
        ConfigSection s = section("a: 1\nzzz: 2\n");
        s.getInt("a", 0, 0);
        s.getInt("b", 0, 0);
        assertEquals("s.yaml:2: zzz: unknown key (expected a, b)", error(s::finish));
    }

    @Test
    void nestedSectionPrefixesPath() {
        ConfigSection outer = section("outer:\n  inner:\n    n: x\n");
        ConfigSection inner = outer.section("outer").section("inner");
        assertEquals("outer.inner.n", inner.pathOf("n"));
        assertEquals("s.yaml:3: outer.inner.n: expected an integer, got 'x'", error(() -> inner.getInt("n", 0, 0)));
    }

    @Test
    void rejectsNonScalarKey() {
        assertEquals("s.yaml:1: keys must be plain names, got a list", error(() -> section("? [a]\n: 1\n")));
    }

    @Test
    void longValuesAreCutInMessages() {
        String text = "y".repeat(100);
        assertEquals("s.yaml:1: n: expected an integer, got '" + "y".repeat(60) + "...'",
                error(() -> section("n: " + text + "\n").getInt("n", 0, 0)));
    }
}
