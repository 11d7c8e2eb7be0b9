package dev.hallmark.examples.orders;

import dev.hallmark.servlet.JwtPrincipal;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code GET /me}: what the API knows about the caller, straight from the verified token. */
final class MeServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        JwtPrincipal caller = (JwtPrincipal) req.getUserPrincipal();
        Map<String, Object> me = new LinkedHashMap<>();
        me.put("sub", caller.getName());
        me.put("client_id", caller.claims().getString("client_id").orElse(null));
        me.put("scopes", caller.scopes());
        me.put("roles", caller.roles());
        me.put("auth_type", req.getAuthType());
        me.put("kid", caller.jwt().header().keyId().orElse(null));
        me.put("expires_at", caller.claims().expiresAt().map(Object::toString).orElse(null));
        Json.send(resp, 200, me);
    }
}
