#!/bin/sh
# Regenerates the PEM test fixtures with the openssl command line (OpenSSL 3). Test keys only: never secrets.
# Run from this directory: sh generate.sh
set -eu

# RSA 2048: PKCS#8, traditional PKCS#1, SPKI and PKCS#1 public
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out rsa2048.pkcs8.pem
openssl rsa -in rsa2048.pkcs8.pem -traditional -out rsa2048.pkcs1.pem
openssl pkey -in rsa2048.pkcs8.pem -pubout -out rsa2048.spki.pem
openssl rsa -in rsa2048.pkcs8.pem -RSAPublicKey_out -out rsa2048.pkcs1-public.pem

# EC on the three NIST curves: PKCS#8, SEC 1 and SPKI
for c in P-256 P-384 P-521; do
  n=$(echo "$c" | tr -d '-' | tr 'P' 'p')
  openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:$c -pkeyopt ec_param_enc:named_curve -out ec-$n.pkcs8.pem
  openssl ec -in ec-$n.pkcs8.pem -out ec-$n.sec1.pem
  openssl pkey -in ec-$n.pkcs8.pem -pubout -out ec-$n.spki.pem
done

# The CFRG curves: PKCS#8 and SPKI
for c in ed25519 ed448 x25519 x448; do
  openssl genpkey -algorithm $c -out $c.pkcs8.pem
  openssl pkey -in $c.pkcs8.pem -pubout -out $c.spki.pem
done

# Self-signed certificates over the RSA and P-256 keys
openssl req -x509 -new -key rsa2048.pkcs8.pem -subj "/CN=hallmark test rsa" -days 36500 -sha256 -out rsa2048.cert.pem
openssl req -x509 -new -key ec-p256.pkcs8.pem -subj "/CN=hallmark test ec" -days 36500 -sha256 -out ec-p256.cert.pem

# A two-certificate chain: a P-384 CA signs a leaf for the P-256 key; chain.pem is leaf first, then the CA
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-384 -out chain-ca.pkcs8.pem
openssl req -x509 -new -key chain-ca.pkcs8.pem -subj "/CN=hallmark test ca" -days 36500 -sha384 \
  -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign -out chain-ca.cert.pem
openssl req -new -key ec-p256.pkcs8.pem -subj "/CN=hallmark test leaf" -out chain-leaf.csr.pem
openssl x509 -req -in chain-leaf.csr.pem -CA chain-ca.cert.pem -CAkey chain-ca.pkcs8.pem -set_serial 2 \
  -days 36500 -sha384 -out chain-leaf.cert.pem
cat chain-leaf.cert.pem chain-ca.cert.pem > chain.pem
rm chain-leaf.csr.pem

# RSASSA-PSS keys: without parameters, and restricted to SHA-256 (parameters in the algorithm identifier)
openssl genpkey -algorithm RSA-PSS -pkeyopt rsa_keygen_bits:2048 -out rsa-pss.pkcs8.pem
openssl pkey -in rsa-pss.pkcs8.pem -pubout -out rsa-pss.spki.pem
openssl genpkey -algorithm RSA-PSS -pkeyopt rsa_keygen_bits:2048 -pkeyopt rsa_pss_keygen_md:sha256 \
  -pkeyopt rsa_pss_keygen_mgf1_md:sha256 -pkeyopt rsa_pss_keygen_saltlen:32 -out rsa-pss-sha256.pkcs8.pem
openssl pkey -in rsa-pss-sha256.pkcs8.pem -pubout -out rsa-pss-sha256.spki.pem

# Refused inputs: an encrypted PKCS#8 key (password "hallmark"), secp256k1, RSA 1024, DSA, explicit EC parameters
openssl pkcs8 -topk8 -in ec-p256.pkcs8.pem -v2 aes-256-cbc -passout pass:hallmark -out encrypted.pkcs8.pem
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:secp256k1 -out secp256k1.pkcs8.pem
openssl ec -in secp256k1.pkcs8.pem -out secp256k1.sec1.pem
openssl pkey -in secp256k1.pkcs8.pem -pubout -out secp256k1.spki.pem
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:1024 -out rsa1024.pkcs8.pem
openssl pkey -in rsa1024.pkcs8.pem -pubout -out rsa1024.spki.pem
openssl genpkey -genparam -algorithm DSA -pkeyopt dsa_paramgen_bits:2048 -out dsa.params.pem
openssl genpkey -paramfile dsa.params.pem -out dsa2048.pkcs8.pem
rm dsa.params.pem
openssl pkey -in ec-p256.pkcs8.pem -pubout -ec_param_enc explicit -out ec-p256-explicit.spki.pem
openssl pkey -in ec-p256.pkcs8.pem -ec_param_enc explicit -out ec-p256-explicit.pkcs8.pem

# Certificates whose keys Hallmark cannot use: secp256k1 and DSA
openssl req -x509 -new -key secp256k1.pkcs8.pem -subj "/CN=hallmark test secp256k1" -days 36500 -sha256 -out secp256k1.cert.pem
openssl req -x509 -new -key dsa2048.pkcs8.pem -subj "/CN=hallmark test dsa" -days 36500 -sha256 -out dsa2048.cert.pem
