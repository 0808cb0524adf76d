/**
 * A deterministic pseudo-random generator (mulberry32) returning numbers in [0, 1).
 *
 * The same algorithm as `createSeededRandom` in `@aiaas/data` (a spec checks that the streams
 * agree). This library is `scope:shared` — the CLI bundles it — and may not import the
 * `scope:server` data library, hence the copy.
 */
export function createSeededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
