package cn.cqs.client.batches.trace;

import cn.cqs.client.qrimage.QrFileScanner;
import cn.cqs.client.qrimage.UnreadableSourceException;
import cn.cqs.contract.batches.SerialNumber;
import cn.cqs.contract.qr.MalformedTokenException;
import cn.cqs.contract.qr.QrToken;
import cn.cqs.contract.qr.TokenKind;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Reads the production serial number (生产流水号) from a picture or PDF of a batch's QR label or
 * delivery ticket, with the client's QR decoder. The token's signature is not checked here: the
 * number only addresses the request, and the server decides what the batch is and who may see it.
 * No JavaFX; call off the JavaFX thread.
 */
public final class SerialLabels {
    private final QrFileScanner scanner;

    public SerialLabels(QrFileScanner scanner) {
        this.scanner = Objects.requireNonNull(scanner, "scanner");
    }

    /** A reader with the default scanner. */
    public static SerialLabels standard() {
        return new SerialLabels(new QrFileScanner());
    }

    /** The outcome: the serial number read, or why none was (a sentence for the user, localised by the caller's key). */
    public record Reading(String serialNumber, Problem problem) {
        /** Why a file gave no serial number. */
        public enum Problem { NO_BATCH_CODE, SEVERAL_BATCHES }
    }

    /**
     * Scans {@code file} and answers the one batch serial number its QR codes carry (the codes of
     * reports and pile tests are ignored; a label sheet repeats one serial number).
     *
     * @throws UnreadableSourceException when the file is not an image or PDF that can be read
     */
    public Reading read(Path file) throws UnreadableSourceException {
        Set<String> serials = new LinkedHashSet<>();
        for (String text : scanner.scan(file).texts()) {
            try {
                QrToken token = QrToken.fromScannedText(text);
                if (token.kind() == TokenKind.BATCH && SerialNumber.isValid(token.documentNumber())) {
                    serials.add(token.documentNumber());
                }
            } catch (MalformedTokenException notOurs) {
                // a QR code that is not a platform token (a supplier's code on the ticket): not a serial number
                continue;
            }
        }
        if (serials.isEmpty()) {
            return new Reading(null, Reading.Problem.NO_BATCH_CODE);
        }
        if (serials.size() > 1) {
            return new Reading(null, Reading.Problem.SEVERAL_BATCHES);
        }
        return new Reading(serials.iterator().next(), null);
    }
}
