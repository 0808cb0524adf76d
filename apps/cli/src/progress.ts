/** Bytes as people read them: 512 B, 3.4 MiB. */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}

/** One line of a transfer's progress: a bar, the share, bytes so far of the total, and the rate. */
export function progressLine(done: number, total: number, elapsedMs: number, width = 30): string {
  const share = total > 0 ? Math.min(1, done / total) : 1;
  const filled = Math.round(share * width);
  const rate = elapsedMs > 0 ? (done / elapsedMs) * 1000 : 0;
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(share * 100).toFixed(0).padStart(3)}%  ${formatBytes(done)} of ${formatBytes(total)}  ${formatBytes(rate)}/s`;
}

/**
 * Passes chunks through while drawing their progress on `write` (a terminal's stderr: the line
 * is redrawn in place, at most every `intervalMs`, and ended once the source is).
 */
export async function* withProgress<T extends { length: number }>(
  chunks: AsyncIterable<T>,
  total: number,
  write: (text: string) => void,
  now: () => number = Date.now,
  intervalMs = 100,
): AsyncGenerator<T> {
  const started = now();
  let done = 0;
  let drawnAt = Number.NEGATIVE_INFINITY;
  for await (const chunk of chunks) {
    done += chunk.length;
    if (now() - drawnAt >= intervalMs) {
      write(`\r${progressLine(done, total, now() - started)}`);
      drawnAt = now();
    }
    yield chunk;
  }
  write(`\r${progressLine(done, total, now() - started)}\n`);
}
