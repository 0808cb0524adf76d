import { mixHash32 } from '@aiaas/data';

/**
 * Initializer and dropout seeds for the layers of one model, drawn in build order from the
 * training seed: the same seed gives the same sequence, so the same plan builds bit-identical
 * initial weights. Each seed mixes the base seed with a running counter (rather than counting
 * up from the base), so seed 42's second layer does not get seed 43's first layer's seed.
 */
export class SeedSequence {
  private drawn = 0;

  constructor(private readonly base: number) {}

  /** The next seed, a 32-bit unsigned integer. */
  next(): number {
    const index = this.drawn++;
    const high = Math.floor(this.base / 4_294_967_296) >>> 0;
    let hash = (this.base >>> 0) ^ Math.imul(high, 0x9e3779b1);
    hash = Math.imul(hash ^ Math.imul(index + 1, 0x85ebca6b), 0xc2b2ae35);
    return mixHash32(hash);
  }
}
