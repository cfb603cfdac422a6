package cn.cqs.client.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cqs.client.shell.ConnectionState;
import cn.cqs.contract.orgs.OrganisationKind;
import cn.cqs.contract.orgs.Permission;
import cn.cqs.contract.orgs.Role;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Both languages are complete: every key exists in both bundles, every key referenced from FXML
 * ({@code %key}) or code ({@code Localization.get("key")} and key-shaped string literals) exists,
 * and every message is a valid MessageFormat pattern.
 */
class LocalizationTest {
    static final Path MAIN_JAVA = Path.of("src/main/java");
    static final Path MAIN_RESOURCES = Path.of("src/main/resources");
    static final Pattern FXML_KEY = Pattern.compile("\"%([A-Za-z0-9_.]+)\"");
    static final Pattern GET_CALL = Pattern.compile("Localization\\.get\\(\\s*\"([^\"]+)\"(\\s*\\+)?");
    static final Pattern KEY_LITERAL = Pattern.compile("\"([a-z][A-Za-z0-9]*(?:\\.[A-Za-z0-9_]+)+)\"");

    @AfterEach
    void reset() {
        Localization.setLanguage(AppLanguage.CHINESE);
    }

    static Set<String> keys(AppLanguage language) {
        return new TreeSet<>(Localization.bundle(language).keySet());
    }

    @Test
    void bothLanguagesHaveTheSameKeys() {
        Set<String> zh = keys(AppLanguage.CHINESE);
        Set<String> en = keys(AppLanguage.ENGLISH);
        assertThat(difference(zh, en)).as("keys only in Chinese").isEmpty();
        assertThat(difference(en, zh)).as("keys only in English").isEmpty();
        assertThat(zh).hasSizeGreaterThan(50);
    }

    @Test
    void noKeyIsGivenTwiceInAFile() throws IOException {
        // java.util.Properties keeps the last of two lines with one key: a merge that appends a key
        // another change already had would silently change the first one's words
        for (String name : List.of("messages_zh_CN.properties", "messages_en.properties")) {
            Path file = MAIN_RESOURCES.resolve("cn/cqs/client/i18n").resolve(name);
            Set<String> seen = new TreeSet<>();
            List<String> twice = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#") || t.startsWith("!") || !t.contains("=")) {
                    continue;
                }
                String key = t.substring(0, t.indexOf('=')).strip();
                if (!seen.add(key)) {
                    twice.add(key);
                }
            }
            assertThat(twice).as(name).isEmpty();
        }
    }

    @Test
    void chineseIsTheDefaultAndReadAsUtf8() {
        assertThat(Localization.language()).isEqualTo(AppLanguage.CHINESE);
        assertThat(Localization.get("login.submit")).isEqualTo("登录");
        Localization.setLanguage(AppLanguage.ENGLISH);
        assertThat(Localization.get("login.submit")).isEqualTo("Log in");
        assertThat(Localization.get("status.pending", 3)).isEqualTo("3 changes waiting to upload");
    }

    @Test
    void everyMessageIsAValidPatternInBothLanguages() {
        for (AppLanguage language : AppLanguage.values()) {
            var bundle = Localization.bundle(language);
            for (String key : bundle.keySet()) {
                new MessageFormat(bundle.getString(key), language.locale()); // throws when malformed
            }
        }
    }

    @Test
    void everyKeyUsedInFxmlExists() throws IOException {
        List<String> missing = new ArrayList<>();
        Set<String> keys = keys(AppLanguage.CHINESE);
        List<Path> fxml = files(MAIN_RESOURCES, ".fxml");
        assertThat(fxml).isNotEmpty();
        for (Path file : fxml) {
            Matcher m = FXML_KEY.matcher(Files.readString(file, StandardCharsets.UTF_8));
            while (m.find()) {
                if (!keys.contains(m.group(1))) {
                    missing.add(file.getFileName() + ": " + m.group(1));
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyKeyUsedInCodeExists() throws IOException {
        Set<String> keys = keys(AppLanguage.CHINESE);
        Set<String> prefixes = keys.stream().map(k -> k.substring(0, k.indexOf('.') + 1)).collect(Collectors.toSet());
        List<String> missing = new ArrayList<>();
        int calls = 0;
        for (Path file : files(MAIN_JAVA, ".java")) {
            String source = Files.readString(file, StandardCharsets.UTF_8);
            Matcher get = GET_CALL.matcher(source);
            while (get.find()) {
                calls++;
                String used = get.group(1);
                boolean prefixOnly = get.group(2) != null; // "role." + role.name()
                if (prefixOnly ? keys.stream().noneMatch(k -> k.startsWith(used)) : !keys.contains(used)) {
                    missing.add(file.getFileName() + ": " + get.group(1));
                }
            }
            // Keys passed around as plain strings (e.g. validators returning a key) are checked too:
            // any key-shaped literal whose first segment is a bundle prefix must be a key.
            Matcher literal = KEY_LITERAL.matcher(source);
            while (literal.find()) {
                String candidate = literal.group(1);
                boolean keyShaped = prefixes.stream().anyMatch(candidate::startsWith);
                boolean partial = candidate.endsWith(".") || keys.stream().anyMatch(k -> k.startsWith(candidate + "."));
                if (keyShaped && !partial && !keys.contains(candidate) && !candidate.endsWith(".fxml")
                        && !candidate.endsWith(".css") && !candidate.endsWith(".properties")) {
                    missing.add(file.getFileName() + ": " + candidate);
                }
            }
        }
        assertThat(calls).isGreaterThan(20);
        assertThat(missing).isEmpty();
    }

    @Test
    void everyEnumShownToUsersHasItsNameInBothLanguages() {
        for (AppLanguage language : AppLanguage.values()) {
            Set<String> keys = keys(language);
            Stream.of(Role.values()).forEach(r -> assertThat(keys).contains("role." + r.name()));
            Stream.of(Permission.values()).forEach(p -> assertThat(keys).contains("permission." + p.name()));
            Stream.of(OrganisationKind.values()).forEach(k -> assertThat(keys).contains("organisationKind." + k.name()));
            Stream.of(ConnectionState.values()).forEach(s -> assertThat(keys).contains(s.messageKey()));
        }
    }

    @Test
    void apostrophesShowAsWrittenWithAndWithoutArguments() {
        // Localization.get formats with MessageFormat only when arguments are given: there a lone ' starts a
        // quoted part (the apostrophe vanishes, "{0}" after it is shown as is), so it must be written ''.
        // Without placeholders the text is shown as stored, so '' would show twice ("Manufacturer''s batch no.").
        Pattern placeholder = Pattern.compile("\\{\\d");
        List<String> wrong = new ArrayList<>();
        for (AppLanguage language : AppLanguage.values()) {
            var bundle = Localization.bundle(language);
            for (String key : bundle.keySet()) {
                String value = bundle.getString(key);
                boolean formatted = placeholder.matcher(value).find();
                if (formatted && value.replace("''", "").contains("'")) {
                    wrong.add(language + " lone ' in " + key + "=" + value);
                }
                if (!formatted && value.contains("''")) {
                    wrong.add(language + " doubled '' in " + key + "=" + value);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void everyGaozhiIsANotificationInEnglish() {
        // glossary: 开盘告知 / 完成告知 = StartNotification / EndNotification; the plant screens said
        // "Start notice" while the upload queue said "Start notification"
        var zh = Localization.bundle(AppLanguage.CHINESE);
        var en = Localization.bundle(AppLanguage.ENGLISH);
        List<String> wrong = new ArrayList<>();
        for (String key : zh.keySet()) {
            if (zh.getString(key).contains("告知") && Pattern.compile("\\bnotices?\\b", Pattern.CASE_INSENSITIVE)
                    .matcher(en.getString(key)).find()) {
                wrong.add(key + "=" + en.getString(key));
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void buttonsThatOpenAChooserEndInOneEllipsisCharacter() {
        // "选择文件……" beside "打开文件…" and "导入签章证书…": one ellipsis character, as the other buttons
        List<String> wrong = new ArrayList<>();
        for (AppLanguage language : AppLanguage.values()) {
            var bundle = Localization.bundle(language);
            for (String key : bundle.keySet()) {
                String value = bundle.getString(key);
                boolean chooser = key.endsWith(".choose") || key.endsWith(".button") || key.endsWith(".open");
                if (chooser && (value.endsWith("……") || value.endsWith("..."))) {
                    wrong.add(language + " " + key + "=" + value);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void englishCountsAgreeWithTheirNouns() {
        Localization.setLanguage(AppLanguage.ENGLISH);
        // before: "1 plants, 3 batches; ..."
        assertThat(Localization.get("plants.loaded", 1, 1, 0, 0, 0)).startsWith("1 plant, 1 batch; ");
        assertThat(Localization.get("plants.loaded", 2, 12, 0, 0, 0)).startsWith("2 plants, 12 batches; ");
        assertThat(Localization.get("plants.loaded", 0, 0, 0, 0, 0)).startsWith("0 plants, 0 batches; ");
    }

    @Test
    void languagesAreFoundByTheirSettingsTag() {
        assertThat(AppLanguage.fromTag("zh-CN")).contains(AppLanguage.CHINESE);
        assertThat(AppLanguage.fromTag("EN")).contains(AppLanguage.ENGLISH);
        assertThat(AppLanguage.fromTag("fr")).isEmpty();
        assertThat(AppLanguage.fromTag(null)).isEmpty();
    }

    static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> d = new TreeSet<>(a);
        d.removeAll(b);
        return d;
    }

    static List<Path> files(Path root, String suffix) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }
}
