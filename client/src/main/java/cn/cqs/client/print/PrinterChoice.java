package cn.cqs.client.print;

import java.util.List;
import java.util.Objects;

/**
 * A printer installed on this computer, as the print preview offers it.
 *
 * @param name         the operating system's name for it (sent with the print record)
 * @param papers       the paper sizes it takes (may be empty when the driver does not say)
 * @param defaultPaper the paper it uses unless told otherwise (A4 when the driver does not say)
 */
public record PrinterChoice(String name, List<PaperSize> papers, PaperSize defaultPaper) {
    public PrinterChoice {
        Objects.requireNonNull(name, "name");
        papers = List.copyOf(papers);
        Objects.requireNonNull(defaultPaper, "defaultPaper");
    }

    @Override
    public String toString() {
        return name;
    }
}
