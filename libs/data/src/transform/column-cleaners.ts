import type { ClipBounds } from './cleaning-fit';
import { readBoolean, readCategory, readScalar, type RowReader } from './row-reader';

/**
 * Reads a numeric or timestamp cell cleaned: parsed strictly, a missing cell becomes `impute`
 * (not clipped), a present value is clipped to `clip`. Pass 2 of fitting and encoding share it,
 * so the statistics are computed on exactly the values the model sees.
 */
export function createScalarCleaner(column: string, type: 'numeric' | 'timestamp', impute: number, clip: ClipBounds | undefined): (row: RowReader) => number {
  if (clip === undefined) {
    return (row) => readScalar(row, column, type) ?? impute;
  }
  const { lower, upper } = clip;
  return (row) => {
    const value = readScalar(row, column, type);
    if (value === undefined) return impute;
    return value < lower ? lower : value > upper ? upper : value;
  };
}

/** Reads a boolean cell, a missing one becoming `impute`. */
export function createBooleanCleaner(column: string, impute: boolean): (row: RowReader) => boolean {
  return (row) => readBoolean(row, column) ?? impute;
}

/** Reads a categorical cell, a missing one becoming `impute` (or staying undefined without one). */
export function createCategoryCleaner(column: string, impute: string | undefined): (row: RowReader) => string | undefined {
  return (row) => readCategory(row, column) ?? impute;
}
