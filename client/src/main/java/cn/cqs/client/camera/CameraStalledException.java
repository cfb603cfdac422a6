package cn.cqs.client.camera;

import cn.cqs.client.i18n.Localization;
import cn.cqs.client.qrimage.UnreadableSourceException;

/**
 * The camera delivered no new frame within the stall timeout (画面卡顿). Thrown by
 * {@link WebcamFrameSource#next()} as an {@link UnreadableSourceException}, so the
 * {@link cn.cqs.client.qrimage.DeskScanner} reports it through {@code onUnreadable} and keeps going:
 * the source stays usable and frames flow again as soon as the camera resumes.
 */
public final class CameraStalledException extends UnreadableSourceException {

    private static final long serialVersionUID = 1L;

    public CameraStalledException(String cameraName, long stalledMillis) {
        super(Localization.get(CameraProblem.STALLED.messageKey(), cameraName, stalledMillis / 1000.0));
    }

    /** Always {@link CameraProblem#STALLED}. */
    public CameraProblem problem() {
        return CameraProblem.STALLED;
    }
}
