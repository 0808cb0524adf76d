import { LengthHistogram } from './length-histogram';

describe('LengthHistogram', () => {
  it('counts lengths into power-of-two buckets from [0,1) up to the highest used, empty ones between included', () => {
    const histogram = new LengthHistogram();
    for (const length of [0, 1, 2, 3, 4, 7, 8, 20]) histogram.add(length);
    expect(histogram.buckets()).toEqual([
      { lower: 0, upper: 1, count: 1 },
      { lower: 1, upper: 2, count: 1 },
      { lower: 2, upper: 4, count: 2 },
      { lower: 4, upper: 8, count: 2 },
      { lower: 8, upper: 16, count: 1 },
      { lower: 16, upper: 32, count: 1 },
    ]);
  });

  it('has no buckets when empty', () => {
    expect(new LengthHistogram().buckets()).toEqual([]);
  });
});
