import { FunctionBody, I32, type FunctionDefinition } from './wasm-binary';

/** The `sumRows` function of the SIMD module (see `SimdKernels.sumRows`). */
export function sumRowsFunction(): FunctionDefinition {
  const parameters = [I32, I32, I32, I32] as const;
  const [x, out, rows, columns] = [0, 1, 2, 3];
  const f = new FunctionBody(parameters.length);
  const row = f.local(I32);
  const offset = f.local(I32);
  const vectorBytes = f.local(I32);
  const bytes = f.local(I32);
  const source = f.local(I32);
  f.get(columns).i32Const(2).i32Shl().set(bytes);
  f.get(bytes).i32Const(-16).i32And().set(vectorBytes);
  // out starts at zero, as the stock kernel's sums do; then each row is added in turn.
  f.i32Const(0).set(offset);
  f.repeat(() => {
    f.get(offset).get(bytes).i32GeS().brIf(1);
    f.get(out).get(offset).i32Add().f32Const(0).f32Store();
    f.get(offset).i32Const(4).i32Add().set(offset);
  });
  f.i32Const(0).set(row);
  f.get(x).set(source);
  f.repeat(() => {
    f.get(row).get(rows).i32GeS().brIf(1);
    f.i32Const(0).set(offset);
    f.repeat(() => {
      f.get(offset).get(vectorBytes).i32GeS().brIf(1);
      f.get(out).get(offset).i32Add();
      f.get(out).get(offset).i32Add().v128Load().get(source).get(offset).i32Add().v128Load().f32x4Add();
      f.v128Store();
      f.get(offset).i32Const(16).i32Add().set(offset);
    });
    f.repeat(() => {
      f.get(offset).get(bytes).i32GeS().brIf(1);
      f.get(out).get(offset).i32Add();
      f.get(out).get(offset).i32Add().f32Load().get(source).get(offset).i32Add().f32Load().f32Add();
      f.f32Store();
      f.get(offset).i32Const(4).i32Add().set(offset);
    });
    f.get(source).get(bytes).i32Add().set(source);
    f.get(row).i32Const(1).i32Add().set(row);
  });
  return { name: 'sumRows', parameters, results: [], body: f };
}

/** Side of the square tiles `transpose` copies, so that reads and writes stay in cache. */
const TILE = 16;

/** The `transpose` function of the SIMD module (see `SimdKernels.transpose`), tile by tile. */
export function transposeFunction(): FunctionDefinition {
  const parameters = [I32, I32, I32, I32] as const;
  const [x, out, rows, columns] = [0, 1, 2, 3];
  const f = new FunctionBody(parameters.length);
  const [rowStart, columnStart, row, column, rowEnd, columnEnd] = [f.local(I32), f.local(I32), f.local(I32), f.local(I32), f.local(I32), f.local(I32)];
  /** local = min(start + TILE, limit) */
  const tileEnd = (target: number, start: number, limit: number) => {
    f.get(start).i32Const(TILE).i32Add().set(target);
    f.get(target).get(limit).i32GtS().if().get(limit).set(target).end();
  };
  f.i32Const(0).set(rowStart);
  f.repeat(() => {
    f.get(rowStart).get(rows).i32GeS().brIf(1);
    tileEnd(rowEnd, rowStart, rows);
    f.i32Const(0).set(columnStart);
    f.repeat(() => {
      f.get(columnStart).get(columns).i32GeS().brIf(1);
      tileEnd(columnEnd, columnStart, columns);
      f.get(rowStart).set(row);
      f.repeat(() => {
        f.get(row).get(rowEnd).i32GeS().brIf(1);
        f.get(columnStart).set(column);
        f.repeat(() => {
          f.get(column).get(columnEnd).i32GeS().brIf(1);
          // out[column, row] = x[row, column]
          f.get(out).get(column).get(rows).i32Mul().get(row).i32Add().i32Const(2).i32Shl().i32Add();
          f.get(x).get(row).get(columns).i32Mul().get(column).i32Add().i32Const(2).i32Shl().i32Add().f32Load();
          f.f32Store();
          f.get(column).i32Const(1).i32Add().set(column);
        });
        f.get(row).i32Const(1).i32Add().set(row);
      });
      f.get(columnStart).i32Const(TILE).i32Add().set(columnStart);
    });
    f.get(rowStart).i32Const(TILE).i32Add().set(rowStart);
  });
  return { name: 'transpose', parameters, results: [], body: f };
}
