import { createHash } from 'node:crypto';

/**
 * A deterministic shuffle: the same seed (an attempt id plus a label) always gives the same order,
 * so a trainee who reloads an attempt sees the same questions, while another attempt sees another.
 */
export function seededShuffle<T>(items: readonly T[], seed: string): T[] {
  const next = prng(seed);
  const result = [...items];
  for (let i = result.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [result[i], result[j]] = [result[j], result[i]];
  }
  return result;
}

/** mulberry32 seeded from the first 4 bytes of sha256(seed): uniform enough for presentation order. */
function prng(seed: string): () => number {
  let state = createHash('sha256').update(seed).digest().readUInt32BE(0);
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
