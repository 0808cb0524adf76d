import { packTensors, unpackTensors } from './tensor-pack';

describe('tensor packs', () => {
  it('round-trip shapes, dtypes and values, also out of a Buffer view into a shared pool', () => {
    const tensors = [
      { shape: [2, 3], values: Float32Array.from([1.5, -2, 3, 4, 5, Math.fround(0.1)]) },
      { shape: [], values: Int32Array.from([7]) },
      { shape: [0], values: new Float32Array(0) },
    ];
    const packed = packTensors(tensors);
    const pooled = Buffer.concat([Buffer.from('padding'), Buffer.from(packed)]).subarray(7);
    expect(unpackTensors(pooled)).toEqual(tensors);
  });

  it('refuses a truncated pack', () => {
    const packed = packTensors([{ shape: [4], values: new Float32Array(4) }]);
    expect(() => unpackTensors(packed.subarray(0, packed.length - 1))).toThrow('values run past the end');
    expect(() => unpackTensors(packed.subarray(0, 2))).toThrow('no header length');
  });
});
