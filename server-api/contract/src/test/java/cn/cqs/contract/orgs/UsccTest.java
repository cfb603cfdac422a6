package cn.cqs.contract.orgs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UsccTest {

    @ParameterizedTest
    @ValueSource(strings = {"91350200776049653A", "91440101MA5CJQ4N59", "123502001549897397"})
    void acceptsValidCodes(String code) {
        assertThat(Uscc.check(code).status()).isEqualTo(Uscc.Status.VALID);
    }

    @Test
    void normalisesCaseAndSpaces() {
        Uscc.Check check = Uscc.check("  91440101ma5cjq4n59 ");
        assertThat(check.status()).isEqualTo(Uscc.Status.VALID);
        assertThat(check.code()).isEqualTo("91440101MA5CJQ4N59");
    }

    @Test
    void fujianPilotCodeIsAcceptedWithAWarning() {
        Uscc.Check check = Uscc.check("91350100M0001TGQXM");
        assertThat(check.status()).isEqualTo(Uscc.Status.CHECK_DIGIT_MISMATCH);
        assertThat(check.acceptable()).isTrue();
        assertThat(check.message()).contains("check digit");
    }

    @Test
    void wrongLastDigitIsAWarningNamingTheExpectedOne() {
        Uscc.Check check = Uscc.check("91350200776049653B");
        assertThat(check.status()).isEqualTo(Uscc.Status.CHECK_DIGIT_MISMATCH);
        assertThat(check.reason()).isEqualTo("check_digit");
        assertThat(check.message()).contains("expected A");
    }

    @Test
    void wrongOrganisationCodeCheckDigitIsAWarning() {
        // 91350200776049653A with position 17 changed and position 18 recomputed
        String body = "9135020077604965" + "4";
        String code = body + Uscc.checkDigit(body);
        Uscc.Check check = Uscc.check(code);
        assertThat(check.status()).isEqualTo(Uscc.Status.CHECK_DIGIT_MISMATCH);
        assertThat(check.reason()).isEqualTo("org_code_check_digit");
    }

    @ParameterizedTest
    @ValueSource(strings = {"91350200776049653I", "O1350200776049653A", "9135020077604965SA",
            "913502007V6049653A", "91350200776049Z53A"})
    void rejectsForbiddenCharacters(String code) {
        Uscc.Check check = Uscc.check(code);
        assertThat(check.status()).isEqualTo(Uscc.Status.INVALID);
        assertThat(check.reason()).isEqualTo("character");
    }

    @ParameterizedTest
    @ValueSource(strings = {"91350200776049653", "91350200776049653A0", "1"})
    void rejectsOtherLengths(String code) {
        Uscc.Check check = Uscc.check(code);
        assertThat(check.status()).isEqualTo(Uscc.Status.INVALID);
        assertThat(check.reason()).isEqualTo("length");
    }

    @Test
    void rejectsBlank() {
        assertThat(Uscc.check(null).reason()).isEqualTo("required");
        assertThat(Uscc.check("   ").reason()).isEqualTo("required");
    }
}
