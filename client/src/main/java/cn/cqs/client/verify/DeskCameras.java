package cn.cqs.client.verify;

import cn.cqs.client.camera.CameraChoice;
import cn.cqs.client.camera.CameraInfo;
import cn.cqs.client.camera.CameraProblem;
import cn.cqs.client.camera.CameraService;
import cn.cqs.client.qrimage.FrameSource;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Where the verify desk's live pictures come from (实时画面来源): the cameras to choose from and, for
 * the chosen one, a {@link FrameSource}. The desk uses {@link #of(CameraService) the webcams};
 * tests and demos hand it cameras backed by a {@link cn.cqs.client.qrimage.SyntheticFrameSource},
 * so the screen runs exactly the same pipeline with frames rendered from real tokens.
 *
 * <p>Nothing here may block the caller: the futures complete on other threads (with a
 * {@link cn.cqs.client.camera.CameraException} whose message says what is wrong when they fail).
 */
public interface DeskCameras {

    /** The cameras connected now, possibly none. */
    CompletableFuture<List<CameraInfo>> discover();

    /**
     * The camera to use among {@code cameras}: the remembered one when it is still there, else the
     * first.
     *
     * @throws cn.cqs.client.camera.CameraException {@link CameraProblem#NO_CAMERA} when the list is empty
     */
    CameraChoice choose(List<CameraInfo> cameras);

    /** Remembers the choice for the next start. */
    void remember(CameraChoice choice);

    /** Opens the chosen camera: a live source that hands out its newest frame. */
    CompletableFuture<? extends FrameSource> open(CameraChoice choice);

    /** No cameras at all: a desk for files only (discovery finds none). */
    static DeskCameras none() {
        return new DeskCameras() {
            @Override
            public CompletableFuture<List<CameraInfo>> discover() {
                return CompletableFuture.completedFuture(List.of());
            }

            @Override
            public CameraChoice choose(List<CameraInfo> cameras) {
                throw new cn.cqs.client.camera.CameraException(CameraProblem.NO_CAMERA, null);
            }

            @Override
            public void remember(CameraChoice choice) {
                // nothing to remember without cameras
            }

            @Override
            public CompletableFuture<? extends FrameSource> open(CameraChoice choice) {
                return CompletableFuture.failedFuture(new cn.cqs.client.camera.CameraException(CameraProblem.NO_CAMERA, null));
            }
        };
    }

    /** The webcams of this computer through {@code service}. */
    static DeskCameras of(CameraService service) {
        Objects.requireNonNull(service, "service");
        return new DeskCameras() {
            @Override
            public CompletableFuture<List<CameraInfo>> discover() {
                return service.discover();
            }

            @Override
            public CameraChoice choose(List<CameraInfo> cameras) {
                return service.choose(cameras);
            }

            @Override
            public void remember(CameraChoice choice) {
                service.remember(choice);
            }

            @Override
            public CompletableFuture<? extends FrameSource> open(CameraChoice choice) {
                return service.open(choice);
            }
        };
    }
}
