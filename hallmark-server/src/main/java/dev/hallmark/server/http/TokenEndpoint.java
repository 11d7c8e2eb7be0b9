package dev.hallmark.server.http;

import dev.hallmark.server.issue.ClientAuthenticator;
import dev.hallmark.server.issue.ClientCredentials;
import dev.hallmark.server.issue.OAuthException;
import dev.hallmark.server.issue.PasswordLogin;
import dev.hallmark.server.issue.RefreshTokens;
import dev.hallmark.server.issue.TokenIssuer;
import dev.hallmark.server.store.ClientRecord;
import dev.hallmark.server.store.UserRecord;
import dev.hallmark.server.store.UserStore;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * {@code POST /oauth2/token} (RFC 6749 §3.2): {@code client_credentials}, {@code password} (first-party clients
 * only, RFC 9700 §2.4) and {@code refresh_token} (rotated on every use).
 */
public final class TokenEndpoint implements Endpoint {

    private final ClientAuthenticator clients;
    private final TokenIssuer issuer;
    private final RefreshTokens refreshTokens;
    private final PasswordLogin login;
    private final UserStore users;
    private final Map<String, LongAdder> issuedByGrant = new ConcurrentHashMap<>();

    public TokenEndpoint(ClientAuthenticator clients, TokenIssuer issuer, RefreshTokens refreshTokens,
                         PasswordLogin login, UserStore users) {
        this.clients = clients;
        this.issuer = issuer;
        this.refreshTokens = refreshTokens;
        this.login = login;
        this.users = users;
    }

    @Override
    public void handle(Exchange x) {
        Map<String, String> form = x.form();
        ClientRecord client = clients.authenticate(credentials(x, form));
        String grant = form.get("grant_type");
        if (grant == null) {
            throw OAuthException.invalidRequest("grant_type is required");
        }
        Map<String, Object> body = switch (grant) {
            case "client_credentials" -> clientCredentials(client, form);
            case "password" -> password(client, form, x.remoteAddress());
            case "refresh_token" -> refresh(client, form);
            default -> throw new OAuthException("unsupported_grant_type", "grant_type \"" + Exchange.safe(grant)
                    + "\" is not supported");
        };
        issuedByGrant.computeIfAbsent(grant, g -> new LongAdder()).increment();
        x.setHeader("Pragma", "no-cache");
        x.json(200, body);
    }

    private Map<String, Object> clientCredentials(ClientRecord client, Map<String, String> form) {
        String scope = TokenIssuer.resolveScope(client, form.get("scope"));
        return response(issuer.accessToken(client, null, scope, null), scope, null);
    }

    private Map<String, Object> password(ClientRecord client, Map<String, String> form, String remoteAddress) {
        if (!client.firstParty()) {
            throw new OAuthException("unauthorized_client",
                    "the password grant is only for first-party clients (RFC 9700 §2.4)");
        }
        String username = required(form, "username");
        String password = required(form, "password");
        String scope = TokenIssuer.resolveScope(client, form.get("scope"));
        UserRecord user;
        try {
            user = login.authenticate(username, password.toCharArray(), remoteAddress);
        } catch (PasswordLogin.LoginThrottledException e) {
            throw OAuthException.invalidGrant(e.getMessage());
        }
        RefreshTokens.Issued refresh = refreshTokens.issue(client.clientId(), user.userId(), scope);
        return response(issuer.accessToken(client, user, scope, refresh.familyId()), scope, refresh.token());
    }

    private Map<String, Object> refresh(ClientRecord client, Map<String, String> form) {
        RefreshTokens.Rotation rotation = refreshTokens.redeem(required(form, "refresh_token"), client.clientId());
        String scope = rotation.redeemed().scope();
        String requested = form.get("scope");
        if (requested != null && !requested.isBlank()) {
            // RFC 6749 §6: a refresh may narrow the scope, never widen it
            for (String s : requested.trim().split(" +")) {
                if (!(" " + scope + " ").contains(" " + s + " ")) {
                    throw new OAuthException("invalid_scope", "scope \"" + Exchange.safe(s) + "\" was not granted");
                }
            }
            scope = requested.trim();
        }
        UserRecord user = rotation.redeemed().userId() == null ? null
                : users.findById(rotation.redeemed().userId()).filter(u -> !u.disabled())
                        .orElseThrow(() -> OAuthException.invalidGrant("the user is no longer active"));
        String accessToken = issuer.accessToken(client, user, scope, rotation.redeemed().familyId());
        refreshTokens.settle(rotation);
        return response(accessToken, scope, rotation.successor().token());
    }

    private Map<String, Object> response(String accessToken, String scope, String refreshToken) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", accessToken);
        body.put("token_type", "Bearer");
        body.put("expires_in", issuer.accessLifetime().getSeconds());
        if (!scope.isEmpty()) {
            body.put("scope", scope);
        }
        if (refreshToken != null) {
            body.put("refresh_token", refreshToken);
        }
        return body;
    }

    private static String required(Map<String, String> form, String name) {
        String v = form.get(name);
        if (v == null || v.isEmpty()) {
            throw OAuthException.invalidRequest(name + " is required");
        }
        return v;
    }

    /** Client credentials from {@code Authorization: Basic} (RFC 6749 §2.3.1) and the form. */
    static ClientCredentials credentials(Exchange x, Map<String, String> form) {
        String basicId = null;
        String basicSecret = null;
        String auth = x.header("Authorization");
        if (auth != null && auth.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(auth.substring(6).trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw OAuthException.invalidClient("malformed Basic credentials");
            }
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                throw OAuthException.invalidClient("malformed Basic credentials");
            }
            // RFC 6749 §2.3.1: id and secret are form-urlencoded before they are joined and base64-encoded
            try {
                basicId = URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
                basicSecret = URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw OAuthException.invalidClient("malformed Basic credentials");
            }
        }
        return new ClientCredentials(basicId, basicSecret, form.get("client_id"), form.get("client_secret"),
                form.get("client_assertion_type"), form.get("client_assertion"));
    }

    /** Tokens issued so far by grant type, for metrics. */
    public Map<String, Long> issuedByGrant() {
        Map<String, Long> out = new java.util.TreeMap<>();
        issuedByGrant.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }
}
