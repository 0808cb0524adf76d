import { trainingSpecSchema } from './training-spec';
import { isBetterObjective, rungsOf, trialParameters, tuningSpecSchema, withParameters, type TuningSpecInput } from './tuning-spec';

const tuning = (input: TuningSpecInput) => tuningSpecSchema.parse(input);

describe('tuning specs', () => {
  it('enumerate every grid combination, in order', () => {
    const grid = tuning({ strategy: 'grid', parameters: [{ parameter: 'learning_rate', values: [0.1, 0.01] }, { parameter: 'optimizer', values: ['adam', 'sgd'] }] });
    expect(trialParameters(grid)).toEqual([
      { learning_rate: 0.1, optimizer: 'adam' },
      { learning_rate: 0.1, optimizer: 'sgd' },
      { learning_rate: 0.01, optimizer: 'adam' },
      { learning_rate: 0.01, optimizer: 'sgd' },
    ]);
  });

  it('draw random trials from ranges with the seed, log-uniformly when asked, whole numbers for sizes', () => {
    const random = tuning({ strategy: 'random', trials: 50, seed: 3, parameters: [{ parameter: 'learning_rate', range: { min: 1e-4, max: 1e-1, log: true } }, { parameter: 'hidden_units', range: { min: 8, max: 64 } }] });
    const trials = trialParameters(random);
    expect(trials).toHaveLength(50);
    expect(trialParameters(random)).toEqual(trials);
    for (const trial of trials) {
      expect(trial.learning_rate).toBeGreaterThanOrEqual(1e-4);
      expect(trial.learning_rate).toBeLessThanOrEqual(1e-1);
      expect(Number.isInteger(trial.hidden_units)).toBe(true);
    }
    // Log-uniform: about as many draws below 1e-2.5 as above.
    const below = trials.filter((trial) => (trial.learning_rate as number) < 10 ** -2.5).length;
    expect(below).toBeGreaterThan(15);
    expect(below).toBeLessThan(35);
  });

  it('halve the trials and triple the epochs rung by rung, up to the spec epochs', () => {
    const halving = tuning({ strategy: 'successive-halving', trials: 27, minEpochs: 1, reductionFactor: 3, parameters: [{ parameter: 'dropout', range: { min: 0, max: 0.5 } }] });
    expect(rungsOf(halving, 27, 20)).toEqual([
      { trials: 27, epochs: 1 },
      { trials: 9, epochs: 3 },
      { trials: 3, epochs: 9 },
      { trials: 1, epochs: 20 },
    ]);
    expect(rungsOf(tuning({ strategy: 'random', parameters: [{ parameter: 'dropout', values: [0.1] }] }), 5, 20)).toEqual([{ trials: 5, epochs: 20 }]);
  });

  it('apply parameters to the base training spec', () => {
    const base = trainingSpecSchema.parse({ model: { family: 'text', encoder: { kind: 'rnn', cell: 'gru' }, hiddenLayers: [{ units: 8 }] } });
    const spec = withParameters(base, { learning_rate: 0.003, dropout: 0.25, encoder_units: 12, embedding_dim: 16, optimizer: 'sgd' });
    expect(spec).toMatchObject({
      learningRate: 0.003,
      optimizer: { kind: 'sgd', momentum: 0.9 },
      model: { embeddingDim: 16, encoder: { kind: 'rnn', cell: 'gru', units: 12 }, hiddenLayers: [{ units: 8, dropout: 0.25 }] },
    });
    expect(() => withParameters(trainingSpecSchema.parse({}), { embedding_dim: 8 })).toThrow('embedding_dim applies to text, recommender and seq2seq models');
  });

  it('refuse searches that cannot run, saying why', () => {
    const problems = (input: TuningSpecInput) => tuningSpecSchema.safeParse(input).error?.issues.map((issue) => issue.message);
    expect(problems({ strategy: 'grid', parameters: [{ parameter: 'dropout', range: { min: 0, max: 1 } }] })).toContain('a grid search needs values for every parameter');
    expect(problems({ strategy: 'random', parameters: [{ parameter: 'learning_rate', range: { min: 0, max: 1, log: true } }] })).toContain('a log range needs min above 0');
    expect(problems({ strategy: 'random', parameters: [{ parameter: 'optimizer', values: [0.1] }] })).toContain('optimizer values are sgd, adam, rmsprop or adagrad');
    expect(problems({ strategy: 'random', parameters: [{ parameter: 'dropout', values: [0.1] }, { parameter: 'dropout', values: [0.2] }] })).toContain('dropout is searched twice');
  });

  it('compare objectives in the right direction', () => {
    expect(isBetterObjective('val_loss', 0.2, 0.3)).toBe(true);
    expect(isBetterObjective('val_accuracy', 0.2, 0.3)).toBe(false);
  });
});
