package io.jenkins.plugins.gocontainer.testing;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ImageLeakScanTest {

    private static final String TOKEN = "glpat-Zx9/q+w=token";

    private static Map<String, byte[]> part(String content) {
        return Map.of("layer", content.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void findsASecretInPlainBase64AndUrlEncodedForm() {
        assertThat(ImageLeakScan.hits(part("password " + TOKEN), List.of(TOKEN))).containsExactly("layer contains the plain form of a secret");
        String base64 = Base64.getEncoder().withoutPadding().encodeToString(TOKEN.getBytes(StandardCharsets.UTF_8));
        assertThat(ImageLeakScan.hits(part("auth: " + base64), List.of(TOKEN))).containsExactly("layer contains the base64 form of a secret");
        assertThat(ImageLeakScan.hits(part("u=glpat-Zx9%2Fq%2Bw%3Dtoken"), List.of(TOKEN))).containsExactly("layer contains the url-encoded form of a secret");
    }

    @Test
    void cleanContentHasNoHits() {
        assertThat(ImageLeakScan.hits(part("hello from secretlib v1.0.0"), List.of(TOKEN))).isEmpty();
    }
}
