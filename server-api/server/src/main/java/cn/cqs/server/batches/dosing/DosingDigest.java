package cn.cqs.server.batches.dosing;

import cn.cqs.contract.batches.dosing.DosingRecord;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * The SHA-256 of a set of dosing records in a canonical form (plates by number; numbers without
 * trailing zeros; materials in their enum order; the computer-controlled flag), so the same data
 * sent again, as CSV or as JSON, in any row order, is recognised as the same set.
 */
final class DosingDigest {
    private DosingDigest() {
    }

    static String of(boolean computerControlled, List<DosingRecord> plates) {
        StringBuilder text = new StringBuilder("computerControlled=").append(computerControlled).append('\n');
        plates.stream().sorted(Comparator.comparingInt(DosingRecord::plateNo)).forEach(p -> {
            text.append(p.serialNumber()).append('|').append(p.plateNo()).append('|').append(p.time()).append('|')
                    .append(plain(p.volumeM3()));
            p.weighedKg().forEach((kind, kg) -> text.append('|').append(kind).append('=').append(plain(kg)));
            text.append('\n');
        });
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static String plain(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }
}
