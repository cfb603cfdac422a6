package cn.cqs.client.camera;

import java.util.Objects;
import java.util.Optional;

/**
 * The camera and resolution the desk uses (摄像头选择), remembered between runs by
 * {@link CameraChoiceStore}.
 *
 * @param cameraName the camera's name as the driver reports it ({@link CameraInfo#name()})
 * @param resolution the capture size; empty for the camera's default ({@link CameraInfo#defaultResolution()})
 */
public record CameraChoice(String cameraName, Optional<CameraResolution> resolution) {

    public CameraChoice {
        Objects.requireNonNull(cameraName, "cameraName");
        if (cameraName.isBlank()) {
            throw new IllegalArgumentException("cameraName: must not be blank");
        }
        resolution = Objects.requireNonNullElse(resolution, Optional.empty());
    }

    public static CameraChoice of(String cameraName, CameraResolution resolution) {
        return new CameraChoice(cameraName, Optional.of(resolution));
    }
}
