import { FailedPreconditionError, InvalidArgumentError } from '@aiaas/errors';
import { SequenceMetricsAccumulator, sequenceMetrics } from './sequence-metrics';

const tokens = (sentence: string) => (sentence === '' ? [] : sentence.split(' '));
/** Metrics of `[hypothesis, reference]` pairs given as space-separated sentences. */
const metricsOf = (...pairs: readonly (readonly [string, string])[]) =>
  sequenceMetrics(
    pairs.map(([hypothesis]) => tokens(hypothesis)),
    pairs.map(([, reference]) => tokens(reference)),
  );

// From the docstring of NLTK's corpus_bleu (nltk/translate/bleu_score.py).
const hyp1 = ['It', 'is', 'a', 'guide', 'to', 'action', 'which', 'ensures', 'that', 'the', 'military', 'always', 'obeys', 'the', 'commands', 'of', 'the', 'party'];
const ref1a = ['It', 'is', 'a', 'guide', 'to', 'action', 'that', 'ensures', 'that', 'the', 'military', 'will', 'forever', 'heed', 'Party', 'commands'];
const hyp2 = ['he', 'read', 'the', 'book', 'because', 'he', 'was', 'interested', 'in', 'world', 'history'];
const ref2a = ['he', 'was', 'interested', 'in', 'world', 'history', 'because', 'he', 'read', 'the', 'book'];

describe('sequenceMetrics', () => {
  describe('bleu', () => {
    it('is 1 for a perfect translation', () => {
      // every n-gram matches (p1..p4 = 6/6, 5/5, 4/4, 3/3) and c = r = 6, so BP = exp(1 − 6/6) = 1
      expect(metricsOf(['the cat sat on the mat', 'the cat sat on the mat']).bleu).toBe(1);
    });

    it('is 0 when no unigram is shared', () => {
      expect(metricsOf(['a b c d', 'w x y z']).bleu).toBe(0);
    });

    it('applies the brevity penalty to a hypothesis shorter than its reference', () => {
      // "the cat sat on the" holds only n-grams of "the cat sat on the mat" ("the" twice, as the
      // reference does): p1..p4 = 5/5, 4/4, 3/3, 2/2; c = 5 ≤ r = 6 → BP = exp(1 − 6/5) = exp(−0.2)
      expect(metricsOf(['the cat sat on the', 'the cat sat on the mat']).bleu).toBeCloseTo(Math.exp(-0.2), 6); // 0.818731
    });

    it('clips each n-gram to the times the reference holds it', () => {
      // Papineni et al.'s example: the seven "the"s clip to the reference's two, p1 = 2/7, and no
      // bigram "the the" is in the reference, so alone it scores 0.
      expect(metricsOf(['the the the the the the the', 'the cat is on the mat']).bleu).toBe(0);
      // A perfect second sentence supplies the higher orders, so the clipping shows in the score:
      // p1 = (2 + 4) / (7 + 4) = 6/11 (unclipped it would be 11/11), p2 = (0 + 3) / (6 + 3),
      // p3 = (0 + 2) / (5 + 2), p4 = (0 + 1) / (4 + 1); c = 11 > r = 10 → BP = 1
      const metrics = metricsOf(['the the the the the the the', 'the cat is on the mat'], ['a b c d', 'a b c d']);
      expect(metrics.bleu).toBeCloseTo(((6 / 11) * (3 / 9) * (2 / 7) * (1 / 5)) ** 0.25, 6); // 0.319264
    });

    it('sums n-grams over the corpus, so a sentence too short for 4-grams still counts', () => {
      // "a b" alone has no trigram or 4-gram to match: 0 without smoothing
      expect(metricsOf(['a b', 'a b']).bleu).toBe(0);
      // with "c d e f": p1..p4 = (2 + 4)/6, (1 + 3)/4, (0 + 2)/2, (0 + 1)/1 = 1; c = r = 6
      expect(metricsOf(['a b', 'a b'], ['c d e f', 'c d e f']).bleu).toBe(1);
    });

    it('is 0, not NaN, when every hypothesis is empty, and counts an empty one in r only', () => {
      expect(metricsOf(['', 'a b c d']).bleu).toBe(0);
      expect(metricsOf(['', '']).bleu).toBe(0);
      // p1..p4 = 4/4, 3/3, 2/2, 1/1 from "a b c d"; c = 0 + 4, r = 2 + 4 → BP = exp(1 − 6/4) = exp(−0.5)
      expect(metricsOf(['', 'x y'], ['a b c d', 'a b c d']).bleu).toBeCloseTo(Math.exp(-0.5), 6); // 0.606531
    });

    it("matches NLTK's corpus_bleu example with one reference per sentence", () => {
      // NLTK's docstring scores [hyp1, hyp2] against [[ref1a, ref1b, ref1c], [ref2a]] as 0.5920...;
      // with ref1a as hyp1's only reference the counts are (hyp1/ref1a + hyp2/ref2a):
      //   p1 = (11 + 11) / (18 + 11) = 22/29     p2 = (8 + 9) / (17 + 10) = 17/27
      //   p3 = (6 + 6) / (16 + 9)    = 12/25     p4 = (4 + 4) / (15 + 8)  = 8/23
      //   c = 18 + 11 = 29 > r = 16 + 11 = 27 → BP = 1
      //   BLEU = (22·17·12·8 / (29·27·25·23))^(1/4) = (35904 / 450225)^(1/4) = 0.5314082679...
      // Cross-checked with a 30-line Python reimplementation of NLTK's corpus_bleu (Counter-based
      // clipped n-grams, closest reference length, no smoothing), which reproduces NLTK's
      // documented 0.5920... (corpus, three references), 0.5045... (sentence_bleu, three
      // references) and 0.4118... (sentence_bleu, ref1a only) before giving 0.5314082679468591.
      const metrics = sequenceMetrics([hyp1, hyp2], [ref1a, ref2a]);
      expect(metrics.bleu).toBeCloseTo((35904 / 450225) ** 0.25, 6);
      expect(metrics.bleu).toBeCloseTo(0.5314082679, 6);
    });

    it("matches NLTK's sentence_bleu example with a single reference", () => {
      // NLTK's SmoothingFunction docstring: sentence_bleu([reference1], hypothesis1) = 0.4118...
      // (reference1 is ref1a, hypothesis1 is hyp1): p1..p4 = 11/18, 8/17, 6/16, 4/15; c = 18 > r = 16
      const { bleu } = sequenceMetrics([hyp1], [ref1a]);
      expect(bleu).toBeCloseTo(((11 / 18) * (8 / 17) * (6 / 16) * (4 / 15)) ** 0.25, 6);
      expect(bleu).toBeCloseTo(0.4118037636, 6);
    });
  });

  describe('exactMatch and tokenAccuracy', () => {
    // Against "a b c" (positions a, b, c and the end):
    //   "a b c"   all 4                            "a b c d" a, b, c; runs past the end: 3
    //   "a b"     a, b; stops before c and the end: 2   "a x c"   a, c, end: 3
    //   "b c"     shifted, and ends early: 0
    it('scores each hypothesis position by position, the end included', () => {
      expect(metricsOf(['a b c', 'a b c'])).toEqual({ bleu: 0, exactMatch: 1, tokenAccuracy: 1, sentences: 1 });
      expect(metricsOf(['a b c d', 'a b c']).tokenAccuracy).toBeCloseTo(3 / 4, 9);
      expect(metricsOf(['a b', 'a b c']).tokenAccuracy).toBeCloseTo(2 / 4, 9);
      expect(metricsOf(['a x c', 'a b c']).tokenAccuracy).toBeCloseTo(3 / 4, 9);
      expect(metricsOf(['b c', 'a b c']).tokenAccuracy).toBe(0);
    });

    it('counts as exact only the same tokens at the same length, longer and shorter ones not', () => {
      expect(metricsOf(['a b c d', 'a b c']).exactMatch).toBe(0);
      expect(metricsOf(['a b', 'a b c']).exactMatch).toBe(0);
      const metrics = metricsOf(['a b c', 'a b c'], ['a b c d', 'a b c'], ['a b', 'a b c'], ['a x c', 'a b c'], ['b c', 'a b c']);
      expect(metrics.exactMatch).toBeCloseTo(1 / 5, 9);
      expect(metrics.tokenAccuracy).toBeCloseTo((4 + 3 + 2 + 3 + 0) / (5 * 4), 9);
      expect(metrics.sentences).toBe(5);
    });

    it('weighs sentences by their reference length plus one', () => {
      // hyp1/ref1a: It is a guide to action, ensures that the military = 10 of 16 + 1 (18 ≠ 16 tokens)
      // hyp2/ref2a: "he" and the end (both 11 tokens) = 2 of 11 + 1
      const metrics = sequenceMetrics([hyp1, hyp2], [ref1a, ref2a]);
      expect(metrics.tokenAccuracy).toBeCloseTo((10 + 2) / (17 + 12), 9);
      expect(metrics.exactMatch).toBe(0);
    });

    it('scores an empty reference on its end position alone', () => {
      expect(metricsOf(['', ''])).toEqual({ bleu: 0, exactMatch: 1, tokenAccuracy: 1, sentences: 1 });
      expect(metricsOf(['a', ''])).toEqual({ bleu: 0, exactMatch: 0, tokenAccuracy: 0, sentences: 1 });
      // "x y" gets 0 of 3 positions, "a b c d" 5 of 5
      expect(metricsOf(['', 'x y'], ['a b c d', 'a b c d'])).toMatchObject({ exactMatch: 0.5, tokenAccuracy: 5 / 8 });
    });
  });

  it('tells tokens apart however they are spelt', () => {
    // Only "d", "e" and "d e" match: no trigram does, so BLEU is 0. N-gram keys made by joining
    // tokens with spaces would read "a b|c|d" and "a|b c|d" as the same trigram ("a b c d"), and
    // "a b|c|d|e" and "a|b c|d|e" as the same 4-gram, and score it above 0.
    expect(sequenceMetrics([['a b', 'c', 'd', 'e']], [['a', 'b c', 'd', 'e']]).bleu).toBe(0);
  });

  it('refuses mismatched lengths, naming both counts', () => {
    let thrown: unknown;
    try {
      sequenceMetrics([['a'], ['b'], ['c']], [['a'], ['b']]);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvalidArgumentError);
    expect(thrown).toMatchObject({ field: 'references', message: 'invalid references: 3 hypotheses but 2 references; each hypothesis needs exactly one' });
  });

  it('refuses an empty corpus rather than scoring it 0', () => {
    expect(() => sequenceMetrics([], [])).toThrow(new FailedPreconditionError('sequence metrics need at least one sentence'));
    expect(() => sequenceMetrics([], [])).toThrow(FailedPreconditionError);
  });
});

describe('SequenceMetricsAccumulator', () => {
  const corpus: readonly (readonly [readonly string[], readonly string[]])[] = [
    [hyp1, ref1a],
    [hyp2, ref2a],
    [tokens('the the the the the the the'), tokens('the cat is on the mat')],
    [tokens('a b'), tokens('a b c')],
    [tokens(''), tokens('x y')],
    [tokens('a b c d'), tokens('a b c d')],
  ];
  const accumulate = (pairs: typeof corpus) => {
    const accumulator = new SequenceMetricsAccumulator();
    for (const [hypothesis, reference] of pairs) accumulator.add(hypothesis, reference);
    return accumulator;
  };

  it('gives what sequenceMetrics gives over the same sentences', () => {
    expect(accumulate(corpus).result()).toEqual(
      sequenceMetrics(
        corpus.map(([hypothesis]) => hypothesis),
        corpus.map(([, reference]) => reference),
      ),
    );
  });

  it('merges parts of a corpus into exactly what one accumulator over all of it gives', () => {
    const whole = accumulate(corpus).result();
    for (let split = 0; split <= corpus.length; split++) {
      const first = accumulate(corpus.slice(0, split));
      const second = accumulate(corpus.slice(split));
      expect(first.merge(second).result()).toEqual(whole);
      expect(accumulate(corpus.slice(split)).merge(accumulate(corpus.slice(0, split))).result()).toEqual(whole);
    }
  });

  it('returns itself from merge and leaves the other accumulator unchanged', () => {
    const target = accumulate(corpus.slice(0, 2));
    const other = accumulate(corpus.slice(2));
    const before = other.result();
    expect(target.merge(other)).toBe(target);
    expect(other.result()).toEqual(before);
    expect(target.sentences).toBe(corpus.length);
  });

  it('survives toJSON / JSON / fromJSON with the same counts, and keeps streaming', () => {
    const original = accumulate(corpus.slice(0, 3));
    const copy = SequenceMetricsAccumulator.fromJSON(JSON.parse(JSON.stringify(original)));
    expect(copy.toJSON()).toEqual(original.toJSON());
    expect(copy.result()).toEqual(original.result());
    expect(copy.merge(accumulate(corpus.slice(3))).result()).toEqual(accumulate(corpus).result());
    // an empty accumulator round-trips too
    expect(SequenceMetricsAccumulator.fromJSON(new SequenceMetricsAccumulator().toJSON()).sentences).toBe(0);
  });

  it('refuses state that is malformed or whose counts contradict each other, naming the field', () => {
    const state = accumulate(corpus).toJSON();
    const thrownBy = (value: unknown) => {
      try {
        SequenceMetricsAccumulator.fromJSON(value);
      } catch (error) {
        return error;
      }
      throw new Error('expected an error');
    };
    expect(thrownBy({ ...state, kind: 'classification' })).toMatchObject({ field: 'state.kind' });
    expect(thrownBy({ ...state, matches: [1, 2, 3] })).toMatchObject({ field: 'state.matches' });
    expect(thrownBy({ ...state, matches: [state.ngrams[0]! + 1, 0, 0, 0] })).toMatchObject({ field: 'state.matches[0]' });
    expect(thrownBy({ ...state, sentences: state.sentences + 1 })).toMatchObject({ field: 'state.referencePositions' });
    expect(thrownBy({ ...state, exactMatches: -1 })).toMatchObject({ field: 'state.exactMatches' });
    expect(thrownBy({ ...state, exactMatches: 0.5 })).toBeInstanceOf(InvalidArgumentError);
  });

  it('refuses a result before any sentence is added', () => {
    const empty = new SequenceMetricsAccumulator();
    expect(empty.sentences).toBe(0);
    expect(() => empty.result()).toThrow(FailedPreconditionError);
    expect(() => empty.merge(new SequenceMetricsAccumulator()).result()).toThrow('sequence metrics need at least one sentence');
  });
});
