import { F32, FunctionBody, I32, V128, type FunctionDefinition } from './wasm-binary';

/** Rows of C per block; the block's columns are two f32x4 vectors (8) or one (4). */
const ROWS = 4;

/**
 * The `gemm` function of the SIMD module (see `SimdKernels.gemm`): blocks of 4 rows × 8 columns
 * of C in eight f32x4 accumulators (then 4 columns, then one at a time), each summing its k
 * products in order with a multiply and an add, as XNNPACK's kernels do.
 */
export function gemmFunction(): FunctionDefinition {
  const parameters = [I32, I32, I32, I32, I32, I32, I32, I32, I32] as const;
  const [a, b, out, bias, m, k, n, aRowStep, aColumnStep] = [0, 1, 2, 3, 4, 5, 6, 7, 8];
  const f = new FunctionBody(parameters.length);
  const i0 = f.local(I32);
  const j0 = f.local(I32);
  const p = f.local(I32);
  const pb = f.local(I32);
  const address = f.local(I32);
  const rowBytes = f.local(I32);
  const rowPointers = Array.from({ length: ROWS }, () => f.local(I32));
  const accumulators = Array.from({ length: ROWS * 2 }, () => f.local(V128));
  const bVectors = [f.local(V128), f.local(V128)];
  const splat = f.local(V128);
  const zero = f.local(V128);
  const scalar = f.local(F32);

  f.f32Const(0).f32x4Splat().set(zero);
  f.get(n).i32Const(2).i32Shl().set(rowBytes);

  /** A block of `rows` rows of C (from i0) and `vectors` f32x4 columns (from j0). */
  const block = (rows: number, vectors: number) => {
    const acc = (row: number, vector: number) => accumulators[row * 2 + vector]!;
    // Accumulators start at the bias, as XNNPACK's do, or at zero.
    f.get(bias).if();
    f.get(bias).get(j0).i32Const(2).i32Shl().i32Add().set(address);
    for (let row = 0; row < rows; row++) for (let vector = 0; vector < vectors; vector++) f.get(address).v128Load(16 * vector).set(acc(row, vector));
    f.else();
    for (let row = 0; row < rows; row++) for (let vector = 0; vector < vectors; vector++) f.get(zero).set(acc(row, vector));
    f.end();
    for (let row = 0; row < rows; row++) {
      f.get(a).get(i0);
      if (row > 0) f.i32Const(row).i32Add();
      f.get(aRowStep).i32Mul().i32Add().set(rowPointers[row]!);
    }
    f.get(b).get(j0).i32Const(2).i32Shl().i32Add().set(pb);
    f.get(k).set(p);
    f.repeat(() => {
      f.get(p).i32Eqz().brIf(1);
      for (let vector = 0; vector < vectors; vector++) f.get(pb).v128Load(16 * vector).set(bVectors[vector]!);
      for (let row = 0; row < rows; row++) {
        f.get(rowPointers[row]!).v128Load32Splat().set(splat);
        for (let vector = 0; vector < vectors; vector++) f.get(acc(row, vector)).get(splat).get(bVectors[vector]!).f32x4Mul().f32x4Add().set(acc(row, vector));
        f.get(rowPointers[row]!).get(aColumnStep).i32Add().set(rowPointers[row]!);
      }
      f.get(pb).get(rowBytes).i32Add().set(pb);
      f.get(p).i32Const(1).i32Sub().set(p);
    });
    for (let row = 0; row < rows; row++) {
      f.get(out).get(i0);
      if (row > 0) f.i32Const(row).i32Add();
      f.get(rowBytes).i32Mul().i32Add().get(j0).i32Const(2).i32Shl().i32Add().set(address);
      for (let vector = 0; vector < vectors; vector++) f.get(address).get(acc(row, vector)).v128Store(16 * vector);
    }
  };

  /** Every row of C for the columns [j0, j0 + 4·vectors), four rows at a time, then one by one. */
  const columnPanel = (vectors: number) => {
    f.i32Const(0).set(i0);
    f.repeat(() => {
      f.get(i0).i32Const(ROWS).i32Add().get(m).i32GtS().brIf(1);
      block(ROWS, vectors);
      f.get(i0).i32Const(ROWS).i32Add().set(i0);
    });
    f.repeat(() => {
      f.get(i0).get(m).i32GeS().brIf(1);
      block(1, vectors);
      f.get(i0).i32Const(1).i32Add().set(i0);
    });
  };

  f.i32Const(0).set(j0);
  f.repeat(() => {
    f.get(j0).i32Const(8).i32Add().get(n).i32GtS().brIf(1);
    columnPanel(2);
    f.get(j0).i32Const(8).i32Add().set(j0);
  });
  f.get(j0).i32Const(4).i32Add().get(n).i32LeS().if();
  columnPanel(1);
  f.get(j0).i32Const(4).i32Add().set(j0);
  f.end();
  // The last n % 4 columns, one value at a time.
  f.repeat(() => {
    f.get(j0).get(n).i32GeS().brIf(1);
    f.i32Const(0).set(i0);
    f.repeat(() => {
      f.get(i0).get(m).i32GeS().brIf(1);
      f.get(bias).if();
      f.get(bias).get(j0).i32Const(2).i32Shl().i32Add().f32Load().set(scalar);
      f.else();
      f.f32Const(0).set(scalar);
      f.end();
      f.get(a).get(i0).get(aRowStep).i32Mul().i32Add().set(rowPointers[0]!);
      f.get(b).get(j0).i32Const(2).i32Shl().i32Add().set(pb);
      f.get(k).set(p);
      f.repeat(() => {
        f.get(p).i32Eqz().brIf(1);
        f.get(scalar).get(rowPointers[0]!).f32Load().get(pb).f32Load().f32Mul().f32Add().set(scalar);
        f.get(rowPointers[0]!).get(aColumnStep).i32Add().set(rowPointers[0]!);
        f.get(pb).get(rowBytes).i32Add().set(pb);
        f.get(p).i32Const(1).i32Sub().set(p);
      });
      f.get(out).get(i0).get(rowBytes).i32Mul().i32Add().get(j0).i32Const(2).i32Shl().i32Add().get(scalar).f32Store();
      f.get(i0).i32Const(1).i32Add().set(i0);
    });
    f.get(j0).i32Const(1).i32Add().set(j0);
  });
  return { name: 'gemm', parameters, results: [], body: f };
}
