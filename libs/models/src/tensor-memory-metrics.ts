import * as tf from '@tensorflow/tfjs';
import { Gauge, type Registry } from 'prom-client';

/**
 * What TensorFlow.js holds, read at each scrape: bytes and count of live tensors. A number that
 * climbs across scrapes while the load is steady is a tensor leak.
 */
export function registerTensorMemoryMetrics(registry: Registry): void {
  new Gauge({
    name: 'aiaas_tfjs_tensor_bytes',
    help: 'Bytes held by live TensorFlow.js tensors (weights, caches and in-flight batches).',
    labelNames: ['backend'],
    registers: [registry],
    collect() {
      this.set({ backend: tf.getBackend() ?? 'none' }, tf.memory().numBytes);
    },
  });
  new Gauge({
    name: 'aiaas_tfjs_tensors',
    help: 'Live TensorFlow.js tensors.',
    labelNames: ['backend'],
    registers: [registry],
    collect() {
      this.set({ backend: tf.getBackend() ?? 'none' }, tf.memory().numTensors);
    },
  });
}
