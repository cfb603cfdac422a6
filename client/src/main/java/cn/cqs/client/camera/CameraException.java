package cn.cqs.client.camera;

import cn.cqs.client.i18n.Localization;
import java.util.Objects;

/**
 * A camera failure with a message for the user (in the current language) and the
 * {@link CameraProblem} it stands for, so a screen can react (offer files, retry, pick another
 * camera). Unchecked, because it crosses {@link cn.cqs.client.qrimage.FrameSource#next()}, whose
 * {@link cn.cqs.client.qrimage.DeskScanner} reports it through {@code onEnd(failure)}.
 */
public class CameraException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final CameraProblem problem;

    public CameraException(CameraProblem problem, Throwable cause, Object... args) {
        super(Localization.get(Objects.requireNonNull(problem, "problem").messageKey(), args), cause);
        this.problem = problem;
    }

    /** What went wrong. */
    public CameraProblem problem() {
        return problem;
    }
}
