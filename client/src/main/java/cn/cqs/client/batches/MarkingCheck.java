package cn.cqs.client.batches;

import cn.cqs.client.i18n.Localization;
import cn.cqs.contract.batches.ConcreteMarking;
import cn.cqs.contract.problem.Problem;
import java.util.MissingResourceException;
import java.util.stream.Collectors;

/**
 * The live check of a typed concrete marking (混凝土标记) with the contract's
 * {@link ConcreteMarking} rule (the server runs the same one): its canonical form when valid,
 * otherwise every problem, each prefixed with the localised name of the part it is about.
 *
 * @param marking the parsed marking, or null when the text is not valid
 * @param text    what to show under the field ("" for an empty field)
 */
public record MarkingCheck(ConcreteMarking marking, String text) {

    /** Checks {@code typed}; an empty field is not an error until the form is saved. */
    public static MarkingCheck of(String typed) {
        if (typed == null || typed.isBlank()) {
            return new MarkingCheck(null, "");
        }
        ConcreteMarking.Parsed parsed = ConcreteMarking.parse("marking", typed);
        if (parsed.valid()) {
            return new MarkingCheck(parsed.marking(), Localization.get("plant.marking.ok", parsed.marking().render()));
        }
        return new MarkingCheck(null, parsed.errors().stream().map(MarkingCheck::line).collect(Collectors.joining("\n")));
    }

    public boolean valid() {
        return marking != null;
    }

    private static String line(Problem.FieldError e) {
        String part = e.field().contains(".") ? e.field().substring(e.field().indexOf('.') + 1) : "";
        String name;
        try {
            name = Localization.get("plant.marking.part." + (part.isEmpty() ? "marking" : part));
        } catch (MissingResourceException unknownPart) {
            name = part;
        }
        return name + "：" + e.message();
    }
}
