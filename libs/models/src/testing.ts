/**
 * Test helpers for code that runs models: weights that make a model's output known in advance.
 *
 * @example
 * ```ts
 * import { lookupDecodingWeights } from '@aiaas/models/testing';
 * const weights = lookupDecodingWeights({ source: 9, target: 12 }, new Map([[4, 5]]), new Map([[5, 6]]));
 * for (const [layer, values] of Object.entries(weights)) model.getLayer(layer).setWeights(values());
 * ```
 */
import * as tf from '@tensorflow/tfjs';
import { TARGET_TOKENS } from '@aiaas/data';

/**
 * Weights under which a seq2seq model decodes by table lookup: the source's last token picks the
 * first word (`first`: source id → target id), each word the next (`next`: target id → target
 * id; the end token for a word it does not list), and a source whose last token `first` does
 * not list decodes to nothing.
 *
 * Both GRUs have their update gate shut (a hard sigmoid of −10 is exactly 0), so each state is
 * its candidate tanh(10·input + 10·carried state) and holds near-one-hots (tanh(10) ≈ 1 − 4e-9):
 * the source's last token — from the encoder, carried on by the decoder — beside the decoder's
 * previous token. The head scores first[source] 5 and next[previous] 10 (the start token has no
 * next, so the source decides the first word), and the end token 1 always.
 */
export function lookupDecodingWeights(
  tokens: { readonly source: number; readonly target: number },
  first: ReadonlyMap<number, number>,
  next: ReadonlyMap<number, number>,
): Record<string, () => tf.Tensor[]> {
  const units = tokens.source + tokens.target;
  const indexes = (count: number) => Array.from({ length: count }, (_, index) => index);
  const matrix = (rows: number, columns: number, entries: readonly (readonly [row: number, column: number, value: number])[]) => {
    const values = new Float32Array(rows * columns);
    for (const [row, column, value] of entries) values[row * columns + column] = value;
    return tf.tensor2d(values, [rows, columns]);
  };
  // A GRU kernel's columns are the update gate's, the reset gate's, then the candidate's.
  const toCandidate = (rows: readonly number[]) => rows.map((row) => [row, 2 * units + row, 10] as const);
  const gru = (carriesSource: boolean) => () => [
    matrix(units, 3 * units, toCandidate(indexes(units))),
    matrix(units, 3 * units, carriesSource ? toCandidate(indexes(tokens.source)) : []),
    tf.tensor1d(indexes(3 * units).map((index) => (index < units ? -10 : index < 2 * units ? 10 : 0))),
  ];
  return {
    source_embedding: () => [matrix(tokens.source, units, [...first.keys()].map((source) => [source, source, 1] as const))],
    encoder_gru: gru(false),
    target_embedding: () => [matrix(tokens.target, units, indexes(tokens.target).map((token) => [token, tokens.source + token, 1] as const))],
    decoder_gru: gru(true),
    head: () => [
      matrix(units, tokens.target, [
        ...[...first].map(([source, word]) => [source, word, 5] as const),
        ...indexes(tokens.target)
          .filter((token) => token !== TARGET_TOKENS.start)
          .map((token) => [tokens.source + token, next.get(token) ?? TARGET_TOKENS.end, 10] as const),
      ]),
      tf.tensor1d(indexes(tokens.target).map((token) => (token === TARGET_TOKENS.end ? 1 : 0))),
    ],
  };
}
