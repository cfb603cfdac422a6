package cn.cqs.client.qrimage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeskFolderCommandTest {

    @TempDir
    Path dir;

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(String... args) {
        return DeskFolderCommand.run(args, new DeskDecoder(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void printsOneLinePerFileWithTextOrNoneAndMilliseconds() throws Exception {
        String multiLine = "检测报告 JC-2026-01\nline two\twith tab \\ backslash";
        DeskTestFiles.png(dir.resolve("1-scan.png"), DeskTestFiles.pageWith(multiLine));
        DeskTestFiles.png(dir.resolve("2-blank.png"), QrTestImages.documentWithoutCode());
        DeskTestFiles.pdf(dir.resolve("3-report.pdf"), List.of("https://cqs.fjjs.gov.cn/v/AAAA", "https://cqs.fjjs.gov.cn/v/BBBB"));
        Files.writeString(dir.resolve("4-notes.txt"), "not an image", StandardCharsets.UTF_8);

        assertThat(run(dir.toString())).isZero();

        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).matches("1-scan\\.png\t\\Q检测报告 JC-2026-01\\nline two\\twith tab \\\\ backslash\\E\t\\d+");
        assertThat(lines.get(1)).matches("2-blank\\.png\tNONE\t\\d+");
        assertThat(lines.get(2)).matches("3-report\\.pdf\t\\Qhttps://cqs.fjjs.gov.cn/v/AAAA\\E\t\\Qhttps://cqs.fjjs.gov.cn/v/BBBB\\E\t\\d+");
        assertThat(lines.get(3)).matches("4-notes\\.txt\tNONE\t\\d+");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("4-notes.txt");
    }

    @Test
    void aMissingFolderOrWrongArgumentsExitWith2() {
        assertThat(run(dir.resolve("nowhere").toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("nowhere").contains("not a folder");
        assertThat(run()).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void escapingKeepsEveryTextOnOneLineInOneColumn() {
        assertThat(DeskFolderCommand.escape("a\nb\r\tc\\d")).isEqualTo("a\\nb\\r\\tc\\\\d");
        assertThat(DeskFolderCommand.line("x.png", List.of(), 7)).isEqualTo("x.png\tNONE\t7");
    }
}
