package cn.cqs.client.qrimage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class DeskScannerTest {

    static final String A = "https://cqs.fjjs.gov.cn/v/AAAA";
    static final String B = "https://cqs.fjjs.gov.cn/v/BBBB";

    @Test
    void decodesPushedFramesOffTheCallingThreadAndReportsARepeatedCodeOnlyOnce() throws Exception {
        SyntheticFrameSource source = new SyntheticFrameSource("desk test");
        List<DeskScan> scans = new CopyOnWriteArrayList<>();
        AtomicReference<Thread> listenerThread = new AtomicReference<>();
        CountDownLatch ended = new CountDownLatch(1);
        AtomicReference<Throwable> endFailure = new AtomicReference<>(new AssertionError("onEnd not called"));
        DeskScanner scanner = DeskScanner.start(source, new DeskDecoder(), new RecentCodes(Duration.ofSeconds(30)),
                new DeskScanListener() {
                    @Override
                    public void onScan(DeskScan scan) {
                        listenerThread.set(Thread.currentThread());
                        scans.add(scan);
                    }

                    @Override
                    public void onEnd(Throwable failure) {
                        endFailure.set(failure);
                        ended.countDown();
                    }
                });
        source.push(DeskTestFiles.pageWith(A), "frame 1");
        source.push(DeskTestFiles.pageWith(A), "frame 2");
        source.push(QrTestImages.documentWithoutCode(), "frame 3");
        source.push(DeskTestFiles.pageWith(B), "frame 4");
        source.close();
        assertThat(scanner.awaitEnd(30, TimeUnit.SECONDS)).isTrue();
        assertThat(ended.await(1, TimeUnit.SECONDS)).isTrue();

        assertThat(endFailure.get()).isNull();
        assertThat(listenerThread.get()).isNotSameAs(Thread.currentThread());
        assertThat(scans).extracting(DeskScan::frameLabel).containsExactly("frame 1", "frame 2", "frame 3", "frame 4");
        assertThat(scans).extracting(s -> s.result().texts()).containsExactly(List.of(A), List.of(A), List.of(), List.of(B));
        assertThat(scans).extracting(s -> s.newCodes().stream().map(DecodedQr::text).toList())
                .containsExactly(List.of(A), List.of(), List.of(), List.of(B));
        assertThat(scans).allSatisfy(s -> assertThat(s.deliveredAtNanos()).isGreaterThanOrEqualTo(s.capturedAtNanos()));
    }

    @Test
    void stopEndsAScannerWaitingForFrames() throws Exception {
        SyntheticFrameSource source = new SyntheticFrameSource("idle camera");
        DeskScanner scanner = DeskScanner.start(source, new DeskDecoder(), new RecentCodes(), scan -> { });
        scanner.close();
        assertThat(scanner.awaitEnd(0, TimeUnit.SECONDS)).isTrue();
        assertThat(source.next()).isEmpty();
    }
}
