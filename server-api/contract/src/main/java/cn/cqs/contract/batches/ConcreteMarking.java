package cn.cqs.contract.batches;

import cn.cqs.contract.problem.Problem.FieldError;
import cn.cqs.contract.reports.validation.ErrorCodes;
import cn.cqs.contract.reports.validation.ReportInputException;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A ready-mixed concrete marking (预拌混凝土标记), GB/T 14902-2012 §4: category, type code (特制品
 * only), strength class, consistency target with its class in parentheses, durability codes, and
 * the standard, joined by hyphens. Examples: {@code A-C30-180(S4)-P8-GB/T 14902},
 * {@code A-C50-180(S4)-F250Q-III-GB/T 14902}, {@code B-LF-LC40-210(S4)-P8F150-GB/T 14902}.
 *
 * <p>{@link #parse(String)} reads a marking as written, tolerating white space, lower case and
 * full-width punctuation, and reports <em>every</em> problem it finds; {@link #render()} writes the
 * canonical form (durability codes concatenated in {@link DurabilityKind} order). The strength
 * class gives fcu,k ({@link #fcuK()}) for GB/T 50107 evaluation. In JSON a marking is its
 * canonical string. The rule and its sources are in {@code docs/rules/concrete-marking.md}.
 *
 * @param category      A 常规品 or B 特制品
 * @param specialTypes  the type codes of a B marking, in the order written; empty for A
 * @param strength      the strength class (强度等级)
 * @param consistencyMm the slump or spread target in mm (坍落度/扩展度)
 * @param consistency   the consistency class the target lies in
 * @param durability    the durability codes (耐久性能等级), at most one per kind, possibly none
 */
public record ConcreteMarking(MarkingCategory category, List<SpecialConcreteType> specialTypes,
                              MarkingStrength strength, int consistencyMm, ConsistencyClass consistency,
                              List<DurabilityGrade> durability) {

    /** The standard every marking ends with. */
    public static final String STANDARD = "GB/T 14902";
    /** The field name errors are reported against by {@link #parse(String)}. */
    public static final String DEFAULT_FIELD = "concreteMarking";
    /** Longest marking text accepted, in characters. */
    public static final int MAX_LENGTH = 100;

    private static final String STANDARD_COMPACT = "GB/T14902";
    private static final Pattern TYPE_CODES = Pattern.compile("[A-Z]+");
    private static final Pattern STRENGTH = Pattern.compile("(L?C)(\\d{1,3}(?:\\.\\d{1,2})?)");
    private static final Pattern CONSISTENCY = Pattern.compile("(\\d{1,4})(?:\\(([A-Z]*\\d*)\\))?");
    private static final Pattern DURABILITY_TOKEN =
            Pattern.compile("-?(KS|RCM-?|Q-?|T-?|L-?|P|F|D)(\\d{1,4}|[IVX]{1,4})");
    private static final BigDecimal HIGH_STRENGTH_MIN = new BigDecimal("60");

    public ConcreteMarking {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(strength, "strength");
        Objects.requireNonNull(consistency, "consistency");
        specialTypes = List.copyOf(Objects.requireNonNull(specialTypes, "specialTypes"));
        durability = Objects.requireNonNull(durability, "durability").stream()
                .sorted(Comparator.comparing(DurabilityGrade::kind)).toList();
        List<FieldError> errors = new ArrayList<>();
        if (category == MarkingCategory.A && !specialTypes.isEmpty()) {
            errors.add(typeCodeUnderA(DEFAULT_FIELD));
        }
        if (category == MarkingCategory.B && specialTypes.isEmpty()) {
            errors.add(typeCodeMissing(DEFAULT_FIELD));
        }
        if (specialTypes.stream().distinct().count() != specialTypes.size()) {
            errors.add(new FieldError(DEFAULT_FIELD + ".specialType", ErrorCodes.NOT_ALLOWED,
                    "A type code appears twice: " + specialTypes));
        }
        strengthAgainstTypes(DEFAULT_FIELD, specialTypes, strength).ifPresent(errors::add);
        consistencyInClass(DEFAULT_FIELD, consistencyMm, consistency).ifPresent(errors::add);
        long kinds = durability.stream().map(DurabilityGrade::kind).distinct().count();
        if (kinds != durability.size()) {
            errors.add(new FieldError(DEFAULT_FIELD + ".durability", ErrorCodes.NOT_ALLOWED,
                    "At most one code per durability property, got " + durability));
        }
        if (!errors.isEmpty()) {
            throw new ReportInputException("concrete marking", errors);
        }
    }

    /**
     * The outcome of {@link #parse}: the marking, or every problem found.
     *
     * @param marking the marking, or null when there are errors
     * @param errors  every problem, each against {@code <field>.<part>} where part is
     *                {@code category}, {@code specialType}, {@code strengthClass},
     *                {@code consistency}, {@code consistencyClass}, {@code durability} or
     *                {@code standard} (or the field itself for a blank or over-long text)
     */
    public record Parsed(ConcreteMarking marking, List<FieldError> errors) {
        public Parsed {
            errors = List.copyOf(errors);
            if ((marking == null) == errors.isEmpty()) {
                throw new IllegalArgumentException("Either a marking or errors");
            }
        }

        public boolean valid() {
            return marking != null;
        }

        /** The marking, or a {@link ReportInputException} carrying every problem. */
        public ConcreteMarking orElseThrow() {
            if (marking == null) {
                throw new ReportInputException("concrete marking", errors);
            }
            return marking;
        }
    }

    /** Parses a marking, reporting problems against {@value #DEFAULT_FIELD}. */
    public static Parsed parse(String text) {
        return parse(DEFAULT_FIELD, text);
    }

    /** Parses a marking, reporting problems against {@code field} and its parts. */
    public static Parsed parse(String field, String text) {
        return new MarkingParser(field, text).parse();
    }

    /**
     * Parses a marking or throws; the JSON form.
     *
     * @throws ReportInputException carrying every problem
     */
    @JsonCreator
    public static ConcreteMarking of(String text) {
        return parse(text).orElseThrow();
    }

    /** The canonical marking, e.g. {@code A-C50-180(S4)-F250Q-III-GB/T 14902}. */
    @JsonValue
    public String render() {
        StringBuilder sb = new StringBuilder(category.name());
        if (!specialTypes.isEmpty()) {
            sb.append('-').append(specialTypes.stream().map(Enum::name).collect(Collectors.joining()));
        }
        sb.append('-').append(strength.code());
        sb.append('-').append(consistencyMm).append('(').append(consistency.name()).append(')');
        if (!durability.isEmpty()) {
            sb.append('-').append(durability.stream().map(DurabilityGrade::code).collect(Collectors.joining()));
        }
        return sb.append('-').append(STANDARD).toString();
    }

    /** fcu,k in MPa (立方体抗压强度标准值), e.g. 30 for C30: what GB/T 50107 evaluates against. */
    public BigDecimal fcuK() {
        return strength.fcuK();
    }

    /** The durability code of one kind, if the marking states it. */
    public Optional<DurabilityGrade> durability(DurabilityKind kind) {
        return durability.stream().filter(d -> d.kind() == kind).findFirst();
    }

    @Override
    public String toString() {
        return render();
    }

    private static FieldError typeCodeUnderA(String field) {
        return new FieldError(field + ".specialType", ErrorCodes.NOT_APPLICABLE,
                "A (常规品, ordinary concrete) has no type code; type codes follow B (特制品)");
    }

    private static FieldError typeCodeMissing(String field) {
        return new FieldError(field + ".specialType", ErrorCodes.REQUIRED,
                "B (特制品, special concrete) needs a type code after B-: " + SpecialConcreteType.describeAll());
    }

    /** LC classes iff lightweight (L); high-strength (H) only from C60. */
    private static Optional<FieldError> strengthAgainstTypes(String field, List<SpecialConcreteType> types,
                                                             MarkingStrength strength) {
        boolean lightweightType = types.contains(SpecialConcreteType.L);
        if (strength.lightweight() && !lightweightType) {
            return Optional.of(new FieldError(field + ".strengthClass", ErrorCodes.NOT_ALLOWED,
                    strength.code() + " is a lightweight-aggregate class; it needs type code L (B-L…)"));
        }
        if (!strength.lightweight() && lightweightType) {
            return Optional.of(new FieldError(field + ".strengthClass", ErrorCodes.NOT_ALLOWED,
                    "Type L (轻骨料混凝土) is classed LC…, e.g. LC30; got " + strength.code()));
        }
        if (types.contains(SpecialConcreteType.H) && strength.fcuK().compareTo(HIGH_STRENGTH_MIN) < 0) {
            return Optional.of(new FieldError(field + ".strengthClass", ErrorCodes.NOT_ALLOWED,
                    "Type H (高强混凝土) is C60 or above; got " + strength.code()));
        }
        return Optional.empty();
    }

    private static Optional<FieldError> consistencyInClass(String field, int valueMm, ConsistencyClass cls) {
        if (cls.contains(valueMm)) {
            return Optional.empty();
        }
        Optional<ConsistencyClass> actual = ConsistencyClass.classify(cls.measure(), valueMm);
        String what = cls.measure() == ConsistencyClass.Measure.SLUMP ? "slump" : "spread";
        return Optional.of(new FieldError(field + ".consistency", ErrorCodes.OUT_OF_RANGE,
                "A " + what + " of " + valueMm + " mm is not in " + cls.name() + " (" + cls.range() + "); "
                        + actual.map(c -> "it is " + c.name() + " (" + c.range() + ")")
                        .orElse("it lies in no " + what + " class")));
    }

    /** Reads one marking text, collecting every problem. */
    private static final class MarkingParser {
        private final String field;
        private final String text;
        private final List<FieldError> errors = new ArrayList<>();

        MarkingParser(String field, String text) {
            this.field = Objects.requireNonNull(field, "field");
            this.text = text;
        }

        Parsed parse() {
            if (text == null || text.isBlank()) {
                return failed(new FieldError(field, ErrorCodes.REQUIRED, "Required"));
            }
            if (text.strip().length() > MAX_LENGTH) {
                return failed(new FieldError(field, ErrorCodes.TOO_LONG,
                        "At most " + MAX_LENGTH + " characters, got " + text.strip().length()));
            }
            String body = stripStandard(normalise(text));
            List<String> parts = new ArrayList<>(Arrays.asList(body.split("-", -1)));
            int i = 0;

            MarkingCategory category = null;
            String p = at(parts, i);
            if ("A".equals(p) || "B".equals(p)) {
                category = MarkingCategory.valueOf(p);
                i++;
            } else if (p != null && STRENGTH.matcher(p).matches()) {
                error("category", ErrorCodes.REQUIRED, "A marking starts with A (常规品) or B (特制品)");
            } else {
                error("category", ErrorCodes.NOT_ALLOWED,
                        "A marking starts with A (常规品) or B (特制品); got '" + (p == null ? "" : p) + "'");
                i++;
            }

            List<SpecialConcreteType> types = new ArrayList<>();
            p = at(parts, i);
            if (p != null && TYPE_CODES.matcher(p).matches() && !STRENGTH.matcher(p).matches()) {
                if (category == MarkingCategory.A) {
                    errors.add(typeCodeUnderA(field));
                } else {
                    readTypes(p, types);
                }
                i++;
            } else if (category == MarkingCategory.B) {
                errors.add(typeCodeMissing(field));
            }

            MarkingStrength strength = null;
            p = at(parts, i);
            Matcher sm = p == null ? null : STRENGTH.matcher(p);
            if (sm != null && sm.matches()) {
                strength = readStrength(sm);
                i++;
            } else if (p == null || CONSISTENCY.matcher(p).matches()) {
                error("strengthClass", ErrorCodes.REQUIRED, "The strength class is required, e.g. C30");
            } else {
                error("strengthClass", ErrorCodes.FORMAT,
                        "A strength class is C or LC followed by fcu,k in MPa, e.g. C30; got '" + p + "'");
                i++;
            }
            if (strength != null && category != null) {
                strengthAgainstTypes(field, types, strength).ifPresent(errors::add);
            }

            Integer consistencyMm = null;
            ConsistencyClass consistency = null;
            p = at(parts, i);
            Matcher cm = p == null ? null : CONSISTENCY.matcher(p);
            if (cm != null && cm.matches()) {
                consistencyMm = Integer.valueOf(cm.group(1));
                consistency = readConsistencyClass(consistencyMm, cm.group(2));
                if (consistency != null) {
                    consistencyInClass(field, consistencyMm, consistency).ifPresent(errors::add);
                }
                i++;
            } else if (p == null || p.isEmpty() || DURABILITY_TOKEN.matcher(p).lookingAt()) {
                error("consistency", ErrorCodes.REQUIRED,
                        "The slump (or spread) target in mm with its class is required, e.g. 180(S4)");
            } else {
                error("consistency", ErrorCodes.FORMAT,
                        "The consistency is the target in mm with its class in parentheses, e.g. 180(S4); got '"
                                + p + "'");
                i++;
            }

            List<DurabilityGrade> durability = readDurability(String.join("-", parts.subList(
                    Math.min(i, parts.size()), parts.size())));

            if (!errors.isEmpty()) {
                return new Parsed(null, errors);
            }
            return new Parsed(new ConcreteMarking(category, types, strength, consistencyMm, consistency,
                    durability), List.of());
        }

        private Parsed failed(FieldError error) {
            return new Parsed(null, List.of(error));
        }

        /** Upper case, ASCII punctuation, no white space. */
        private static String normalise(String raw) {
            String s = raw.strip().toUpperCase(Locale.ROOT)
                    .replace('（', '(').replace('）', ')').replace('－', '-').replace('—', '-')
                    .replace('–', '-').replace('‐', '-').replace('／', '/');
            return s.replaceAll("\\s+", "");
        }

        /** Removes {@code -GB/T 14902}; reports it missing or different. */
        private String stripStandard(String s) {
            if (s.endsWith("-" + STANDARD_COMPACT)) {
                return s.substring(0, s.length() - STANDARD_COMPACT.length() - 1);
            }
            int gb = s.indexOf("-GB");
            if (gb >= 0) {
                error("standard", ErrorCodes.NOT_ALLOWED, "A marking ends with " + STANDARD + "; got '"
                        + s.substring(gb + 1) + "'");
                return s.substring(0, gb);
            }
            error("standard", ErrorCodes.REQUIRED, "A marking ends with -" + STANDARD);
            return s;
        }

        private void readTypes(String codes, List<SpecialConcreteType> types) {
            for (char c : codes.toCharArray()) {
                Optional<SpecialConcreteType> type = SpecialConcreteType.ofCode(c);
                if (type.isEmpty()) {
                    error("specialType", ErrorCodes.NOT_ALLOWED, "Unknown type code '" + c + "' in '" + codes
                            + "'; GB/T 14902-2012 defines " + SpecialConcreteType.describeAll());
                } else if (types.contains(type.get())) {
                    error("specialType", ErrorCodes.NOT_ALLOWED, "Type code '" + c + "' appears twice in '"
                            + codes + "'");
                } else {
                    types.add(type.get());
                }
            }
        }

        private MarkingStrength readStrength(Matcher m) {
            boolean lightweight = m.group(1).equals("LC");
            BigDecimal fcuK = new BigDecimal(m.group(2));
            if (!MarkingStrength.isAllowed(lightweight, fcuK)) {
                error("strengthClass", ErrorCodes.NOT_ALLOWED, "No strength class " + m.group()
                        + "; " + MarkingStrength.allowedText(lightweight));
                return null;
            }
            return new MarkingStrength(lightweight, fcuK);
        }

        private ConsistencyClass readConsistencyClass(int valueMm, String classText) {
            if (classText == null) {
                String suggestion = ConsistencyClass.classify(ConsistencyClass.Measure.SLUMP, valueMm)
                        .map(c -> ", e.g. " + valueMm + "(" + c.name() + ")").orElse("");
                error("consistencyClass", ErrorCodes.REQUIRED,
                        "GB/T 14902 writes the consistency class in parentheses after the value" + suggestion);
                return null;
            }
            try {
                return ConsistencyClass.valueOf(classText);
            } catch (IllegalArgumentException e) {
                error("consistencyClass", ErrorCodes.NOT_ALLOWED, "No consistency class '" + classText
                        + "'; slump classes are S1 to S5, spread classes F1 to F6");
                return null;
            }
        }

        private List<DurabilityGrade> readDurability(String rest) {
            List<DurabilityGrade> grades = new ArrayList<>();
            Set<DurabilityKind> seen = EnumSet.noneOf(DurabilityKind.class);
            Matcher m = DURABILITY_TOKEN.matcher(rest);
            int at = 0;
            while (at < rest.length()) {
                m.region(at, rest.length());
                if (!m.lookingAt()) {
                    error("durability", ErrorCodes.FORMAT, "Cannot read a durability code at '"
                            + rest.substring(at).replaceFirst("^-", "") + "'; codes are P (抗渗), F (抗冻, 快冻), D (抗冻, 慢冻), "
                            + "KS (抗硫酸盐), RCM-/Q- (抗氯离子), T- (抗碳化), L- (早期抗裂), e.g. P8, F250Q-III");
                    break;
                }
                at = m.end();
                String prefix = m.group(1);
                Optional<DurabilityKind> kind = kindOf(prefix, m.group(2));
                if (kind.isEmpty()) {
                    error("durability", ErrorCodes.FORMAT, "Cannot read durability code '" + m.group()
                            .replaceFirst("^-", "") + "': " + expectation(prefix));
                    continue;
                }
                if (!kind.get().grades().contains(m.group(2))) {
                    error("durability", ErrorCodes.NOT_ALLOWED, "No " + kind.get().chineseName() + " ("
                            + kind.get().englishName() + ") grade " + kind.get().prefix() + m.group(2)
                            + "; JGJ/T 193-2009 defines " + kind.get().allowedCodes());
                    continue;
                }
                if (!seen.add(kind.get())) {
                    error("durability", ErrorCodes.NOT_ALLOWED, kind.get().chineseName() + " ("
                            + kind.get().englishName() + ") is stated twice");
                    continue;
                }
                grades.add(new DurabilityGrade(kind.get(), m.group(2)));
            }
            return grades;
        }

        /** The kind a prefix names, if the grade has the right shape (digits or roman numerals). */
        private static Optional<DurabilityKind> kindOf(String prefix, String grade) {
            String bare = prefix.endsWith("-") ? prefix.substring(0, prefix.length() - 1) : prefix;
            boolean roman = grade.chars().allMatch(ch -> ch == 'I' || ch == 'V' || ch == 'X');
            for (DurabilityKind kind : DurabilityKind.values()) {
                String kindBare = kind.prefix().endsWith("-")
                        ? kind.prefix().substring(0, kind.prefix().length() - 1) : kind.prefix();
                boolean kindRoman = kind.prefix().endsWith("-");
                if (kindBare.equals(bare) && kindRoman == roman) {
                    return Optional.of(kind);
                }
            }
            return Optional.empty();
        }

        private static String expectation(String prefix) {
            String bare = prefix.endsWith("-") ? prefix.substring(0, prefix.length() - 1) : prefix;
            return switch (bare) {
                case "P", "F", "D", "KS" -> bare + " is followed by a number, e.g. " + bare + "8";
                default -> bare + " is followed by a hyphen and a roman numeral I to V, e.g. " + bare + "-III";
            };
        }

        private static String at(List<String> parts, int i) {
            return i < parts.size() ? parts.get(i) : null;
        }

        private void error(String part, String code, String message) {
            errors.add(new FieldError(field + "." + part, code, message));
        }
    }
}
