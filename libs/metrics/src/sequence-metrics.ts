import { FailedPreconditionError, InvalidArgumentError } from '@aiaas/errors';
import { StateReader } from './state-reader';

/** Longest n-gram BLEU counts (BLEU-4). */
const MAX_ORDER = 4;
const STATE_KIND = 'sequence';
const STATE_VERSION = 1;

/** Metrics of decoded sequences against references. */
export interface SequenceMetrics {
  /**
   * Corpus BLEU-4 in [0, 1] (Papineni et al. 2002): clipped n-gram precisions for n = 1..4
   * summed over the corpus, geometric mean with uniform weights, times the brevity penalty
   * exp(1 − r/c) when c ≤ r (c: total hypothesis length, r: total reference length; one
   * reference per sentence). 0 when any n-gram order has no match (no smoothing, as NLTK's
   * corpus_bleu without smoothing and sacreBLEU's 'none' smoothing), and 0 when every
   * hypothesis is empty (c = 0).
   */
  readonly bleu: number;
  /** Share of sentences decoded exactly (same tokens, same length). */
  readonly exactMatch: number;
  /**
   * Position-wise token accuracy: tokens of the reference (plus its end-of-sequence position)
   * matched at the same position by the hypothesis, over all reference positions. For a
   * reference r of length n and a hypothesis h, position i in 0..n counts as correct when
   * i < n and h[i] === r[i], or when i === n and h has length n (the hypothesis ends where the
   * reference does); the denominator is Σ(n + 1) over the corpus. A hypothesis that runs on
   * past the reference thus loses the end position, and one that stops early loses every
   * reference token it never reached.
   */
  readonly tokenAccuracy: number;
  /** Sentence pairs the metrics are over. */
  readonly sentences: number;
}

/** A SequenceMetricsAccumulator's counts as JSON. */
export interface SequenceMetricsAccumulatorState {
  readonly kind: typeof STATE_KIND;
  readonly version: typeof STATE_VERSION;
  /** Clipped n-gram matches, index n − 1 (n = 1..4). */
  readonly matches: readonly number[];
  /** Hypothesis n-grams, index n − 1. */
  readonly ngrams: readonly number[];
  readonly hypothesisLength: number;
  readonly referenceLength: number;
  readonly exactMatches: number;
  readonly matchedPositions: number;
  readonly referencePositions: number;
  readonly sentences: number;
}

/**
 * Clipped matches of the n-grams of `hypothesis` against `reference`, for n = 1..MAX_ORDER
 * (index n − 1): each hypothesis n-gram matches at most as many times as the reference holds it.
 */
function clippedMatches(hypothesis: readonly string[], reference: readonly string[]): number[] {
  // Tokens become small integers so an n-gram's key (ids joined by spaces) cannot collide, whatever
  // characters the tokens themselves contain.
  const vocabulary = new Map<string, number>();
  const idsOf = (tokens: readonly string[]) =>
    tokens.map((token) => {
      let id = vocabulary.get(token);
      if (id === undefined) vocabulary.set(token, (id = vocabulary.size));
      return id;
    });
  const hypothesisIds = idsOf(hypothesis);
  const referenceIds = idsOf(reference);
  const matches: number[] = [];
  for (let order = 1; order <= MAX_ORDER; order++) {
    const available = new Map<string, number>();
    for (let start = 0; start + order <= referenceIds.length; start++) {
      const key = referenceIds.slice(start, start + order).join(' ');
      available.set(key, (available.get(key) ?? 0) + 1);
    }
    let matched = 0;
    for (let start = 0; start + order <= hypothesisIds.length; start++) {
      const key = hypothesisIds.slice(start, start + order).join(' ');
      const left = available.get(key) ?? 0;
      if (left > 0) {
        available.set(key, left - 1);
        matched += 1;
      }
    }
    matches.push(matched);
  }
  return matches;
}

/**
 * Streams sentence pairs into the counts `SequenceMetrics` are built from — per n-gram order the
 * clipped matches and hypothesis n-grams, the hypothesis and reference lengths, exact matches
 * and matched positions — never the sentences themselves. Accumulators over parts of a corpus
 * (shards, batches) merge into one over all of it; the counts are integers, so the result does
 * not depend on how the corpus was split or in which order the parts were merged.
 */
export class SequenceMetricsAccumulator {
  /** Clipped n-gram matches, index n − 1. */
  private readonly matches = new Array<number>(MAX_ORDER).fill(0);
  /** Hypothesis n-grams, index n − 1. */
  private readonly ngrams = new Array<number>(MAX_ORDER).fill(0);
  private hypothesisLength = 0;
  private referenceLength = 0;
  private exactMatches = 0;
  private matchedPositions = 0;
  private referencePositions = 0;
  private sentenceCount = 0;

  /** Sentence pairs added, over all merged accumulators. */
  get sentences(): number {
    return this.sentenceCount;
  }

  /** Counts one decoded sentence against its reference (tokens already split). */
  add(hypothesis: readonly string[], reference: readonly string[]): void {
    const matches = clippedMatches(hypothesis, reference);
    for (let order = 1; order <= MAX_ORDER; order++) {
      this.matches[order - 1]! += matches[order - 1]!;
      this.ngrams[order - 1]! += Math.max(0, hypothesis.length - order + 1);
    }
    this.hypothesisLength += hypothesis.length;
    this.referenceLength += reference.length;

    let matched = hypothesis.length === reference.length ? 1 : 0; // the end-of-sequence position
    for (let position = 0; position < reference.length; position++) {
      if (hypothesis[position] === reference[position]) matched += 1;
    }
    this.matchedPositions += matched;
    this.referencePositions += reference.length + 1;
    // Every position, the end included, is only matched by the same tokens at the same length.
    if (matched === reference.length + 1) this.exactMatches += 1;
    this.sentenceCount += 1;
  }

  /** Adds the counts of `other` (left unchanged) to this accumulator's, and returns it. */
  merge(other: SequenceMetricsAccumulator): this {
    for (let index = 0; index < MAX_ORDER; index++) {
      this.matches[index]! += other.matches[index]!;
      this.ngrams[index]! += other.ngrams[index]!;
    }
    this.hypothesisLength += other.hypothesisLength;
    this.referenceLength += other.referenceLength;
    this.exactMatches += other.exactMatches;
    this.matchedPositions += other.matchedPositions;
    this.referencePositions += other.referencePositions;
    this.sentenceCount += other.sentenceCount;
    return this;
  }

  /**
   * The metrics of every sentence added or merged so far. Throws FailedPreconditionError when
   * there are none: an empty corpus has no score, and 0 would pass for a very bad model.
   */
  result(): SequenceMetrics {
    if (this.sentenceCount === 0) throw new FailedPreconditionError('sequence metrics need at least one sentence');
    return {
      bleu: this.bleu(),
      exactMatch: this.exactMatches / this.sentenceCount,
      tokenAccuracy: this.matchedPositions / this.referencePositions,
      sentences: this.sentenceCount,
    };
  }

  /** The counts as JSON; `fromJSON` rebuilds an equal accumulator. */
  toJSON(): SequenceMetricsAccumulatorState {
    return {
      kind: STATE_KIND,
      version: STATE_VERSION,
      matches: [...this.matches],
      ngrams: [...this.ngrams],
      hypothesisLength: this.hypothesisLength,
      referenceLength: this.referenceLength,
      exactMatches: this.exactMatches,
      matchedPositions: this.matchedPositions,
      referencePositions: this.referencePositions,
      sentences: this.sentenceCount,
    };
  }

  /**
   * Rebuilds an accumulator from a `toJSON()` result. Throws InvalidArgumentError naming the
   * field when the state is malformed or its counts contradict each other.
   */
  static fromJSON(state: unknown): SequenceMetricsAccumulator {
    const reader = StateReader.root(state, STATE_KIND, STATE_VERSION);
    const accumulator = new SequenceMetricsAccumulator();
    const matches = reader.counts('matches', MAX_ORDER);
    const ngrams = reader.counts('ngrams', MAX_ORDER);
    accumulator.hypothesisLength = reader.count('hypothesisLength');
    accumulator.referenceLength = reader.count('referenceLength');
    accumulator.exactMatches = reader.count('exactMatches');
    accumulator.matchedPositions = reader.count('matchedPositions');
    accumulator.referencePositions = reader.count('referencePositions');
    accumulator.sentenceCount = reader.count('sentences');
    for (let index = 0; index < MAX_ORDER; index++) {
      if (matches[index]! > ngrams[index]!) throw new InvalidArgumentError(`state.matches[${index}]`, `${matches[index]} matches of ${ngrams[index]} ${index + 1}-grams`);
      accumulator.matches[index] = matches[index]!;
      accumulator.ngrams[index] = ngrams[index]!;
    }
    if (ngrams[0] !== accumulator.hypothesisLength) throw new InvalidArgumentError('state.ngrams[0]', `${ngrams[0]} unigrams but hypotheses of ${accumulator.hypothesisLength} tokens`);
    if (accumulator.referencePositions !== accumulator.referenceLength + accumulator.sentenceCount) {
      throw new InvalidArgumentError('state.referencePositions', `expected referenceLength + sentences = ${accumulator.referenceLength + accumulator.sentenceCount}, got ${accumulator.referencePositions}`);
    }
    if (accumulator.matchedPositions > accumulator.referencePositions) throw new InvalidArgumentError('state.matchedPositions', `${accumulator.matchedPositions} of ${accumulator.referencePositions} positions`);
    if (accumulator.exactMatches > accumulator.sentenceCount) throw new InvalidArgumentError('state.exactMatches', `${accumulator.exactMatches} of ${accumulator.sentenceCount} sentences`);
    return accumulator;
  }

  private bleu(): number {
    // No hypothesis tokens means no matches either; testing c first also keeps r/c finite.
    if (this.hypothesisLength === 0 || this.matches.some((matched) => matched === 0)) return 0;
    let logPrecisions = 0;
    for (let index = 0; index < MAX_ORDER; index++) {
      logPrecisions += Math.log(this.matches[index]! / this.ngrams[index]!) / MAX_ORDER;
    }
    const c = this.hypothesisLength;
    const r = this.referenceLength;
    const brevityPenalty = c > r ? 1 : Math.exp(1 - r / c);
    return brevityPenalty * Math.exp(logPrecisions);
  }
}

/**
 * Corpus BLEU-4, exact-match rate and token accuracy (see `SequenceMetrics`) of decoded
 * `hypotheses` against `references`, one reference per hypothesis, both as token arrays.
 *
 * Throws InvalidArgumentError (field `references`) when the two lists differ in length, and
 * FailedPreconditionError when they are empty.
 */
export function sequenceMetrics(hypotheses: readonly (readonly string[])[], references: readonly (readonly string[])[]): SequenceMetrics {
  if (hypotheses.length !== references.length) {
    throw new InvalidArgumentError('references', `${hypotheses.length} hypotheses but ${references.length} references; each hypothesis needs exactly one`);
  }
  const accumulator = new SequenceMetricsAccumulator();
  hypotheses.forEach((hypothesis, index) => accumulator.add(hypothesis, references[index]!));
  return accumulator.result();
}
