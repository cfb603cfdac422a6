package cn.cqs.client.dialogs;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Every dialog the client shows goes through here (对话框服务): messages, confirmations, error
 * details and file choosers. The JavaFX implementation always sets the owner window, so dialogs
 * open on the monitor of the window they belong to; view models receive this interface so tests
 * can substitute a recording implementation. Titles and messages are already localised.
 */
public interface DialogService {

    /** A file type for the file choosers, e.g. "PEM 证书" with {@code *.pem, *.crt}. */
    record FileFilter(String description, List<String> patterns) {
        public FileFilter {
            patterns = List.copyOf(patterns);
        }
    }

    void showInformation(String title, String message);

    void showWarning(String title, String message);

    void showError(String title, String message);

    /**
     * Asks a yes/no question; the safe answer (No) is the default button, so Enter does not
     * confirm by accident.
     *
     * @return true only when the user chose Yes
     */
    boolean confirm(String title, String question);

    /** An error with the exception's details (stack trace) in an expandable area. */
    void showException(String title, String message, Throwable exception);

    /** Lets the user pick an existing file to open. */
    Optional<Path> chooseFileToOpen(String title, Optional<Path> initialDirectory, List<FileFilter> filters);

    /** Lets the user pick where to save a file. */
    Optional<Path> chooseFileToSave(String title, String suggestedName, List<FileFilter> filters);

    /**
     * Lets the user pick one of {@code choices} (already localised labels), e.g. where to stamp the QR
     * code on a PDF produced elsewhere.
     *
     * @param initial the choice selected when the dialog opens; one of {@code choices}
     * @return the label chosen, or empty when the user cancelled
     */
    Optional<String> choose(String title, String message, List<String> choices, String initial);

    /**
     * Asks for a password (masked input), e.g. to unlock the signing credential.
     *
     * @return the password, or empty when the user cancelled; the caller clears the array after use
     */
    Optional<char[]> askPassword(String title, String message);

    /**
     * Asks for a line of free text (e.g. the reason of a refusal); empty when cancelled. The answer
     * is returned as typed (the caller trims and validates it).
     *
     * @param maxLength the longest answer the field accepts
     */
    Optional<String> askText(String title, String message, int maxLength);
}
