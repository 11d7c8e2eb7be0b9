#!/usr/bin/env python3
"""Writes the JWK fixtures from the PEM files, using only `openssl pkey -text` output and the Python standard
library, so the expected JWKs and thumbprints do not come from the code under test.

Usage: python3 openssl-to-jwk.py   (run in this directory, after generate.sh made the PEM files)
"""
import base64
import hashlib
import json
import re
import subprocess

KEYS = {  # fixture name -> PEM with the private key
    "rsa-2048": "rsa-2048-pkcs8.pem",
    "ec-p256": "ec-p256-pkcs8.pem",
    "ec-p384": "ec-p384-pkcs8.pem",
    "ec-p521": "ec-p521-pkcs8.pem",
    "ed25519": "ed25519-pkcs8.pem",
    "ed448": "ed448-pkcs8.pem",
    "x25519": "x25519-pkcs8.pem",
    "x448": "x448-pkcs8.pem",
    "rsa-1024": "rsa-1024-pkcs8.pem",
}
EC_SIZES = {"P-256": 32, "P-384": 48, "P-521": 66}
PRIVATE = ("d", "p", "q", "dp", "dq", "qi", "k")


def b64u(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def sections(pem: str) -> tuple[str, dict]:
    text = subprocess.run(["openssl", "pkey", "-in", pem, "-text", "-noout"], check=True, capture_output=True,
                          text=True).stdout
    lines = text.splitlines()
    out, name = {}, None
    for line in lines[1:]:
        if line.startswith(" "):
            out[name] += line.strip()
        else:
            m = re.match(r"([A-Za-z0-9 ]+):\s*(.*)$", line)
            name = m.group(1)
            out[name] = m.group(2)
    return lines[0], out


def hexbytes(value: str) -> bytes:
    return bytes.fromhex(value.replace(":", ""))


def unsigned(value: str) -> bytes:
    b = hexbytes(value)
    return b.lstrip(b"\x00") or b"\x00"


def jwk_of(pem: str) -> dict:
    first, s = sections(pem)
    if first.startswith("Private-Key") and "modulus" in s:
        e = int(re.match(r"(\d+)", s["publicExponent"]).group(1))
        return {"kty": "RSA", "n": b64u(unsigned(s["modulus"])), "e": b64u(e.to_bytes((e.bit_length() + 7) // 8, "big")),
                "d": b64u(unsigned(s["privateExponent"])), "p": b64u(unsigned(s["prime1"])),
                "q": b64u(unsigned(s["prime2"])), "dp": b64u(unsigned(s["exponent1"])),
                "dq": b64u(unsigned(s["exponent2"])), "qi": b64u(unsigned(s["coefficient"]))}
    if "NIST CURVE" in s:
        crv = s["NIST CURVE"]
        size = EC_SIZES[crv]
        pub = hexbytes(s["pub"])
        assert pub[0] == 4 and len(pub) == 1 + 2 * size
        d = unsigned(s["priv"]).rjust(size, b"\x00")
        return {"kty": "EC", "crv": crv, "x": b64u(pub[1:1 + size]), "y": b64u(pub[1 + size:]), "d": b64u(d)}
    crv = {"ED25519": "Ed25519", "ED448": "Ed448", "X25519": "X25519", "X448": "X448"}[first.split()[0]]
    return {"kty": "OKP", "crv": crv, "x": b64u(hexbytes(s["pub"])), "d": b64u(hexbytes(s["priv"]))}


def public(jwk: dict) -> dict:
    return {k: v for k, v in jwk.items() if k not in PRIVATE}


def thumbprint(jwk: dict) -> str:
    required = {"RSA": ("e", "kty", "n"), "EC": ("crv", "kty", "x", "y"), "OKP": ("crv", "kty", "x")}[jwk["kty"]]
    canonical = json.dumps({k: jwk[k] for k in required}, separators=(",", ":"), sort_keys=True)
    return b64u(hashlib.sha256(canonical.encode()).digest())


def write(path: str, value: dict) -> None:
    with open(path, "w") as f:
        f.write(json.dumps(value, indent=2) + "\n")


thumbprints = []
public_set, private_set = [], []
for name, pem in KEYS.items():
    jwk = jwk_of(pem)
    write(f"{name}.jwk.json", jwk)
    write(f"{name}.public.jwk.json", public(jwk))
    thumbprints.append(f"{name}={thumbprint(jwk)}")
    if name in ("rsa-2048", "ec-p256", "ed25519"):
        public_set.append(dict(public(jwk), kid=name))
        private_set.append(dict(jwk, kid=name))
write("public.jwks.json", {"keys": public_set})
write("private.jwks.json", {"keys": private_set})
with open("thumbprints.properties", "w") as f:
    f.write("# RFC 7638 SHA-256 thumbprints, computed by openssl-to-jwk.py\n" + "\n".join(thumbprints) + "\n")
