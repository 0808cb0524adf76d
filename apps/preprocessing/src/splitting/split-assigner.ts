import { createSeededRandom, mixHash32, shuffleInPlace, type SplitName } from '@aiaas/data';
import type { SplitRule } from './split-rule';

/** Rows of one stratum whose test/validation shares are made exact together. */
const BLOCK_SIZE = 20;

/** A 32-bit hash of `text` mixed with `seed` (FNV-1a, then a murmur3 finaliser). */
export function hashString(text: string, seed: number): number {
  let hash = (0x811c9dc5 ^ seed) >>> 0;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return mixHash32(hash);
}

/** Counts of each split in the block at `blockIndex`, carrying remainders so totals stay exact. */
function blockQuota(blockIndex: number, fraction: number): number {
  return Math.round((blockIndex + 1) * BLOCK_SIZE * fraction) - Math.round(blockIndex * BLOCK_SIZE * fraction);
}

interface StratumState {
  position: number;
  block: number;
  /** Rank of each position of the current block in a seeded shuffle of the block. */
  ranks: number[];
}

/** What a row offers the assigner: its class (ratio), time (time) or group (group). */
export interface SplitKey {
  readonly stratum?: string;
  readonly time?: number;
  readonly group?: string;
}

/**
 * Assigns rows to train/validation/test by a SplitRule, deterministically: the same rule, part
 * and row order always give the same assignment, without keeping rows. For a stratified ratio
 * split each class's rows are taken in blocks of 20 and a seeded shuffle of each block picks
 * exactly its share, so every class is split in the stated proportions (exactly over whole
 * blocks; only a class's last, partial block can deviate, by less than one block's share) while
 * the choice inside a block is random.
 */
export class SplitAssigner {
  private readonly strata = new Map<string, StratumState>();

  /** `part` keeps the blocks of different shards of a dataset independent. */
  constructor(
    private readonly rule: SplitRule,
    private readonly part = 0,
  ) {}

  assign(key: SplitKey): SplitName {
    switch (this.rule.kind) {
      case 'ratio':
        return this.byRatio(this.rule.stratify ? (key.stratum ?? '') : '', this.rule.seed);
      case 'time': {
        const time = key.time!;
        if (time >= this.rule.testFrom) return 'test';
        return this.rule.validation > 0 && time >= this.rule.validationFrom ? 'validation' : 'train';
      }
      case 'group': {
        const draw = hashString(key.group ?? '', this.rule.seed) / 4_294_967_296;
        if (draw < this.rule.test) return 'test';
        return draw < this.rule.test + this.rule.validation ? 'validation' : 'train';
      }
    }
  }

  private byRatio(stratum: string, seed: number): SplitName {
    const rule = this.rule as Extract<SplitRule, { kind: 'ratio' }>;
    let state = this.strata.get(stratum);
    if (!state) {
      state = { position: 0, block: -1, ranks: [] };
      this.strata.set(stratum, state);
    }
    const block = Math.floor(state.position / BLOCK_SIZE);
    if (block !== state.block) {
      const order = shuffleInPlace(
        Array.from({ length: BLOCK_SIZE }, (_, index) => index),
        createSeededRandom(hashString(`${this.part}\u0000${stratum}\u0000${block}`, seed)),
      );
      state.ranks = new Array<number>(BLOCK_SIZE);
      order.forEach((position, rank) => (state!.ranks[position] = rank));
      state.block = block;
    }
    const rank = state.ranks[state.position % BLOCK_SIZE]!;
    state.position += 1;
    const test = blockQuota(block, rule.test);
    if (rank < test) return 'test';
    return rank < test + blockQuota(block, rule.validation) ? 'validation' : 'train';
  }
}
