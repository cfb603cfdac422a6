package cn.cqs.client.qrimage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FrameSourcesTest {

    static final String A = "https://cqs.fjjs.gov.cn/v/AAAA";
    static final String B = "https://cqs.fjjs.gov.cn/v/BBBB";
    static final String C = "https://cqs.fjjs.gov.cn/v/CCCC";

    final DeskDecoder decoder = new DeskDecoder();

    @TempDir
    Path dir;

    @Test
    void anImageFileIsOneFrame() throws Exception {
        Path png = DeskTestFiles.png(dir.resolve("scan.png"), DeskTestFiles.pageWith(A));
        try (ImageFileSource source = new ImageFileSource(png)) {
            Frame frame = source.next().orElseThrow();
            assertThat(frame.label()).isEqualTo("scan.png");
            assertThat(frame.image().width()).isEqualTo(700);
            assertThat(decoder.decode(frame).texts()).containsExactly(A);
            assertThat(source.next()).isEmpty();
        }
    }

    @Test
    void aMissingOrBrokenImageIsAClearError() throws IOException {
        assertThatThrownBy(() -> new ImageFileSource(dir.resolve("gone.png")).next())
                .isInstanceOf(UnreadableSourceException.class).hasMessageContaining("gone.png").hasMessageContaining("no such file");
        Path text = Files.writeString(dir.resolve("notes.jpg"), "not an image", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new ImageFileSource(text).next())
                .isInstanceOf(UnreadableSourceException.class).hasMessageContaining("notes.jpg");
    }

    @Test
    void aPdfIsOneFramePerPage() throws Exception {
        Path pdf = DeskTestFiles.pdf(dir.resolve("report.pdf"), Arrays.asList(A, null, B));
        List<String> labels = new ArrayList<>();
        List<List<String>> texts = new ArrayList<>();
        try (PdfPageSource source = new PdfPageSource(pdf)) {
            Optional<Frame> frame;
            while ((frame = source.next()).isPresent()) {
                labels.add(frame.get().label());
                texts.add(decoder.decode(frame.get()).texts());
            }
        }
        assertThat(labels).containsExactly("report.pdf page 1", "report.pdf page 2", "report.pdf page 3");
        assertThat(texts).containsExactly(List.of(A), List.of(), List.of(B));
        assertThatThrownBy(() -> new PdfPageSource(pdf, 20)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dpi");
    }

    @Test
    void aFolderGivesItsImagesAndPdfPagesInNameOrderAndReportsAnUnreadableFileOnce() throws Exception {
        DeskTestFiles.png(dir.resolve("b-photo.png"), DeskTestFiles.pageWith(B));
        DeskTestFiles.pdf(dir.resolve("a-report.pdf"), List.of(A, C));
        Files.writeString(dir.resolve("c-notes.txt"), "not an image", StandardCharsets.UTF_8);
        DeskTestFiles.png(dir.resolve(".hidden.png"), DeskTestFiles.pageWith(C));
        Files.createDirectory(dir.resolve("d-sub"));
        List<String> seen = new ArrayList<>();
        try (FolderSource source = new FolderSource(dir)) {
            assertThat(source.files()).extracting(p -> p.getFileName().toString())
                    .containsExactly("a-report.pdf", "b-photo.png", "c-notes.txt");
            for (int i = 0; i < 3; i++) {
                Frame frame = source.next().orElseThrow();
                seen.add(frame.label() + "=" + decoder.decode(frame).texts());
            }
            assertThatThrownBy(source::next).isInstanceOf(UnreadableSourceException.class).hasMessageContaining("c-notes.txt");
            assertThat(source.next()).isEmpty();
        }
        assertThat(seen).containsExactly("a-report.pdf page 1=[" + A + "]", "a-report.pdf page 2=[" + C + "]",
                "b-photo.png=[" + B + "]");
        assertThatThrownBy(() -> new FolderSource(dir.resolve("nowhere")))
                .isInstanceOf(UnreadableSourceException.class).hasMessageContaining("not a folder");
    }

    @Test
    void aSyntheticSourceDeliversPushedFramesUntilClosed() throws Exception {
        SyntheticFrameSource source = new SyntheticFrameSource("test");
        CompletableFuture<Optional<Frame>> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return source.next();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Frame pushed = source.push(DeskTestFiles.pageWith(A), "pushed 1");
        assertThat(waiting.get(5, TimeUnit.SECONDS)).containsSame(pushed);
        source.push(DeskTestFiles.pageWith(B), "pushed 2");
        source.close();
        assertThat(source.next().orElseThrow().label()).isEqualTo("pushed 2");
        assertThat(source.next()).isEmpty();
        assertThatThrownBy(() -> source.push(DeskTestFiles.pageWith(C), "late"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    @Test
    void aLiveCameraSourceHandsOutOnlyTheNewestFrame() throws Exception {
        SyntheticFrameSource camera = SyntheticFrameSource.liveCamera("camera");
        camera.push(DeskTestFiles.pageWith(A), "1");
        camera.push(DeskTestFiles.pageWith(B), "2");
        camera.push(DeskTestFiles.pageWith(C), "3");
        assertThat(camera.next().orElseThrow().label()).isEqualTo("3");
        assertThat(camera.droppedFrames()).isEqualTo(2);
        camera.close();
        assertThat(camera.next()).isEmpty();
    }
}
