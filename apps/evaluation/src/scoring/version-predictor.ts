import type * as tf from '@tensorflow/tfjs';
import { TARGET_TOKENS } from '@aiaas/data';
import { FailedPreconditionError } from '@aiaas/errors';
import { DECODER_INPUT } from '@aiaas/model-spec';
import { GreedyDecoder, predictRows } from '@aiaas/models';
import type { ModelVersionRecord } from '@aiaas/registry';

/** What a version's model makes of some rows: outputs row-major, `width` per row. */
export interface VersionOutputs {
  readonly values: Float32Array | Int32Array;
  readonly width: number;
}

const describe = (record: ModelVersionRecord) => `version ${record.version} of ${record.modelName}`;

/**
 * Runs a version's model as serving does: class probabilities or values for most heads, greedy
 * decoding for seq2seq models. Checks every output against what the record's head promises, so
 * a model that disagrees with its record fails with FailedPreconditionError, not wrong metrics.
 */
export class VersionPredictor {
  /** The inputs a caller feeds, in order: the record's, without a seq2seq decoder's own. */
  readonly inputs: ModelVersionRecord['inputs'];
  private readonly decoder: GreedyDecoder | undefined;

  constructor(
    private readonly model: tf.LayersModel,
    private readonly record: ModelVersionRecord,
  ) {
    this.inputs = record.labels === 'token-sequence' ? record.inputs.filter((input) => input.name !== DECODER_INPUT) : record.inputs;
    this.decoder = record.head === 'token-softmax' ? new GreedyDecoder(model, TARGET_TOKENS) : undefined;
  }

  /** Output values per row: one per class for softmax, the decoded length for seq2seq, else one. */
  get outputWidth(): number {
    if (this.decoder) return this.decoder.maxLength;
    return this.record.head === 'softmax' ? this.record.classLabels.length : 1;
  }

  /**
   * The model's outputs for `rows` rows of `inputs`. A NaN or infinite output is a
   * FailedPreconditionError naming the row (`describeRow(i)`): the model diverged, and metrics
   * built on it would be NaN.
   */
  async predict(inputs: readonly (Float32Array | Int32Array)[], rows: number, describeRow: (row: number) => string = (row) => `row ${row}`): Promise<VersionOutputs> {
    if (this.decoder) {
      const [source] = inputs;
      if (!(source instanceof Int32Array)) throw new FailedPreconditionError(`${describe(this.record)} decodes token ids, but was given numbers; rerun the pipeline`);
      return { values: await this.decoder.decode(source, rows), width: this.decoder.maxLength };
    }
    const values = await predictRows(this.model, inputs, rows);
    const width = this.outputWidth;
    if (values.length !== rows * width) {
      throw new FailedPreconditionError(
        `${describe(this.record)} has a ${this.record.head} head, which outputs ${width} value${width === 1 ? '' : 's'} per row, but its model outputs ${rows === 0 ? values.length : values.length / rows}; retrain it`,
      );
    }
    const bad = values.findIndex((value) => !Number.isFinite(value));
    if (bad >= 0) {
      throw new FailedPreconditionError(
        `${describe(this.record)} cannot be scored: the prediction of ${describeRow(Math.floor(bad / width))} is ${values[bad]}; the model has diverged; retrain it, with a lower learning rate`,
      );
    }
    return { values, width };
  }
}
