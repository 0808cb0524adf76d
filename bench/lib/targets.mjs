// The issues' performance targets, as ratios against each benchmark's in-run baseline; the
// benchmarks print them beside their figures, and the report judges each figure by them.
// Where PyTorch is not installed, they are judged against STACK.md's figures for this machine kind.
export const TARGETS = {
  /** The training loop's samples/s ÷ PyTorch CPU's (one thread; STACK.md's figure where PyTorch is not installed). */
  fitModelOverPytorch: 0.75,
  /** Served rows/s ÷ the bare grpc-js echo's, one hop, 256 rows per request. */
  oneHop256: 0.8,
  /** The gateway's 1-row requests/s ÷ the one-hop echo's. */
  gateway1: 0.45,
  /** ONNX Runtime's in-process rows/s ÷ PyTorch's. */
  onnxOverPytorch: 1.0,
};

/** PyTorch CPU on one thread, as STACK.md measured it for the 64 → 256 → 256 → 4 MLP. */
export const STACK_MD_PYTORCH = {
  /** Training samples/s (batch 128, Adam). */
  trainingSamplesPerSecond: 55_000,
  /** Prediction rows/s at 256 rows per call. */
  predictionRowsPerSecond: 550_000,
};
