import * as tf from '@tensorflow/tfjs';
import type { ModelInput, TextSpec } from '@aiaas/model-spec';
import { applyLayer } from './apply-layer';
import { embeddingInitializer } from './embedding-initializer';
import type { SeedSequence } from './seed-sequence';

function globalPooling(pooling: 'average' | 'max', name: string): tf.layers.Layer {
  return pooling === 'average' ? tf.layers.globalAveragePooling1d({ name }) : tf.layers.globalMaxPooling1d({ name });
}

function recurrentLayer(cell: 'lstm' | 'gru', units: number, seeds: SeedSequence, name: string, goBackwards: boolean): tf.layers.Layer {
  // Keras initialises recurrent kernels orthogonally, but TF.js's orthogonal initialiser runs a
  // QR decomposition in tensor ops: ~2 s for 128 units on wasm and ~30 s on cpu, minutes beyond.
  const args = {
    name,
    units,
    returnSequences: false,
    goBackwards,
    kernelInitializer: tf.initializers.glorotUniform({ seed: seeds.next() }),
    recurrentInitializer: tf.initializers.glorotUniform({ seed: seeds.next() }),
  };
  return cell === 'lstm' ? tf.layers.lstm(args) : tf.layers.gru(args);
}

/**
 * Token ids [batch, width] → one vector per row: an embedding, then the spec's encoder
 * (global pooling, a ReLU convolution then global pooling, or an LSTM/GRU, optionally read in
 * both directions with the two final states concatenated).
 */
export function encodeSequence(tokens: tf.SymbolicTensor, input: ModelInput, spec: TextSpec, seeds: SeedSequence): tf.SymbolicTensor {
  if (input.cardinality === undefined) throw new Error(`sequence input ${input.name} has no cardinality`);
  const { encoder } = spec;
  const embedded = applyLayer(
    tf.layers.embedding({
      name: 'token_embedding',
      inputDim: input.cardinality,
      outputDim: spec.embeddingDim,
      inputLength: input.width,
      embeddingsInitializer: embeddingInitializer(seeds.next()),
      // Token 0 is padding. Only recurrent layers honour a mask (pooling and convolution layers
      // reject one), and only they need it: with post-padding, the final state would otherwise
      // be read after a run of padding steps.
      maskZero: encoder.kind === 'rnn',
    }),
    tokens,
  );
  switch (encoder.kind) {
    case 'pooling':
      return applyLayer(globalPooling(encoder.pooling, 'encoder_pooling'), embedded);
    case 'conv1d': {
      const convolved = applyLayer(
        tf.layers.conv1d({
          name: 'encoder_conv1d',
          filters: encoder.filters,
          kernelSize: encoder.kernelSize,
          // `same` keeps sequences shorter than the kernel valid.
          padding: 'same',
          activation: 'relu',
          kernelInitializer: tf.initializers.heNormal({ seed: seeds.next() }),
        }),
        embedded,
      );
      return applyLayer(globalPooling(encoder.pooling, 'encoder_pooling'), convolved);
    }
    case 'rnn': {
      const forward = applyLayer(recurrentLayer(encoder.cell, encoder.units, seeds, `encoder_${encoder.cell}`, false), embedded);
      if (!encoder.bidirectional) return forward;
      // Two layers rather than tf.layers.bidirectional: that wrapper clones the forward layer's
      // config for the backward one, seeds included, so both directions would start identical.
      const backward = applyLayer(recurrentLayer(encoder.cell, encoder.units, seeds, `encoder_${encoder.cell}_backward`, true), embedded);
      return applyLayer(tf.layers.concatenate({ name: 'encoder_bidirectional' }), [forward, backward]);
    }
  }
}
