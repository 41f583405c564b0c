// Prints a CERT_SIGNING_KEYS value: a JSON array holding one new RSA-2048 private JWK with a kid.
// After a rotation, put the new key first and keep the old ones after it (README, Certificates).
const { generateKeyPairSync, randomUUID } = require('node:crypto');

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const jwk = { ...privateKey.export({ format: 'jwk' }), kid: `gds-${new Date().toISOString().slice(0, 10)}-${randomUUID().slice(0, 8)}`, alg: 'RS256', use: 'sig' };
process.stdout.write(`${JSON.stringify([jwk])}\n`);
