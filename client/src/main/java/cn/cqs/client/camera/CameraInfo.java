package cn.cqs.client.camera;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A camera found by {@link CameraService#discover()}: its name as the driver reports it (the key
 * the choice is remembered by) and the resolutions it offers, smallest first.
 */
public record CameraInfo(String name, List<CameraResolution> resolutions) {

    /** The resolution the desk prefers when none was chosen: QR codes need detail, 1920×1080 is plenty. */
    public static final CameraResolution PREFERRED = new CameraResolution(1280, 720);

    public CameraInfo {
        Objects.requireNonNull(name, "name");
        resolutions = resolutions.stream().distinct().sorted().toList();
    }

    public boolean offers(CameraResolution resolution) {
        return resolutions.contains(resolution);
    }

    /**
     * The resolution to use when none was chosen: {@link #PREFERRED} when offered, else the largest
     * not above 1920×1080, else the smallest; empty when the driver lists none.
     */
    public Optional<CameraResolution> defaultResolution() {
        if (offers(PREFERRED)) {
            return Optional.of(PREFERRED);
        }
        CameraResolution fullHd = new CameraResolution(1920, 1080);
        Optional<CameraResolution> largestUpToFullHd = resolutions.stream()
                .filter(r -> r.compareTo(fullHd) <= 0).reduce((a, b) -> b);
        return largestUpToFullHd.or(() -> resolutions.stream().findFirst());
    }
}
