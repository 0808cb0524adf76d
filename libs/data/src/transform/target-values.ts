import { InvalidArgumentError } from '@aiaas/errors';
import { categoryOf, isMissing, parseNumber, type RawValue } from '../raw-values';

function quote(value: RawValue): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

function missingTarget(where: string, column: string): InvalidArgumentError {
  return new InvalidArgumentError(where, `the target "${column}" is missing; rows without a target cannot be used`);
}

/** The class label a target cell names; a missing target is an `InvalidArgumentError` naming the cell (`where`). */
export function classLabelOf(value: RawValue, where: string, column: string): string {
  if (isMissing(value)) throw missingTarget(where, column);
  return categoryOf(value);
}

/** The number a regression target cell holds; missing or unparseable is an `InvalidArgumentError` naming the cell. */
export function regressionValueOf(value: RawValue, where: string, column: string): number {
  if (isMissing(value)) throw missingTarget(where, column);
  const number = parseNumber(value);
  if (number === undefined) throw new InvalidArgumentError(where, `${quote(value)} is not a number; the regression target "${column}" needs numbers`);
  return number;
}

/** The text of a sequence target cell; a missing target is an `InvalidArgumentError` naming the cell. */
export function targetTextOf(value: RawValue, where: string, column: string): string {
  if (isMissing(value)) throw missingTarget(where, column);
  return typeof value === 'string' ? value : String(value);
}
