// Benchmark: cost of one session-token verification, the check every HTTP request and socket
// handshake pays (twice per HTTP request: passport-jwt, then SessionTokenService).
// Run: node -r ./scripts/register.cjs bench/auth/jwt-verify.bench.ts   (not part of npm test)
// Compares the secret as a string (what @nestjs/jwt is usually given) with the KeyObject that
// AuthSecrets holds, through the same JwtService, plus the bare HMAC as the ceiling.
import { createHmac, randomBytes } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import { AuthSecrets } from '../../libs/core/src/auth/auth-secrets.js';

const N = Number(process.env.BENCH_N ?? 20_000);
const secret = randomBytes(48).toString('base64url');
const secrets = new AuthSecrets(secret, `${secret}:portal`);
const jwt = new JwtService();
const claims = { sub: 'account-1', typ: 'account', sid: 'session-1', sv: 0 };
const token = jwt.sign(claims, { secret, audience: 'switchboard:account', expiresIn: 3600 });

const time = (label: string, run: () => unknown) => {
  for (let i = 0; i < 500; i++) run(); // warm-up
  const samples: number[] = [];
  for (let round = 0; round < 5; round++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < N; i++) run();
    samples.push(Number(process.hrtime.bigint() - start) / N / 1000);
  }
  samples.sort((a, b) => a - b);
  console.log(
    `${label.padEnd(44)} median ${samples[2].toFixed(1).padStart(7)} µs/verify  (min ${samples[0].toFixed(1)})`,
  );
  return samples[2];
};

const [head, payload] = token.split('.');
const asString = time('JwtService.verify, string secret', () =>
  jwt.verify(token, { secret, audience: 'switchboard:account' }),
);
const asKey = time('JwtService.verify, KeyObject (AuthSecrets)', () =>
  jwt.verify(token, { secret: secrets.jwtKey as unknown as Buffer, audience: 'switchboard:account' }),
);
time('ceiling: bare HMAC-SHA256 + JSON.parse', () => {
  createHmac('sha256', secret).update(`${head}.${payload}`).digest('base64url');
  return JSON.parse(Buffer.from(payload, 'base64url').toString());
});
console.log(`\nKeyObject is ${(asString / asKey).toFixed(0)}x faster than a string secret`);
