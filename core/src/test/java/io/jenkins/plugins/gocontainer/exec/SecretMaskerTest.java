package io.jenkins.plugins.gocontainer.exec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static io.jenkins.plugins.gocontainer.exec.SecretMasker.MASK;
import static org.assertj.core.api.Assertions.assertThat;

class SecretMaskerTest {

    /** Ten bytes: its Base64 forms end in "==", and the bytes '>' and '?' give '+' and '/' in standard Base64. */
    private static final String SECRET = "k>>>?~?pw1";

    @Test
    void masksThePlainValueWhereverItAppears() {
        SecretMasker masker = SecretMasker.none().register(SECRET);

        String line = "login with " + SECRET + " and again " + SECRET + ".";

        assertThat(masker.mask(line)).isEqualTo(line.replace(SECRET, MASK)).doesNotContain(SECRET);
    }

    @Test
    void leavesTextWithoutSecretsUnchanged() {
        SecretMasker masker = SecretMasker.none().register(SECRET);

        assertThat(masker.mask("nothing to hide here")).isEqualTo("nothing to hide here");
        assertThat(masker.mask(null)).isNull();
    }

    @Test
    void masksStandardBase64WithAndWithoutPadding() {
        String base64 = Base64.getEncoder().encodeToString(SECRET.getBytes(StandardCharsets.UTF_8));
        String unpadded = base64.replace("=", "");
        assertThat(base64).endsWith("=").containsAnyOf("+", "/");
        SecretMasker masker = SecretMasker.none().register(SECRET);

        assertThat(masker.mask("Authorization: Basic " + base64)).isEqualTo("Authorization: Basic " + MASK);
        assertThat(masker.mask("token " + unpadded + " end")).isEqualTo("token " + MASK + " end");
    }

    @Test
    void masksUrlSafeBase64WithAndWithoutPadding() {
        String urlBase64 = Base64.getUrlEncoder().encodeToString(SECRET.getBytes(StandardCharsets.UTF_8));
        String unpadded = urlBase64.replace("=", "");
        assertThat(urlBase64).isNotEqualTo(Base64.getEncoder().encodeToString(SECRET.getBytes(StandardCharsets.UTF_8)));
        SecretMasker masker = SecretMasker.none().register(SECRET);

        assertThat(masker.mask("jwt=" + urlBase64)).isEqualTo("jwt=" + MASK);
        assertThat(masker.mask("jwt=" + unpadded + ";")).isEqualTo("jwt=" + MASK + ";");
    }

    @Test
    void masksAPaddedEncodingWholeRatherThanLeavingThePadding() {
        String base64 = Base64.getEncoder().encodeToString(SECRET.getBytes(StandardCharsets.UTF_8));
        SecretMasker masker = SecretMasker.none().register(SECRET);

        assertThat(masker.mask(base64)).isEqualTo(MASK);
    }

    @Test
    void masksUrlEncodedFormsWithPlusAndPercentTwentySpaces() {
        String secret = "p@ss word/&=?";
        String formEncoded = URLEncoder.encode(secret, StandardCharsets.UTF_8);
        String percentEncoded = formEncoded.replace("+", "%20");
        assertThat(formEncoded).isNotEqualTo(secret).contains("+");
        SecretMasker masker = SecretMasker.none().register(secret);

        assertThat(masker.mask("https://user:" + formEncoded + "@git.example.com/x"))
            .isEqualTo("https://user:" + MASK + "@git.example.com/x");
        assertThat(masker.mask("https://user:" + percentEncoded + "@git.example.com/x"))
            .isEqualTo("https://user:" + MASK + "@git.example.com/x");
    }

    @Test
    void masksAMultiLineSecretLineByLine() {
        List<String> body = List.of(
            "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW",
            "QyNTUxOQAAACDmZXhhbXBsZS1rZXktZm9yLXRlc3RzLW9ubHktbm90LXJlYWwAAAAAAAAA",
            "ZXhhbXBsZS1rZXktZm9yLXRlc3RzLW9ubHk=");
        String header = "-----BEGIN OPENSSH PRIVATE KEY-----";
        String footer = "-----END OPENSSH PRIVATE KEY-----";
        List<String> all = new ArrayList<>();
        all.add(header);
        all.addAll(body);
        all.add(footer);
        String key = String.join("\n", all) + "\n";
        SecretMasker masker = SecretMasker.none().register(key);

        for (String line : body) {
            assertThat(masker.mask(line)).isEqualTo(MASK);
            assertThat(masker.mask("  debug: " + line)).isEqualTo("  debug: " + MASK);
        }
        assertThat(masker.mask(key.strip())).isEqualTo(MASK);
        // The armour lines are not secret and stay readable.
        assertThat(masker.mask(header)).isEqualTo(header);
    }

    @Test
    void doesNotMaskShortLinesOfAMultiLineSecret() {
        String json = "{\n  \"password\": \"correct-horse-battery\"\n}";
        SecretMasker masker = SecretMasker.none().register(json);

        assertThat(masker.mask("  \"password\": \"correct-horse-battery\"")).isEqualTo("  " + MASK);
        assertThat(masker.mask("}")).isEqualTo("}");
        assertThat(masker.mask("{")).isEqualTo("{");
    }

    @Test
    void masksTheLongestSecretFirstWhicheverIsRegisteredFirst() {
        String shorter = "tok3n-abc";
        String longer = "tok3n-abc-extended-42";
        String line = "value=" + longer + " other=" + shorter;
        String expected = "value=" + MASK + " other=" + MASK;

        assertThat(SecretMasker.none().register(shorter).register(longer).mask(line)).isEqualTo(expected);
        assertThat(SecretMasker.none().register(longer).register(shorter).mask(line)).isEqualTo(expected);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " ", "\t\n  "})
    void ignoresBlankSecrets(String blank) {
        SecretMasker masker = SecretMasker.none().register(blank);

        assertThat(masker.isEmpty()).isTrue();
        assertThat(masker.mask("a  b\tc")).isEqualTo("a  b\tc");
    }

    @Test
    void registeringASecretMakesTheMaskerNonEmpty() {
        assertThat(SecretMasker.none().register(SECRET).isEmpty()).isFalse();
    }

    @Test
    void registersTheStrippedValue() {
        SecretMasker masker = SecretMasker.none().register("  " + SECRET + "\n");

        assertThat(masker.mask("[" + SECRET + "]")).isEqualTo("[" + MASK + "]");
    }

    @Test
    void maskingSinkMasksEachLineBeforePassingItOn() {
        List<String> received = new ArrayList<>();
        OutputSink sink = SecretMasker.none().register(SECRET).masking(received::add);

        sink.line("one " + SECRET);
        sink.line("two");

        assertThat(received).containsExactly("one " + MASK, "two");
    }
}
