#!/usr/bin/env bash
# Regenerates every key fixture in this directory (TEST KEYS ONLY: they are public, never use them for anything
# else). Needs the openssl CLI (3.x) and python3. Run from this directory: ./generate.sh
set -euo pipefail
cd "$(dirname "$0")"
rm -f ./*.pem ./*.jwk.json ./*.jwks.json thumbprints.properties

# RSA 2048 in every PEM form: PKCS#8, PKCS#1 private and public, SPKI, self-signed X.509 certificate.
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out rsa-2048-pkcs8.pem
openssl rsa -in rsa-2048-pkcs8.pem -traditional -out rsa-2048-pkcs1.pem
openssl rsa -in rsa-2048-pkcs8.pem -RSAPublicKey_out -out rsa-2048-pkcs1-public.pem
openssl pkey -in rsa-2048-pkcs8.pem -pubout -out rsa-2048-spki.pem
openssl req -x509 -new -key rsa-2048-pkcs8.pem -subj /CN=hallmark-test-rsa -days 36500 -sha256 -out rsa-2048-cert.pem

# EC: P-256 in every form; P-384 and P-521 as PKCS#8 and SEC 1.
for c in P-256 P-384 P-521; do
  n=ec-$(echo "$c" | tr 'A-Z' 'a-z' | tr -d -)
  openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:$c -pkeyopt ec_param_enc:named_curve -out $n-pkcs8.pem
  openssl ec -in $n-pkcs8.pem -out $n-sec1.pem 2>/dev/null
done
openssl pkey -in ec-p256-pkcs8.pem -pubout -out ec-p256-spki.pem
openssl req -x509 -new -key ec-p256-pkcs8.pem -subj /CN=hallmark-test-ec -days 36500 -sha256 -out ec-p256-cert.pem

# OKP: Ed25519 (PKCS#8, SPKI, certificate), Ed448, X25519 and X448 (PKCS#8, SPKI).
for a in ed25519 ed448 x25519 x448; do
  openssl genpkey -algorithm $a -out $a-pkcs8.pem
  openssl pkey -in $a-pkcs8.pem -pubout -out $a-spki.pem
done
openssl req -x509 -new -key ed25519-pkcs8.pem -subj /CN=hallmark-test-ed25519 -days 36500 -out ed25519-cert.pem

# Keys that must be refused: RSA 1024 (WEAK_KEY) and an encrypted PKCS#8 file (password "test").
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:1024 -out rsa-1024-pkcs8.pem
openssl pkcs8 -topk8 -in ec-p256-pkcs8.pem -v2 aes-256-cbc -passout pass:test -out ec-p256-encrypted.pem

# JWK, JWK Set and thumbprint fixtures from openssl's own view of the keys.
python3 openssl-to-jwk.py
