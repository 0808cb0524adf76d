import { InvalidArgumentError } from '@aiaas/errors';
import { categoryOf, isMissing, parseNumber, type RawValue } from '../raw-values';

function quote(value: RawValue): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

/** The class label a target cell names; a missing target is an `InvalidArgumentError` naming the cell (`where`). */
export function classLabelOf(value: RawValue, where: string, column: string): string {
  if (isMissing(value)) throw new InvalidArgumentError(where, `the target "${column}" is missing; rows without a target cannot be used`);
  return categoryOf(value);
}

/** The number a regression target cell holds; missing or unparseable is an `InvalidArgumentError` naming the cell. */
export function regressionValueOf(value: RawValue, where: string, column: string): number {
  if (isMissing(value)) throw new InvalidArgumentError(where, `the target "${column}" is missing; rows without a target cannot be used`);
  const number = parseNumber(value);
  if (number === undefined) throw new InvalidArgumentError(where, `${quote(value)} is not a number; the regression target "${column}" needs numbers`);
  return number;
}
