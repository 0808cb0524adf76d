import type { FittedTarget } from './cleaning-fit';
import { TextNormalizer } from './text-normalizer';

/**
 * Token ids of a sequence target's labels: 0 pads, 1 stands for a word outside the vocabulary,
 * 3 ends the sequence, and vocabulary word i is `firstWord + i`. `start` (2) never appears in a
 * label: a decoder is fed it before the first word, in training (teacher forcing) and when
 * generating.
 */
export const TARGET_TOKENS = { padding: 0, outOfVocabulary: 1, start: 2, end: 3, firstWord: 4 } as const;

/** How an out-of-vocabulary token reads in decoded text. */
export const UNKNOWN_TARGET_WORD = '<unk>';

/** A fitted target whose labels are token sequences. */
export type SequenceTarget = Extract<FittedTarget, { task: 'sequence' }>;

/** The label tensor of a sequence target, per row. */
export interface TargetSequenceShape {
  /** Token ids per row (the target's sequenceLength). */
  readonly length: number;
  /** Distinct token ids, the size of a decoder's output softmax: the vocabulary plus the four special tokens. */
  readonly cardinality: number;
}

/** The per-row shape of `target`'s labels. */
export function targetSequenceShape(target: SequenceTarget): TargetSequenceShape {
  return { length: target.sequenceLength, cardinality: target.vocabulary.length + TARGET_TOKENS.firstWord };
}

/**
 * Turns target text into label ids and ids back into text, tokenising exactly as text columns do
 * (so a source and its target split words the same way). Build one per target and reuse it: it
 * compiles the vocabulary into a lookup once.
 */
export class TargetSequenceCodec {
  private readonly normalizer: TextNormalizer;
  private readonly ids: ReadonlyMap<string, number>;

  constructor(readonly target: SequenceTarget) {
    // The plan refuses stop-word removal on a target, so there is no stop-word list to pass.
    this.normalizer = new TextNormalizer(target.normalization);
    this.ids = new Map(target.vocabulary.map((word, index) => [word, TARGET_TOKENS.firstWord + index]));
  }

  /** The per-row shape of the labels. */
  get shape(): TargetSequenceShape {
    return targetSequenceShape(this.target);
  }

  /**
   * Writes the label of `text` into `labels[offset .. offset + sequenceLength)`: its tokens' ids
   * (unknown → out-of-vocabulary), the first sequenceLength − 1 of them, the end token, then
   * padding.
   */
  write(text: string, labels: Float32Array | Int32Array, offset: number): void {
    const { sequenceLength } = this.target;
    const tokens = this.normalizer.tokens(text);
    const kept = Math.min(tokens.length, sequenceLength - 1);
    for (let i = 0; i < kept; i++) labels[offset + i] = this.ids.get(tokens[i]!) ?? TARGET_TOKENS.outOfVocabulary;
    labels[offset + kept] = TARGET_TOKENS.end;
    labels.fill(TARGET_TOKENS.padding, offset + kept + 1, offset + sequenceLength);
  }

  /** The label of `text` (e.g. a reference translation) as its own array. */
  encode(text: string): Int32Array {
    const labels = new Int32Array(this.target.sequenceLength);
    this.write(text, labels, 0);
    return labels;
  }

  /**
   * The words `ids` stand for, joined by single spaces: up to the first end token (or all of
   * them), skipping padding and start tokens, out-of-vocabulary ids as `<unk>`. An id outside
   * the target's cardinality is a `RangeError` (the ids came from another target).
   */
  decode(ids: ArrayLike<number>): string {
    const words: string[] = [];
    const { vocabulary } = this.target;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      if (id === TARGET_TOKENS.end) break;
      if (id === TARGET_TOKENS.padding || id === TARGET_TOKENS.start) continue;
      if (id === TARGET_TOKENS.outOfVocabulary) words.push(UNKNOWN_TARGET_WORD);
      else {
        const word = Number.isInteger(id) ? vocabulary[id - TARGET_TOKENS.firstWord] : undefined;
        if (word === undefined) throw new RangeError(`token id ${id} is outside the target "${this.target.column}", whose ids run from 0 to ${vocabulary.length + TARGET_TOKENS.firstWord - 1}`);
        words.push(word);
      }
    }
    return words.join(' ');
  }
}

/** The label ids of `text` under `target` (compiles the vocabulary each call: reuse a `TargetSequenceCodec` for many texts). */
export function encodeTargetSequence(target: SequenceTarget, text: string): Int32Array {
  return new TargetSequenceCodec(target).encode(text);
}

/** The text `ids` stand for under `target` (see `TargetSequenceCodec.decode`; reuse a codec for many sequences). */
export function decodeTargetSequence(target: SequenceTarget, ids: ArrayLike<number>): string {
  return new TargetSequenceCodec(target).decode(ids);
}
