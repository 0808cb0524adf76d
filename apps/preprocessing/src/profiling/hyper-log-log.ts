/** Register-index bits used unless told otherwise: 2^14 registers, a standard error of 1.04/√16384 ≈ 0.8%. */
export const HYPER_LOG_LOG_PRECISION = 14;

// Module-level copies: a global lookup per call is slow inside vm contexts (such as jest's).
const { clz32, imul } = Math;

/** Bits of the second hash that ranks come from; a register holds at most RANK_BITS + 1. */
const RANK_BITS = 32;

/** Murmur3's finaliser: every input bit affects every output bit. */
function mix32(hash: number): number {
  hash ^= hash >>> 16;
  hash = imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

/** σ(x) of Ertl's estimator: the correction for registers that are still empty. */
function sigma(x: number): number {
  if (x === 1) return Infinity;
  let power = x;
  let weight = 1;
  let sum = x;
  let previous: number;
  do {
    power *= power;
    previous = sum;
    sum += power * weight;
    weight += weight;
  } while (sum !== previous);
  return sum;
}

/** τ(x) of Ertl's estimator: the correction for registers at the largest rank. */
function tau(x: number): number {
  if (x === 0 || x === 1) return 0;
  let root = x;
  let weight = 1;
  let sum = 1 - x;
  let previous: number;
  do {
    root = Math.sqrt(root);
    previous = sum;
    weight *= 0.5;
    sum -= (1 - root) ** 2 * weight;
  } while (sum !== previous);
  return sum / 3;
}

/**
 * Estimates how many distinct strings a stream holds in 2^precision bytes (16 KiB by default).
 *
 * Each string gets two 32-bit hashes from one pass over its characters (FNV-1a and a
 * multiply–xorshift, each finished with Murmur3's mixer): the first picks the register, the
 * second gives the rank, so about 46 bits separate values and collisions stay negligible even at
 * hundreds of millions of distinct values. The estimate is Ertl's improved estimator ("New
 * cardinality estimation algorithms for HyperLogLog sketches", 2017): it is corrected for the
 * raw estimator's bias over the whole range without empirical tables, and its σ term is the
 * small-range correction (it behaves like linear counting while many registers are empty).
 */
export class HyperLogLog {
  private readonly registers: Uint8Array;
  private readonly indexShift: number;

  constructor(readonly precision = HYPER_LOG_LOG_PRECISION) {
    if (!Number.isInteger(precision) || precision < 4 || precision > 18) {
      throw new RangeError(`precision must be an integer from 4 to 18, got ${precision}`);
    }
    this.registers = new Uint8Array(1 << precision);
    this.indexShift = 32 - precision;
  }

  /** Adds one value; adding it again changes nothing. */
  add(value: string): void {
    let first = 0x811c9dc5;
    let second = 0x9747b28c;
    for (let index = 0; index < value.length; index++) {
      const code = value.charCodeAt(index);
      first = imul(first ^ code, 0x01000193);
      second = imul(second ^ code, 0x5bd1e995);
      second ^= second >>> 15;
    }
    const register = mix32(first ^ value.length) >>> this.indexShift;
    const rank = clz32(mix32(second ^ value.length)) + 1;
    if (rank > this.registers[register]!) this.registers[register] = rank;
  }

  /** The estimated number of distinct values added (not rounded); 0 when none were. */
  estimate(): number {
    const registerCount = this.registers.length;
    const histogram = new Float64Array(RANK_BITS + 2);
    for (const rank of this.registers) histogram[rank]! += 1;
    let z = registerCount * tau(1 - histogram[RANK_BITS + 1]! / registerCount);
    for (let rank = RANK_BITS; rank >= 1; rank--) z = 0.5 * (z + histogram[rank]!);
    z += registerCount * sigma(histogram[0]! / registerCount);
    return (registerCount * registerCount) / (2 * Math.LN2 * z);
  }
}
