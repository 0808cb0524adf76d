import type * as tf from '@tensorflow/tfjs';
import { TARGET_TOKENS, TargetSequenceCodec, type FittedTransform } from '@aiaas/data';
import { FailedPreconditionError } from '@aiaas/errors';
import { DECODER_INPUT } from '@aiaas/model-spec';
import { GreedyDecoder } from '@aiaas/models';
import type { ModelVersionRecord } from '@aiaas/registry';

/** The inputs a request feeds a version: all of them, except the decoder tokens a seq2seq model makes for itself. */
export function requestInputs(record: ModelVersionRecord): ModelVersionRecord['inputs'] {
  return record.labels === 'token-sequence' ? record.inputs.filter((input) => input.name !== DECODER_INPUT) : record.inputs;
}

/** A seq2seq version's serving path: greedy decoding of source token ids, read back as target words. */
export class SequenceDecoding {
  private readonly decoder: GreedyDecoder;
  private readonly codec: TargetSequenceCodec;

  /** Throws FailedPreconditionError when the model or the transform is not a seq2seq one. */
  constructor(model: tf.LayersModel, transform: FittedTransform, record: ModelVersionRecord) {
    const { target } = transform;
    if (target.task !== 'sequence') {
      throw new FailedPreconditionError(`${record.modelName} version ${record.version} decodes token sequences, but its transform's target is a ${target.task} one; retrain it`);
    }
    try {
      this.decoder = new GreedyDecoder(model, TARGET_TOKENS);
    } catch (error) {
      throw new FailedPreconditionError(`${record.modelName} version ${record.version} cannot decode: ${(error as Error).message}; retrain it`, { cause: error });
    }
    this.codec = new TargetSequenceCodec(target);
  }

  /** The decoded text of each of `rows` sources (row-major int32 token ids). */
  async texts(source: Int32Array, rows: number): Promise<string[]> {
    const decoded = await this.decoder.decode(source, rows);
    const length = this.decoder.maxLength;
    return Array.from({ length: rows }, (_, row) => this.codec.decode(decoded.subarray(row * length, (row + 1) * length)));
  }
}
