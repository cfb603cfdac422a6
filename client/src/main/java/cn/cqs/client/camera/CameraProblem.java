package cn.cqs.client.camera;

/**
 * What can go wrong with the verify desk's webcam (摄像头故障), each with a localised message
 * ({@code camera.problem.<NAME>} in both bundles). The desk shows the message and stays usable with
 * files.
 */
public enum CameraProblem {
    /** No camera is connected (or the driver sees none). */
    NO_CAMERA,
    /** The remembered or chosen camera is not connected any more. Argument: the camera's name. */
    CAMERA_NOT_FOUND,
    /** The chosen resolution is not offered by the camera. Arguments: resolution, camera, supported list. */
    RESOLUTION_UNSUPPORTED,
    /** Another program (or another window of this one) is using the camera. Argument: the camera's name. */
    BUSY,
    /** The camera could not be opened for another reason. Arguments: the camera's name, the driver's reason. */
    OPEN_FAILED,
    /** Opening took longer than allowed. Arguments: the camera's name, seconds. */
    OPEN_TIMEOUT,
    /** The camera stopped delivering (unplugged, switched off, driver gone). Argument: the camera's name. */
    VANISHED,
    /** No new frame within the stall timeout; the camera may resume. Arguments: the camera's name, seconds. */
    STALLED,
    /** Looking for cameras took longer than allowed. Argument: seconds. */
    DISCOVERY_TIMEOUT,
    /** Looking for cameras failed. Argument: the driver's reason. */
    DISCOVERY_FAILED,
    /** The camera driver (native library) cannot run on this computer. Arguments: driver, reason. */
    DRIVER_UNAVAILABLE;

    /** The key of this problem's message in the client's resource bundles. */
    public String messageKey() {
        return "camera.problem." + name();
    }
}
