import { z } from 'zod';

/** Activation functions a dense layer may use (TF.js layer activation names). */
export const ACTIVATIONS = ['relu', 'elu', 'selu', 'tanh', 'sigmoid', 'softplus', 'swish', 'gelu', 'linear'] as const;
export type Activation = (typeof ACTIVATIONS)[number];

/** One hidden dense layer: Dense → (BatchNorm) → activation → (Dropout). */
export const denseLayerSchema = z.object({
  units: z.number().int().min(1).max(4_096),
  activation: z.enum(ACTIVATIONS).default('relu'),
  /** Dropout rate after the layer; 0 for none. */
  dropout: z.number().min(0).lt(1).default(0),
  /** Batch normalisation between the dense transform and the activation. */
  batchNorm: z.boolean().default(false),
  /** L1 penalty on the kernel. */
  l1: z.number().min(0).default(0),
  /** L2 penalty on the kernel. */
  l2: z.number().min(0).default(0),
});
export type DenseLayerSpec = z.infer<typeof denseLayerSchema>;

const hiddenLayers = z.array(denseLayerSchema).max(16);

/** A multi-layer perceptron over the dense `features` output: classification or regression. */
export const mlpSpecSchema = z.object({
  family: z.literal('mlp'),
  hiddenLayers: hiddenLayers.default([
    { units: 32, activation: 'relu', dropout: 0, batchNorm: false, l1: 0, l2: 0 },
    { units: 16, activation: 'relu', dropout: 0, batchNorm: false, l1: 0, l2: 0 },
  ]),
});

/** How a text model turns a sequence of token embeddings into one vector. */
export const sequenceEncoderSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('pooling'), pooling: z.enum(['average', 'max']).default('average') }),
  z.object({
    kind: z.literal('conv1d'),
    filters: z.number().int().min(1).max(1_024).default(64),
    kernelSize: z.number().int().min(1).max(32).default(5),
    /** Global pooling over the convolution's outputs. */
    pooling: z.enum(['average', 'max']).default('max'),
  }),
  z.object({
    kind: z.literal('rnn'),
    cell: z.enum(['lstm', 'gru']).default('lstm'),
    units: z.number().int().min(1).max(1_024).default(32),
    bidirectional: z.boolean().default(false),
  }),
]);
export type SequenceEncoderSpec = z.infer<typeof sequenceEncoderSchema>;

/**
 * Text classification or regression: token ids → embedding → encoder → dense layers → head.
 * Dense `features` from other columns, when preprocessing produced them, join after the encoder.
 */
export const textSpecSchema = z.object({
  family: z.literal('text'),
  /** The token-sequence output (a text column encoded as `sequence`); default: the only one. */
  sequenceInput: z.string().min(1).optional(),
  embeddingDim: z.number().int().min(1).max(1_024).default(32),
  encoder: sequenceEncoderSchema.default({ kind: 'pooling', pooling: 'average' }),
  hiddenLayers: hiddenLayers.default([]),
});

/** Ratings (explicit) or interactions to tell apart from sampled non-interactions (implicit). */
export const feedbackSchema = z.discriminatedUnion('kind', [
  /** The target is a rating; the model regresses it (MSE, MAE or Huber). */
  z.object({ kind: z.literal('explicit') }),
  /**
   * Every row is an interaction (a positive); each epoch pairs each positive with
   * `negativesPerPositive` items the user did not interact with, drawn uniformly with the seed,
   * and the model learns P(interaction) with binary cross-entropy.
   */
  z.object({ kind: z.literal('implicit'), negativesPerPositive: z.number().int().min(1).max(50).default(4) }),
]);
export type FeedbackSpec = z.infer<typeof feedbackSchema>;

/**
 * A recommender over user and item ids (id columns encoded as `index`). Matrix factorisation
 * scores dot(user, item) + user bias + item bias + global bias; two-tower first passes each
 * embedding through its own dense tower.
 */
export const recommenderSpecSchema = z.object({
  family: z.literal('recommender'),
  architecture: z.enum(['matrix-factorization', 'two-tower']).default('matrix-factorization'),
  /** The id output of the users. */
  userColumn: z.string().min(1),
  /** The id output of the items. */
  itemColumn: z.string().min(1),
  embeddingDim: z.number().int().min(1).max(512).default(32),
  /** Widths of each tower's dense layers (two-tower only); the last is the shared embedding width. */
  towerUnits: z.array(z.number().int().min(1).max(1_024)).max(8).default([64, 32]),
  /** L2 penalty on the embeddings. */
  l2: z.number().min(0).default(0),
  feedback: feedbackSchema.default({ kind: 'explicit' }),
});

/**
 * Sequence to sequence (translation-style): a GRU encoder reads the source tokens, and a GRU
 * decoder, started from the encoder's final state, predicts the target's tokens one by one.
 * Training feeds the decoder the true previous token (teacher forcing); serving feeds it its own
 * previous choice (greedy decoding) until it emits the end token.
 */
export const seq2seqSpecSchema = z.object({
  family: z.literal('seq2seq'),
  /** The source token-sequence output (a text column encoded as `sequence`); default: the only one. */
  sourceInput: z.string().min(1).optional(),
  /** Width of the source and target token embeddings. */
  embeddingDim: z.number().int().min(1).max(1_024).default(32),
  /** GRU units of the encoder and the decoder (the decoder's initial state is the encoder's final one). */
  units: z.number().int().min(1).max(1_024).default(64),
});

/** Which model to build, by family. */
export const modelSpecSchema = z.discriminatedUnion('family', [mlpSpecSchema, textSpecSchema, recommenderSpecSchema, seq2seqSpecSchema]);
export type ModelSpec = z.infer<typeof modelSpecSchema>;
export type MlpSpec = z.infer<typeof mlpSpecSchema>;
export type TextSpec = z.infer<typeof textSpecSchema>;
export type RecommenderSpec = z.infer<typeof recommenderSpecSchema>;
export type Seq2seqSpec = z.infer<typeof seq2seqSpecSchema>;
export type ModelFamily = ModelSpec['family'];
export const MODEL_FAMILIES = ['mlp', 'text', 'recommender', 'seq2seq'] as const satisfies readonly ModelFamily[];
