import { InvalidArgumentError } from '@aiaas/errors';
import type { Tensor__Output } from '@aiaas/proto';
import { bytesToFloat32 } from './little-endian';
import { decodeTensor, encodeTensor } from './tensor-message';

function received(partial: Partial<Tensor__Output>): Tensor__Output {
  return { dtype: 'DATA_TYPE_FLOAT32', shape: [], raw_data: Buffer.alloc(0), float_values: [], int_values: [], ...partial };
}

describe('tensor messages', () => {
  it('round-trips float32 values through raw little-endian bytes', () => {
    const values = new Float32Array([1.5, -2, 3.25, 0]);
    const message = encodeTensor(values, [2, 2]);
    expect(message.raw_data).toEqual(Buffer.from([0, 0, 192, 63, 0, 0, 0, 192, 0, 0, 80, 64, 0, 0, 0, 0]));
    const decoded = decodeTensor(received({ shape: [2, 2], raw_data: message.raw_data as Buffer }), 'x');
    expect(decoded).toEqual({ dtype: 'float32', shape: [2, 2], values });
  });

  it('accepts the typed repeated form for small tensors', () => {
    const decoded = decodeTensor(received({ shape: [1, 3], float_values: [1, 2, 3] }), 'features');
    expect(Array.from(decoded.values)).toEqual([1, 2, 3]);
    const ints = decodeTensor(received({ dtype: 'DATA_TYPE_INT32', shape: [2], int_values: [7, 8] }), 'ids');
    expect(ints).toEqual({ dtype: 'int32', shape: [2], values: new Int32Array([7, 8]) });
  });

  it('reads unaligned raw bytes correctly', () => {
    const padded = Buffer.alloc(9);
    padded.writeFloatLE(42.5, 1);
    padded.writeFloatLE(-1, 5);
    expect(Array.from(bytesToFloat32(padded.subarray(1)))).toEqual([42.5, -1]);
  });

  it.each([
    [received({ shape: [2, 3], float_values: [1, 2, 3] }), 'features', 'shape [2, 3] needs 6 values, got 3'],
    [received({ shape: [-1, 3] }), 'features.shape[0]', 'must be a whole number >= 0'],
    [received({ dtype: 'DATA_TYPE_UNSPECIFIED', shape: [1], float_values: [1] }), 'features.dtype', 'must be DATA_TYPE_FLOAT32'],
    [received({ shape: [1], raw_data: Buffer.alloc(3) }), 'features.raw_data', '3 bytes is not a whole number'],
    [received({ shape: [1], raw_data: Buffer.alloc(4), float_values: [1] }), 'features', 'set only one of'],
  ])('rejects %#: names %s', (message, field, reason) => {
    let error: unknown;
    try {
      decodeTensor(message, 'features');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect(error).toMatchObject({ field });
    expect((error as InvalidArgumentError).reason).toContain(reason);
  });
});
