package dev.hallmark.server.issue;

/** Placeholder replaced by the full implementation from the config branch at merge. */
public final class PasswordHasher {
    public String hash(char[] password) {
        throw new UnsupportedOperationException("replaced at merge");
    }

    public boolean verify(char[] password, String phc) {
        throw new UnsupportedOperationException("replaced at merge");
    }

    public boolean needsRehash(String phc) {
        return false;
    }

    public void verifyDummy(char[] password) {
    }
}
