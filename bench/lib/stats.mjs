// Statistics the benchmarks share.

/** The q-quantile of ascending `sorted` (nearest rank: the smallest value with at least q of them at or below it); 0 when empty. */
export function quantile(sorted, q) {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}
