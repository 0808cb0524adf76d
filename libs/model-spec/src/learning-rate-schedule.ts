import type { ScheduleSpec } from './training-spec';

/**
 * The learning rate after `epochs` epochs of training (fractional: 2.5 is halfway through the
 * third epoch), out of `totalEpochs`, starting from `initial`.
 */
export function learningRateAt(schedule: ScheduleSpec, initial: number, epochs: number, totalEpochs: number): number {
  switch (schedule.kind) {
    case 'constant':
      return initial;
    case 'step':
      return initial * schedule.factor ** Math.floor(epochs / schedule.everyEpochs);
    case 'exponential':
      return initial * schedule.decayPerEpoch ** epochs;
    case 'cosine': {
      const progress = Math.min(1, Math.max(0, epochs / totalEpochs));
      return schedule.minLearningRate + ((initial - schedule.minLearningRate) * (1 + Math.cos(Math.PI * progress))) / 2;
    }
  }
}
