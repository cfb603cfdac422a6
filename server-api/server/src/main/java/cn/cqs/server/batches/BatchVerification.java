package cn.cqs.server.batches;

import cn.cqs.contract.batches.ProductionBatch;
import cn.cqs.contract.pki.OrganisationIdentity;
import cn.cqs.contract.verify.VerificationResponse.PublicBatch;
import cn.cqs.server.pki.PlatformSigner;
import java.time.Clock;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * What public verification needs of the batches: whether a batch token's issuer is the platform
 * (only the platform signs serial numbers; a token of kind BATCH from anyone else is not certified
 * for it), the batch a serial number names, and its public fields.
 */
public final class BatchVerification {
    private final Jdbi jdbi;
    private final BatchStore store;
    private final PlatformSigner platform;
    private final Clock clock;

    public BatchVerification(Jdbi jdbi, BatchStore store, PlatformSigner platform, Clock clock) {
        this.jdbi = jdbi;
        this.store = store;
        this.platform = platform;
        this.clock = clock;
    }

    /** Whether {@code uscc} is the platform's own code (the only signer of batch tokens). */
    public boolean isPlatform(String uscc) {
        return platform.identity().map(OrganisationIdentity::uscc).filter(u -> u.equals(uscc)).isPresent();
    }

    /** The batch of a serial number, with its notification states now. */
    public Optional<ProductionBatch> find(String serialNumber) {
        return jdbi.withHandle(h -> store.findBySerial(h, serialNumber, clock.instant()));
    }

    /** The fields anyone holding the token may see. */
    public static PublicBatch publicFields(ProductionBatch b) {
        return new PublicBatch(b.serialNumber(), b.plantName(), b.plantUscc(), b.projectName(), b.buyer(),
                b.pourLocation(), b.marking(), b.volumeM3(), b.plannedStart(), b.registeredAt(), b.startedAt(),
                b.startNotification(), b.endedAt(), b.endNotification(), b.producedVolumeM3(),
                b.projectId(), b.regionCode());
    }
}
