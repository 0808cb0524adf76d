import { createSeededRandom } from './seeded-random';

/** Tries per negative before accepting an item the user did interact with (for very active users). */
const MAX_DRAWS = 20;

/** User–item pairs with a 1 (interaction) or 0 (sampled non-interaction) label each. */
export interface LabelledPairs {
  readonly users: Int32Array;
  readonly items: Int32Array;
  readonly labels: Float32Array;
}

/** User–item pairs known from elsewhere (other splits), never drawn as non-interactions. */
export interface KnownPairs {
  readonly users: Int32Array;
  readonly items: Int32Array;
}

/**
 * Implicit feedback: rows whose target is above 0 are interactions (label 1), and each draw pairs
 * every interaction with `negativesPerPositive` items drawn uniformly, with the seed, from the
 * items that user has no interaction with (label 0) — here or in `known` pairs, so a pair of
 * another split is never mistaken for a non-interaction. Item index 0 ("unknown") is never drawn.
 */
export class InteractionSampler {
  private readonly users: Int32Array;
  private readonly items: Int32Array;
  private readonly seen = new Set<number>();

  /**
   * @param itemCount how many item indexes exist, 0 included
   */
  constructor(
    users: Int32Array,
    items: Int32Array,
    targets: ArrayLike<number>,
    private readonly itemCount: number,
    private readonly negativesPerPositive: number,
    private readonly seed: number,
    known: readonly KnownPairs[] = [],
  ) {
    if (users.length !== items.length || users.length !== targets.length) {
      throw new RangeError(`${users.length} users, ${items.length} items and ${targets.length} targets: one each per row`);
    }
    if (itemCount < 2) throw new RangeError(`${itemCount} item indexes leave no item to sample`);
    const positives: number[] = [];
    for (let row = 0; row < targets.length; row++) if (targets[row]! > 0) positives.push(row);
    this.users = Int32Array.from(positives, (row) => users[row]!);
    this.items = Int32Array.from(positives, (row) => items[row]!);
    for (let index = 0; index < positives.length; index++) this.seen.add(this.key(this.users[index]!, this.items[index]!));
    for (const pairs of known) for (let index = 0; index < pairs.users.length; index++) this.seen.add(this.key(pairs.users[index]!, pairs.items[index]!));
  }

  /** Interactions among the rows (targets above 0). */
  get positives(): number {
    return this.users.length;
  }

  /** Pairs per draw: each interaction and its negatives. */
  get pairsPerDraw(): number {
    return this.users.length * (1 + this.negativesPerPositive);
  }

  private key(user: number, item: number): number {
    return user * this.itemCount + item;
  }

  /** The interactions, then a fresh seeded draw of non-interactions; draw `n` is the same every time. */
  draw(n: number): LabelledPairs {
    const positives = this.users.length;
    const total = this.pairsPerDraw;
    const users = new Int32Array(total);
    const items = new Int32Array(total);
    const labels = new Float32Array(total);
    users.set(this.users);
    items.set(this.items);
    labels.fill(1, 0, positives);
    const random = createSeededRandom(Math.imul(this.seed + 7, 0x85ebca6b) ^ n);
    let next = positives;
    for (let index = 0; index < positives; index++) {
      const user = this.users[index]!;
      for (let negative = 0; negative < this.negativesPerPositive; negative++) {
        let item = 0;
        for (let attempt = 0; attempt < MAX_DRAWS; attempt++) {
          item = 1 + Math.floor(random() * (this.itemCount - 1));
          if (!this.seen.has(this.key(user, item))) break;
        }
        users[next] = user;
        items[next] = item;
        next++;
      }
    }
    return { users, items, labels };
  }
}
