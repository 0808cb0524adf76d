import * as tf from '@tensorflow/tfjs';
import type { Logger } from '@aiaas/observability';
import { registerWasmTrainingKernels } from './wasm-kernels/register-wasm-training-kernels';

/** Which backend to use: `auto` picks the fastest one that works on this host. */
export type BackendPreference = 'auto' | 'tensorflow' | 'wasm' | 'cpu';

/** The backend in use and the package that provides it. */
export interface ComputeBackend {
  readonly name: 'tensorflow' | 'wasm' | 'cpu';
  readonly provider: string;
}

/**
 * Native backends, fastest first. They download libtensorflow when installed, so they are
 * optional: present in the GPU image, absent on sealed machines.
 */
const NATIVE_PACKAGES = ['@tensorflow/tfjs-node-gpu', '@tensorflow/tfjs-node'] as const;

type Loader = (packageName: string) => unknown;

async function activate(name: ComputeBackend['name']): Promise<boolean> {
  try {
    return (await tf.setBackend(name)) && tf.getBackend() === name;
  } catch {
    return false;
  }
}

async function tryNative(load: Loader, logger: Logger): Promise<ComputeBackend | undefined> {
  for (const packageName of NATIVE_PACKAGES) {
    try {
      load(packageName);
    } catch (error) {
      logger.debug('native backend not available', { package: packageName, reason: (error as Error).message.split('\n')[0] });
      continue;
    }
    // A native package bound to another copy of tfjs-core registers its backend there, not here.
    if (await activate('tensorflow')) return { name: 'tensorflow', provider: packageName };
    logger.warn('native backend loaded but could not be activated; is its version the same as @tensorflow/tfjs?', { package: packageName });
  }
  return undefined;
}

async function tryWasm(load: Loader, logger: Logger): Promise<ComputeBackend | undefined> {
  try {
    load('@tensorflow/tfjs-backend-wasm');
    if (await activate('wasm')) {
      // The stock wasm backend lacks or miscomputes kernels that training needs.
      registerWasmTrainingKernels();
      return { name: 'wasm', provider: '@tensorflow/tfjs-backend-wasm' };
    }
  } catch (error) {
    logger.warn('wasm backend failed to start', { err: error });
  }
  return undefined;
}

/**
 * Activates a TensorFlow.js backend: tfjs-node-gpu, then tfjs-node, then wasm, then cpu for
 * `auto`; exactly the named one otherwise (failing with a message saying what to install).
 * `load` resolves optional packages; it is `require` outside tests.
 */
export async function selectBackend(preference: BackendPreference, logger: Logger, load: Loader = require): Promise<ComputeBackend> {
  let backend: ComputeBackend | undefined;
  switch (preference) {
    case 'auto':
      backend = (await tryNative(load, logger)) ?? (await tryWasm(load, logger));
      break;
    case 'tensorflow':
      backend = await tryNative(load, logger);
      if (!backend) {
        throw new Error('TFJS_BACKEND=tensorflow but neither @tensorflow/tfjs-node-gpu nor @tensorflow/tfjs-node loads here; install one (npm install @tensorflow/tfjs-node) or use TFJS_BACKEND=auto');
      }
      break;
    case 'wasm':
      backend = await tryWasm(load, logger);
      if (!backend) throw new Error('TFJS_BACKEND=wasm but the wasm backend did not start; see the log above, or use TFJS_BACKEND=cpu');
      break;
    case 'cpu':
      break;
  }
  if (!backend) {
    if (!(await activate('cpu'))) throw new Error('no TensorFlow.js backend could be activated, not even cpu');
    backend = { name: 'cpu', provider: '@tensorflow/tfjs' };
  }
  logger.info('compute backend selected', { backend: backend.name, provider: backend.provider, preference });
  return backend;
}
