import { InvalidArgumentError } from '@aiaas/errors';
import { classProbabilities } from './class-probabilities';

describe('classProbabilities', () => {
  it('passes a softmax through and spreads a sigmoid into [1 - p, p]', () => {
    const softmax = Float32Array.of(0.2, 0.8, 0.6, 0.4);
    expect(classProbabilities(softmax, 2, 2)).toBe(softmax);
    expect(Array.from(classProbabilities(Float32Array.of(0.25, 1), 1, 2))).toEqual([0.75, 0.25, 0, 1]);
  });

  it('refuses outputs that cannot be probabilities of the classes', () => {
    expect(() => classProbabilities(Float32Array.of(0.5), 1, 3)).toThrow(InvalidArgumentError);
  });
});
