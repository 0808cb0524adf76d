import { InvalidArgumentError } from '@aiaas/errors';
import { fittedTransformSchema, type FittedTransform } from './fitted-transform';
import { fitRows, type TestRecord } from './rows.test-helpers';
import { decodeTargetSequence, encodeTargetSequence, TARGET_TOKENS, TargetSequenceCodec, targetSequenceShape, type SequenceTarget } from './target-sequence';
import { TransformEncoder } from './transform-encoder';
import { TransformFitter } from './transform-fitter';
import type { TransformPlanInput } from './transform-plan';

const pairs: TestRecord[] = [
  { english: 'one', french: 'un' },
  { english: 'two', french: 'deux' },
  { english: 'twenty one', french: 'vingt et un' },
  { english: 'twenty two', french: 'vingt deux' },
  { english: 'seventy one', french: 'soixante et onze' },
];

function planOf(target: Partial<Extract<TransformPlanInput['target'], { task: 'sequence' }>> = {}): TransformPlanInput {
  return { columns: [{ column: 'english', type: 'text', encoding: 'sequence', sequenceLength: 4 }], target: { column: 'french', task: 'sequence', ...target } };
}

function sequenceTargetOf(transform: FittedTransform): SequenceTarget {
  if (transform.target.task !== 'sequence') throw new Error(`expected a sequence target, got ${transform.target.task}`);
  return transform.target;
}

function caught(action: () => unknown): InvalidArgumentError {
  try {
    action();
  } catch (error) {
    if (error instanceof InvalidArgumentError) return error;
    throw error;
  }
  throw new Error('nothing was thrown');
}

describe('fitting a sequence target', () => {
  it('needs pass 1, where it counts the target vocabulary: most frequent first, ties in byte order', () => {
    const fitter = new TransformFitter(planOf());
    expect(fitter.needsCleaningPass).toBe(true);
    const target = sequenceTargetOf(fitter.fit(fitRows(pairs)));
    expect(target).toEqual({
      column: 'french',
      task: 'sequence',
      vocabulary: ['deux', 'et', 'un', 'vingt', 'onze', 'soixante'],
      normalization: { lowercase: true, unicode: 'NFKC', stripAccents: false, stripPunctuation: true, removeStopWords: false },
      sequenceLength: 16,
      exactCounts: true,
    });
  });

  it('counts target words on training rows only, so a word seen only in test rows is out-of-vocabulary', () => {
    const records = [...pairs, { english: 'ninety', french: 'quatre vingt dix' }];
    const transform = new TransformFitter(planOf()).fit(fitRows(records, (index) => index < pairs.length));
    const target = sequenceTargetOf(transform);
    expect(target.vocabulary).not.toContain('quatre');
    expect([...encodeTargetSequence(target, 'quatre vingt dix')].slice(0, 4)).toEqual([TARGET_TOKENS.outOfVocabulary, 4 + target.vocabulary.indexOf('vingt'), TARGET_TOKENS.outOfVocabulary, TARGET_TOKENS.end]);
  });

  it('keeps the vocabularySize most frequent words seen at least minFrequency times', () => {
    expect(sequenceTargetOf(new TransformFitter(planOf({ vocabularySize: 2 })).fit(fitRows(pairs))).vocabulary).toEqual(['deux', 'et']);
    expect(sequenceTargetOf(new TransformFitter(planOf({ minFrequency: 2 })).fit(fitRows(pairs))).vocabulary).toEqual(['deux', 'et', 'un', 'vingt']);
  });

  it('tokenises the target exactly as a text column with the same normalisation', () => {
    const text = ["L'Homme, café!", 'ＡＢＣ — déjà-vu', 'Rock’n’roll?'];
    const records = text.map((line) => ({ source: line, target: line }));
    const transform = new TransformFitter({ columns: [{ column: 'source', type: 'text', encoding: 'sequence' }], target: { column: 'target', task: 'sequence' } }).fit(fitRows(records));
    const source = transform.columns[0] as { vocabulary: string[] };
    expect(sequenceTargetOf(transform).vocabulary).toEqual(source.vocabulary);
  });

  it('rejects a missing target in any row, naming the cell', () => {
    const records = [...pairs, { english: 'three', french: 'NA' }];
    const error = caught(() => new TransformFitter(planOf()).fit(fitRows(records, (index) => index < pairs.length)));
    expect(error.field).toBe('row 6, column "french"');
    expect(error.reason).toMatch(/the target "french" is missing/);
  });

  it('fails on target_column when no training word is frequent enough to keep', () => {
    const error = caught(() => new TransformFitter(planOf({ minFrequency: 10 })).fit(fitRows(pairs)));
    expect(error.field).toBe('target_column');
    expect(error.reason).toMatch(/no word that occurs 10 or more times/);
  });

  it('refuses to restore a pass-1 state made for another kind of target', () => {
    const sequence = new TransformFitter(planOf());
    const classification = new TransformFitter({ ...planOf(), target: { column: 'french', task: 'classification' } });
    expect(() => sequence.cleaningAccumulatorFromJSON(classification.createCleaningAccumulator().toJSON())).toThrow(/does not match this plan's sequence target/);
    expect(() => classification.cleaningAccumulatorFromJSON(sequence.createCleaningAccumulator().toJSON())).toThrow(/does not match this plan's classification target/);
  });
});

describe('sequence labels', () => {
  const transform = new TransformFitter(planOf({ sequenceLength: 5 })).fit(fitRows(pairs));
  const target = sequenceTargetOf(transform);
  const id = (word: string) => TARGET_TOKENS.firstWord + target.vocabulary.indexOf(word);

  it('are int32 rows of sequenceLength ids, written at row × sequenceLength', () => {
    const encoder = new TransformEncoder(transform);
    expect([encoder.labelDtype, encoder.labelWidth]).toEqual(['int32', 5]);
    const labels = new Int32Array(10).fill(-1);
    encoder.writeLabel('Vingt et un', 'row 1, column "french"', labels, 1);
    expect([...labels]).toEqual([-1, -1, -1, -1, -1, id('vingt'), id('et'), id('un'), TARGET_TOKENS.end, TARGET_TOKENS.padding]);
  });

  it('keep the first sequenceLength − 1 words of a long text, then the end token', () => {
    expect([...encodeTargetSequence(target, 'un deux un deux un deux')]).toEqual([id('un'), id('deux'), id('un'), id('deux'), TARGET_TOKENS.end]);
  });

  it('pad a short text after its end token, and map unknown words to out-of-vocabulary', () => {
    expect([...encodeTargetSequence(target, 'cent un')]).toEqual([TARGET_TOKENS.outOfVocabulary, id('un'), TARGET_TOKENS.end, 0, 0]);
  });

  it('are just the end token for a text without words', () => {
    expect([...encodeTargetSequence(target, ' ?! … ')]).toEqual([TARGET_TOKENS.end, 0, 0, 0, 0]);
  });

  it('reject a missing target naming the cell', () => {
    const encoder = new TransformEncoder(transform);
    expect(() => encoder.writeLabel(null, 'records[3].french', new Int32Array(5), 0)).toThrow(/invalid records\[3\]\.french: the target "french" is missing/);
    expect(() => encoder.writeLabel('un', 'x', new Int32Array(9), 1)).toThrow(RangeError);
  });

  it('decode back to their normalised words, out-of-vocabulary words as <unk>', () => {
    expect(decodeTargetSequence(target, encodeTargetSequence(target, 'Soixante et onze'))).toBe('soixante et onze');
    expect(decodeTargetSequence(target, encodeTargetSequence(target, 'cent vingt'))).toBe('<unk> vingt');
    expect(decodeTargetSequence(target, encodeTargetSequence(target, 'un deux un deux un deux'))).toBe('un deux un deux');
    expect(decodeTargetSequence(target, encodeTargetSequence(target, '?'))).toBe('');
  });

  it('decode up to the first end token, skipping start and padding tokens, or every id without one', () => {
    const codec = new TargetSequenceCodec(target);
    expect(codec.decode([TARGET_TOKENS.start, id('vingt'), 0, id('deux'), TARGET_TOKENS.end, id('un')])).toBe('vingt deux');
    expect(codec.decode(Float32Array.from([id('un'), id('un')]))).toBe('un un');
    expect(() => codec.decode([id('un'), 4 + target.vocabulary.length])).toThrow(RangeError);
  });

  it('have a shape of sequenceLength ids drawn from the vocabulary and four special tokens', () => {
    expect(targetSequenceShape(target)).toEqual({ length: 5, cardinality: target.vocabulary.length + 4 });
    expect(new TargetSequenceCodec(target).shape).toEqual(targetSequenceShape(target));
  });

  it('survive the stored transform: the artifact passes its schema after a JSON round trip', () => {
    const restored = fittedTransformSchema.parse(JSON.parse(JSON.stringify(transform)));
    expect(restored).toEqual(transform);
    expect([...encodeTargetSequence(sequenceTargetOf(restored), 'vingt deux')]).toEqual([...encodeTargetSequence(target, 'vingt deux')]);
  });
});
