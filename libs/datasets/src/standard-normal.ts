/**
 * One draw from the standard normal distribution by the Box–Muller transform, using two
 * uniform draws from `random` (a generator of numbers in [0, 1)).
 */
export function standardNormal(random: () => number): number {
  // 1 - u lies in (0, 1], so the logarithm is finite.
  const radius = Math.sqrt(-2 * Math.log(1 - random()));
  return radius * Math.cos(2 * Math.PI * random());
}
