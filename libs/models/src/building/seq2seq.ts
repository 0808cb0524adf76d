import * as tf from '@tensorflow/tfjs';
import type { ModelInput, Seq2seqSpec } from '@aiaas/model-spec';
import { applyLayer } from './apply-layer';
import { embeddingInitializer } from './embedding-initializer';
import type { SeedSequence } from './seed-sequence';

/** Names of the seq2seq layers the greedy decoder reuses, weights and all, to run one step at a time. */
export const SEQ2SEQ_LAYERS = {
  encoder: 'encoder_gru',
  targetEmbedding: 'target_embedding',
  decoder: 'decoder_gru',
  head: 'head',
} as const;

function gru(name: string, units: number, seeds: SeedSequence, returnSequences: boolean): tf.layers.Layer {
  // Glorot rather than Keras's orthogonal recurrent initialiser: see recurrentLayer in sequence-encoder.ts.
  return tf.layers.gru({
    name,
    units,
    returnSequences,
    returnState: true,
    kernelInitializer: tf.initializers.glorotUniform({ seed: seeds.next() }),
    recurrentInitializer: tf.initializers.glorotUniform({ seed: seeds.next() }),
  });
}

function symbolicOutputs(layer: tf.layers.Layer, input: tf.SymbolicTensor, kwargs?: Record<string, unknown>): tf.SymbolicTensor[] {
  const outputs = layer.apply(input, kwargs);
  if (!Array.isArray(outputs) || !outputs.every((output) => output instanceof tf.SymbolicTensor)) {
    throw new Error(`layer ${layer.name} did not produce a list of symbolic tensors`);
  }
  return outputs as tf.SymbolicTensor[];
}

/**
 * The training graph of a GRU encoder-decoder: source ids [batch, sourceLength] → embedding
 * → GRU, whose final state starts a GRU over the embedded decoder tokens
 * [batch, targetLength] (the target shifted right behind the start token) → a softmax over the
 * target tokens at every step: [batch, targetLength, classes].
 */
export function wireSeq2seq(
  source: { readonly tensor: tf.SymbolicTensor; readonly input: ModelInput },
  decoderTokens: { readonly tensor: tf.SymbolicTensor; readonly input: ModelInput },
  spec: Seq2seqSpec,
  seeds: SeedSequence,
): tf.SymbolicTensor {
  if (source.input.cardinality === undefined || decoderTokens.input.cardinality === undefined) throw new Error('seq2seq inputs need their token counts (cardinality)');
  const sourceEmbedded = applyLayer(
    tf.layers.embedding({
      name: 'source_embedding',
      inputDim: source.input.cardinality,
      outputDim: spec.embeddingDim,
      embeddingsInitializer: embeddingInitializer(seeds.next()),
      // No maskZero: TF.js hands an encoder's input mask on to the layer its state initialises
      // (the decoder, over a different number of steps), which then fails or masks the wrong
      // steps. Sources are padded at the front instead (the gateway's default for this family),
      // so the final state still follows the last real token.
    }),
    source.tensor,
  );
  const [, encoderState] = symbolicOutputs(gru(SEQ2SEQ_LAYERS.encoder, spec.units, seeds, false), sourceEmbedded);
  // No inputLength: the decoder's layers are also applied one step at a time when decoding.
  const targetEmbedded = applyLayer(
    tf.layers.embedding({ name: SEQ2SEQ_LAYERS.targetEmbedding, inputDim: decoderTokens.input.cardinality, outputDim: spec.embeddingDim, embeddingsInitializer: embeddingInitializer(seeds.next()) }),
    decoderTokens.tensor,
  );
  // TF.js warns when saving that `initialState` is not serialisable; it need not be: the state
  // is also one of the layer's inputs in the saved graph, which a loaded model reads back as the
  // initial state (greedy-decoder.spec.ts checks a loaded model predicts the same).
  const [decoded] = symbolicOutputs(gru(SEQ2SEQ_LAYERS.decoder, spec.units, seeds, true), targetEmbedded, { initialState: [encoderState!] });
  const head = tf.layers.dense({
    name: SEQ2SEQ_LAYERS.head,
    units: decoderTokens.input.cardinality,
    activation: 'softmax',
    kernelInitializer: tf.initializers.glorotUniform({ seed: seeds.next() }),
  });
  return applyLayer(head, decoded!);
}
