package dev.hallmark.servlet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JwtAuthenticationFilterBuilderTest {

    final JwtAuthenticationFilter.Builder builder = JwtAuthenticationFilter.builder(new Tokens().verifier());

    @ParameterizedTest(name = "realm {0} would break the quoted-string")
    @ValueSource(strings = {"a\"b", "a\\b", "line\nbreak", ""})
    void realmMustNeedNoEscaping(String realm) {
        assertThatThrownBy(() -> builder.realm(realm)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "scope {0} is not an RFC 6749 §3.3 scope-token")
    @ValueSource(strings = {"a b", "quo\"te", "back\\slash", ""})
    void scopesAreScopeTokens(String scope) {
        assertThatThrownBy(() -> builder.requireScopes("/x", scope)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aScopeRuleNeedsAScope() {
        assertThatThrownBy(() -> builder.requireScopes("/x")).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "rule {0}")
    @ValueSource(strings = {"orders", "/orders*", "/*/x", "GET", "GET /a /b", "G(T /a"})
    void badRules(String rule) {
        assertThatThrownBy(() -> builder.publicPath(rule)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void badCookieAndClaimNames() {
        assertThatThrownBy(() -> builder.cookie("a=b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.rolesClaim("two words")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toStringShowsTheConfiguration() {
        String s = builder.realm("orders").cookie("__Host-hallmark-at").publicPath("/health")
                .requireScopes("GET /orders/*", "orders:read").build().toString();
        assertThat(s).contains("realm=orders", "__Host-hallmark-at", "* /health public",
                "GET /orders/* scopes=[orders:read]");
    }

    @Test
    void pathPatterns() {
        assertThat(new PathPattern("/*").matches("/")).isTrue();
        assertThat(new PathPattern("/*").matches("/a/b")).isTrue();
        assertThat(new PathPattern("/orders/*").matches("/orders")).isTrue();
        assertThat(new PathPattern("/orders/*").matches("/orders/1")).isTrue();
        assertThat(new PathPattern("/orders/*").matches("/ordersx")).isFalse();
        assertThat(new PathPattern("/orders").matches("/orders/1")).isFalse();
        assertThat(new PathPattern("/orders").matches("/orders")).isTrue();
    }
}
