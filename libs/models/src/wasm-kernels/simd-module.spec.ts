import { seededValues } from './backend-parity.test-helpers';
import { simdKernelsFor, simdModuleBytes } from './simd-module';

interface TestMemory {
  readonly buffer: ArrayBuffer;
}
const { Memory, validate } = (globalThis as unknown as { WebAssembly: { Memory: new (limits: { initial: number }) => TestMemory; validate(bytes: Uint8Array): boolean } }).WebAssembly;

/** A fresh memory and a bump allocator over it, 16-byte aligned, as a heap would be. */
function heap(pages = 64) {
  const memory = new Memory({ initial: pages });
  let next = 64;
  const floats = () => new Float32Array(memory.buffer);
  const put = (values: ArrayLike<number>) => {
    const address = next;
    floats().set(values, address / 4);
    next += Math.ceil((values.length * 4) / 16) * 16 + 16;
    return address;
  };
  const get = (address: number, count: number) => floats().slice(address / 4, address / 4 + count);
  return { kernels: simdKernelsFor(memory), put, alloc: (count: number) => put(new Float32Array(count)), get };
}

/** C = bias + A·B in float32, summing p = 0…k-1 in order: what the stock XNNPACK kernel computes. */
function reference(a: Float32Array, b: Float32Array, m: number, k: number, n: number, bias?: Float32Array): Float32Array {
  const out = new Float32Array(m * n);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let sum = bias ? bias[j]! : 0;
      for (let p = 0; p < k; p++) sum = Math.fround(sum + Math.fround(a[i * k + p]! * b[p * n + j]!));
      out[i * n + j] = sum;
    }
  }
  return out;
}

function transposed(values: Float32Array, rows: number, columns: number): Float32Array {
  const out = new Float32Array(values.length);
  for (let row = 0; row < rows; row++) for (let column = 0; column < columns; column++) out[column * rows + row] = values[row * columns + column]!;
  return out;
}

describe('the SIMD kernel module', () => {
  it('is a valid WebAssembly module', () => {
    expect(validate(simdModuleBytes())).toBe(true);
  });

  it('binds one instance per memory', () => {
    const memory = new Memory({ initial: 1 });
    expect(simdKernelsFor(memory)).toBe(simdKernelsFor(memory));
    expect(simdKernelsFor(new Memory({ initial: 1 }))).not.toBe(simdKernelsFor(memory));
  });

  describe('gemm', () => {
    // Sizes around the block edges: 4 rows, 8 and 4 columns, and the scalar tail.
    const SHAPES: ReadonlyArray<readonly [number, number, number]> = [
      [1, 1, 1],
      [4, 3, 8],
      [5, 7, 3],
      [9, 16, 13],
      [7, 1, 12],
      [3, 0, 5],
      [128, 64, 256],
      [130, 33, 70],
    ];

    it.each(SHAPES)('multiplies %i×%i by %i columns bit-identically to in-order float32 sums, A as stored or transposed', (m, k, n) => {
      const { kernels, put, alloc, get } = heap();
      const a = seededValues(m * k, 1);
      const b = seededValues(k * n, 2);
      const expected = reference(a, b, m, k, n);
      const bAddress = put(b);
      const out = alloc(m * n);
      kernels.gemm(put(a), bAddress, out, 0, m, k, n, k * 4, 4);
      expect(get(out, m * n)).toEqual(expected);
      const outOfTransposed = alloc(m * n);
      kernels.gemm(put(transposed(a, m, k)), bAddress, outOfTransposed, 0, m, k, n, 4, m * 4);
      expect(get(outOfTransposed, m * n)).toEqual(expected);
    });

    it.each(SHAPES)('starts each sum at the bias when given one (%i×%i by %i)', (m, k, n) => {
      const { kernels, put, alloc, get } = heap();
      const a = seededValues(m * k, 3);
      const b = seededValues(k * n, 4);
      const bias = seededValues(n, 5);
      const out = alloc(m * n);
      kernels.gemm(put(a), put(b), out, put(bias), m, k, n, k * 4, 4);
      expect(get(out, m * n)).toEqual(reference(a, b, m, k, n, bias));
    });

    it('writes only its output', () => {
      const { kernels, put, alloc, get } = heap();
      const guard = put(new Float32Array(4).fill(7));
      const out = alloc(5 * 3);
      const after = put(new Float32Array(4).fill(9));
      kernels.gemm(put(seededValues(10, 1)), put(seededValues(6, 2)), out, 0, 5, 2, 3, 8, 4);
      expect(Array.from(get(guard, 4))).toEqual([7, 7, 7, 7]);
      expect(Array.from(get(after, 4))).toEqual([9, 9, 9, 9]);
    });
  });

  it.each([
    [1, 1],
    [128, 256],
    [5, 7],
    [3, 4],
  ])('sumRows sums a %i×%i matrix over its rows, in row order', (rows, columns) => {
    const { kernels, put, get } = heap();
    const x = seededValues(rows * columns, 6);
    const expected = new Float32Array(columns);
    for (let column = 0; column < columns; column++) {
      let sum = 0;
      for (let row = 0; row < rows; row++) sum = Math.fround(sum + x[row * columns + column]!);
      expected[column] = sum;
    }
    const out = put(new Float32Array(columns).fill(Number.NaN));
    kernels.sumRows(put(x), out, rows, columns);
    expect(get(out, columns)).toEqual(expected);
  });

  it.each([
    [1, 1],
    [256, 256],
    [5, 37],
    [33, 16],
  ])('transposes a %i×%i matrix', (rows, columns) => {
    const { kernels, put, alloc, get } = heap();
    const x = seededValues(rows * columns, 7);
    const out = alloc(rows * columns);
    kernels.transpose(put(x), out, rows, columns);
    expect(get(out, rows * columns)).toEqual(transposed(x, rows, columns));
  });
});
