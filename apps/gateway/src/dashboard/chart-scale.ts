/** A point of a line chart; `y` may be missing (NaN or Infinity), which breaks the line there. */
export interface Point {
  readonly x: number;
  readonly y: number;
}

/** Maps `domain` onto `range` linearly; a zero-width domain maps to the middle of the range. */
export function linearScale([d0, d1]: readonly [number, number], [r0, r1]: readonly [number, number]): (value: number) => number {
  if (d1 === d0) return () => (r0 + r1) / 2;
  return (value) => r0 + ((value - d0) / (d1 - d0)) * (r1 - r0);
}

/**
 * Round tick values covering [min, max]: about `count` steps of 1, 2 or 5 times a power of ten,
 * the first tick at or below min and the last at or above max.
 */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [];
  if (min === max) {
    const pad = min === 0 ? 1 : Math.abs(min) * 0.1;
    return niceTicks(min - pad, max + pad, count);
  }
  const raw = (max - min) / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  // The round factor nearest the raw step on a log scale (thresholds at the geometric midpoints).
  const ratio = raw / power;
  const step = (ratio >= Math.sqrt(50) ? 10 : ratio >= Math.sqrt(10) ? 5 : ratio >= Math.sqrt(2) ? 2 : 1) * power;
  const first = Math.floor(min / step);
  const last = Math.ceil(max / step);
  // Rounded to the step's precision so 0.1 + 0.2 shows as 0.3.
  const digits = Math.min(100, Math.max(0, -Math.floor(Math.log10(step))));
  return Array.from({ length: last - first + 1 }, (_, index) => Number(((first + index) * step).toFixed(digits)));
}

/** SVG path data through the points in order, starting a new segment after a missing value. */
export function linePath(points: readonly Point[], x: (value: number) => number, y: (value: number) => number): string {
  let path = '';
  let drawing = false;
  for (const point of points) {
    if (!Number.isFinite(point.y)) {
      drawing = false;
      continue;
    }
    path += `${drawing ? 'L' : 'M'}${x(point.x).toFixed(1)},${y(point.y).toFixed(1)}`;
    drawing = true;
  }
  return path;
}
