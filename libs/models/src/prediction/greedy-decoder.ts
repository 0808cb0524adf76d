import * as tf from '@tensorflow/tfjs';
import { SEQ2SEQ_LAYERS } from '../building/seq2seq';

/** The token ids decoding starts from and stops at. */
export interface DecodingTokens {
  readonly start: number;
  readonly end: number;
}

function layerOf(model: tf.LayersModel, name: string): tf.layers.Layer {
  try {
    return model.getLayer(name);
  } catch {
    throw new Error(`model ${model.name} has no layer "${name}"; greedy decoding needs a seq2seq model built by buildModel`);
  }
}

function symbolicList(output: tf.SymbolicTensor | tf.SymbolicTensor[] | tf.Tensor | tf.Tensor[], what: string): tf.SymbolicTensor[] {
  if (!Array.isArray(output) || !output.every((tensor) => tensor instanceof tf.SymbolicTensor)) throw new Error(`${what} did not give a list of symbolic tensors`);
  return output as tf.SymbolicTensor[];
}

/**
 * Greedy decoding with a trained seq2seq model: the encoder runs once over the source, then the
 * decoder runs one step at a time, fed the token it chose at the previous step (the start token
 * first), until every row has emitted the end token or the target length is reached. The step
 * models are wired from the trained model's own layers, so they share its weights; they hold no
 * tensors of their own, and the trained model's `dispose` frees everything.
 */
export class GreedyDecoder {
  /** Tokens per decoded row: the target length the model was trained on. */
  readonly maxLength: number;
  private readonly encoder: tf.LayersModel;
  private readonly step: tf.LayersModel;

  constructor(
    model: tf.LayersModel,
    private readonly tokens: DecodingTokens,
  ) {
    const [, length] = model.outputs[0]!.shape;
    if (model.inputs.length !== 2 || model.outputs[0]!.shape.length !== 3 || typeof length !== 'number') {
      throw new Error(`model ${model.name} is not a seq2seq model (source and decoder inputs, [batch, length, tokens] output)`);
    }
    this.maxLength = length;
    const [, encoderState] = symbolicList(layerOf(model, SEQ2SEQ_LAYERS.encoder).getOutputAt(0), 'the encoder');
    this.encoder = tf.model({ inputs: model.inputs[0]!, outputs: encoderState! });
    const decoderLayer = layerOf(model, SEQ2SEQ_LAYERS.decoder);
    const units = encoderState!.shape[1] as number;
    const previous = tf.input({ shape: [1], dtype: 'int32' });
    const state = tf.input({ shape: [units] });
    const embedded = layerOf(model, SEQ2SEQ_LAYERS.targetEmbedding).apply(previous) as tf.SymbolicTensor;
    const [decoded, nextState] = symbolicList(decoderLayer.apply(embedded, { initialState: [state] }), 'the decoder');
    const probabilities = layerOf(model, SEQ2SEQ_LAYERS.head).apply(decoded!) as tf.SymbolicTensor;
    this.step = tf.model({ inputs: [previous, state], outputs: [probabilities, nextState!] });
  }

  /**
   * Decodes `rows` source rows (row-major int32 [rows, sourceLength]) in batches of at most
   * `batchSize`; returns int32 [rows, maxLength]: each row's chosen tokens up to and including
   * the end token, then zeros. Every tensor it makes is freed.
   */
  async decode(source: Int32Array, rows: number, batchSize = 256): Promise<Int32Array> {
    const sourceLength = this.encoder.inputs[0]!.shape[1] as number;
    if (source.length !== rows * sourceLength) throw new Error(`the source holds ${source.length} ids, but ${rows} rows of ${sourceLength} need ${rows * sourceLength}`);
    const decoded = new Int32Array(rows * this.maxLength);
    for (let start = 0; start < rows; start += batchSize) {
      const count = Math.min(batchSize, rows - start);
      await this.decodeBatch(source.subarray(start * sourceLength, (start + count) * sourceLength), count, decoded.subarray(start * this.maxLength, (start + count) * this.maxLength));
    }
    return decoded;
  }

  private async decodeBatch(source: Int32Array, rows: number, into: Int32Array): Promise<void> {
    const sourceLength = source.length / rows;
    let state = tf.tidy(() => this.encoder.predict(tf.tensor2d(source, [rows, sourceLength], 'int32')) as tf.Tensor);
    let previous = tf.fill([rows, 1], this.tokens.start, 'int32');
    const finished = new Uint8Array(rows);
    let unfinished = rows;
    try {
      for (let position = 0; position < this.maxLength && unfinished > 0; position++) {
        const [chosen, nextState] = tf.tidy(() => {
          const [probabilities, next] = this.step.predict([previous, state]) as tf.Tensor[];
          return [tf.reshape(tf.argMax(probabilities!, -1), [rows, 1]), next!];
        });
        tf.dispose([previous, state]);
        previous = chosen!;
        state = nextState!;
        const ids = await previous.data();
        for (let row = 0; row < rows; row++) {
          if (finished[row]) continue;
          into[row * this.maxLength + position] = ids[row]!;
          if (ids[row] === this.tokens.end) {
            finished[row] = 1;
            unfinished -= 1;
          }
        }
      }
    } finally {
      tf.dispose([previous, state]);
    }
  }
}
