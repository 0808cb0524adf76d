import * as tf from '@tensorflow/tfjs';
import { silentLogger } from '@aiaas/observability';
import { selectBackend } from './compute-backend';

describe('selectBackend', () => {
  it('falls back from absent native packages to wasm under auto', async () => {
    const missingNative = (name: string) => {
      if (name.includes('tfjs-node')) throw new Error(`Cannot find module '${name}'`);
      return require(name) as unknown;
    };
    await expect(selectBackend('auto', silentLogger, missingNative)).resolves.toEqual({ name: 'wasm', provider: '@tensorflow/tfjs-backend-wasm' });
    expect(tf.getBackend()).toBe('wasm');
  });

  it('refuses an explicit tensorflow preference that cannot be met, saying what to install', async () => {
    const nothing = () => {
      throw new Error('not installed');
    };
    await expect(selectBackend('tensorflow', silentLogger, nothing)).rejects.toThrow(/npm install @tensorflow\/tfjs-node/);
  });

  it('uses cpu when asked', async () => {
    await expect(selectBackend('cpu', silentLogger)).resolves.toEqual({ name: 'cpu', provider: '@tensorflow/tfjs' });
  });
});
