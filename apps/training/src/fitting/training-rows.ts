import { createSeededRandom, shuffleInPlace } from '@aiaas/data';

/** Row-major values of one model input. */
export interface InputColumn {
  readonly values: Float32Array | Int32Array;
  /** Values per row. */
  readonly width: number;
}

/** One batch, as typed arrays in the model's input order. */
export interface RowBatch {
  readonly rows: number;
  readonly inputs: ReadonlyArray<Float32Array | Int32Array>;
  /** [rows × labelWidth], row-major. */
  readonly labels: Float32Array | Int32Array;
}

function gather<T extends Float32Array | Int32Array>(source: T, width: number, rows: ArrayLike<number>, start: number, end: number): T {
  const target = new (source.constructor as new (length: number) => T)((end - start) * width);
  for (let index = start; index < end; index++) {
    const row = rows[index]!;
    if (width === 1) target[index - start] = source[row]!;
    else target.set(source.subarray(row * width, (row + 1) * width), (index - start) * width);
  }
  return target;
}

/** The seeded order rows are visited in during `epoch`: a fresh permutation every epoch. */
export function epochOrder(rows: number, seed: number, epoch: number): Int32Array {
  const order = shuffleInPlace(Array.from({ length: rows }, (_, row) => row), createSeededRandom(Math.imul(seed + 1, 0x9e3779b1) ^ epoch));
  return Int32Array.from(order);
}

/** Rows held in memory as the model consumes them: one column per model input, and labels. */
export class TrainingRows {
  constructor(
    readonly rows: number,
    readonly inputs: readonly InputColumn[],
    /** [rows × labelWidth], row-major. */
    readonly labels: Float32Array | Int32Array,
    /** Label values per row: 1, or a target sequence's length. */
    readonly labelWidth = 1,
  ) {
    for (const input of inputs) {
      if (input.values.length !== rows * input.width) throw new Error(`an input of width ${input.width} holds ${input.values.length} values, not ${rows} rows' worth`);
    }
    if (labels.length !== rows * labelWidth) throw new Error(`${labels.length} label values for ${rows} rows of ${labelWidth}`);
  }

  /** Rows `order[start..end)`, copied out in that order. */
  batch(order: ArrayLike<number>, start: number, end: number): RowBatch {
    return {
      rows: end - start,
      inputs: this.inputs.map((input) => gather(input.values, input.width, order, start, end)),
      labels: gather(this.labels, this.labelWidth, order, start, end),
    };
  }

  /** The rows at `indexes`, in that order. */
  select(indexes: ArrayLike<number>): TrainingRows {
    const { inputs, labels, rows } = this.batch(indexes, 0, indexes.length);
    return new TrainingRows(
      rows,
      inputs.map((values, index) => ({ values, width: this.inputs[index]!.width })),
      labels,
      this.labelWidth,
    );
  }

  /**
   * Splits off a seeded `fraction` of the rows for validation, the rest for training; both
   * keep their rows in the original order.
   */
  holdOut(fraction: number, seed: number): { train: TrainingRows; validation: TrainingRows } {
    const held = Math.round(this.rows * fraction);
    const order = epochOrder(this.rows, seed, -1);
    const validation = Int32Array.from(order.subarray(0, held)).sort();
    const train = Int32Array.from(order.subarray(held)).sort();
    return { train: this.select(train), validation: this.select(validation) };
  }
}
