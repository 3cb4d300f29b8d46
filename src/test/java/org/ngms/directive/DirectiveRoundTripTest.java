package org.ngms.directive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ngms.shared.CanonicalJson;

import tools.jackson.databind.node.ObjectNode;

/**
 * What {@link DirectiveWriter} writes, {@link DirectiveReader} reads back to an equal directive with the same
 * canonical bytes; and the canonical bytes of the 2026 directive are pinned, so any change to the format, the writer
 * or the canonicaliser shows up as a changed golden file in review.
 *
 * <p>After an intended change, regenerate the golden file with {@code -Dngms.golden.update=true} and commit it.
 */
class DirectiveRoundTripTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden/pk-5g-2026.canonical.json");
    private static final Path GOLDEN_SHA = Path.of("src/test/resources/golden/pk-5g-2026.canonical.json.sha256");

    static List<Path> directives() throws IOException {
        try (Stream<Path> dirs = Files.list(Path.of("scenarios"))) {
            return dirs.map(d -> d.resolve("directive.yaml")).filter(Files::exists).sorted().toList();
        }
    }

    private static DirectiveDocument valid(DirectiveParser.Result result) {
        assertThat(result).isInstanceOf(DirectiveParser.Valid.class);
        return ((DirectiveParser.Valid) result).document();
    }

    private static DirectiveDocument read(Path file) throws IOException {
        return valid(DirectiveParser.parse(Files.readString(file), DirectiveParser.Format.YAML));
    }

    @ParameterizedTest
    @MethodSource("directives")
    void whatTheWriterWritesReadsBackAsAnEqualDirectiveWithTheSameHash(Path file) throws IOException {
        DirectiveDocument original = read(file);

        ObjectNode written = DirectiveWriter.write(original.directive());
        DirectiveDocument again = valid(DirectiveParser.parse(written));

        assertThat(again.directive()).isEqualTo(original.directive());
        assertThat(again.canonicalJson()).isEqualTo(original.canonicalJson());
        assertThat(again.sha256()).isEqualTo(original.sha256());
    }

    @ParameterizedTest
    @MethodSource("directives")
    void theCanonicalJsonIsItselfAValidDirectiveWithTheSameHash(Path file) throws IOException {
        DirectiveDocument original = read(file);

        DirectiveDocument again = valid(DirectiveParser.parse(original.canonicalJson(), DirectiveParser.Format.JSON));

        assertThat(again.directive()).isEqualTo(original.directive());
        assertThat(again.canonicalJson()).isEqualTo(original.canonicalJson());
        assertThat(again.sha256()).isEqualTo(CanonicalJson.sha256Hex(original.canonicalJson()));
    }

    @ParameterizedTest
    @MethodSource("directives")
    void theHashIsTheSha256OfTheCanonicalUtf8Bytes(Path file) throws IOException {
        DirectiveDocument document = read(file);

        assertThat(document.sha256()).matches("[0-9a-f]{64}")
                .isEqualTo(CanonicalJson.sha256Hex(document.canonicalJson().getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theCanonicalJsonOf2026IsPinnedByAGoldenFile() throws IOException {
        DirectiveDocument document = read(Path.of("scenarios/pk-5g-2026/directive.yaml"));
        byte[] canonical = document.canonicalJson().getBytes(StandardCharsets.UTF_8);
        if (Boolean.getBoolean("ngms.golden.update")) {
            Files.createDirectories(GOLDEN.getParent());
            Files.write(GOLDEN, canonical);
            Files.writeString(GOLDEN_SHA, document.sha256() + "  " + GOLDEN.getFileName() + "\n");
        }

        byte[] golden = Files.readAllBytes(GOLDEN);
        String pinnedSha = Files.readString(GOLDEN_SHA).split("\\s+")[0];

        assertThat(canonical).isEqualTo(golden);
        assertThat(document.sha256()).isEqualTo(pinnedSha).isEqualTo(CanonicalJson.sha256Hex(golden));
    }
}
