import { categoryOf, isMissing, parseBoolean, parseNumber, parseTimestamp, type ColumnStatistics, type DatasetProfile, type PresentValue, type RawValue } from '@aiaas/data';
import { FailedPreconditionError } from '@aiaas/errors';

/** The slice of a missing cell, and of a present value outside the named ones. */
export const MISSING_SLICE = '(missing)';
export const OTHER_SLICE = '(other)';

/** How one column's raw cells map to slice names. */
export interface SliceColumn {
  readonly column: string;
  sliceOf(value: RawValue): string;
}

const QUARTILES = [25, 50, 75] as const;

/** Four significant digits: bucket bounds are for people to read. */
const readable = (value: number) => String(Number(value.toPrecision(4)));

/** Buckets between the profile's quartiles ("< 10", "[10, 20)", "≥ 30"), equal quartiles merged. */
function quartileBuckets(statistics: ColumnStatistics, parse: (value: RawValue) => number | undefined, show: (value: number) => string): (value: RawValue) => string {
  const quantiles = statistics.numeric?.quantiles ?? [];
  const bounds = [...new Set(QUARTILES.map((percentile) => quantiles[percentile]).filter((value): value is number => value !== undefined))].sort((a, b) => a - b);
  return (value) => {
    const number = parse(value);
    if (number === undefined) return MISSING_SLICE;
    if (bounds.length === 0) return 'all';
    const above = bounds.filter((bound) => number >= bound).length;
    if (above === 0) return `< ${show(bounds[0]!)}`;
    if (above === bounds.length) return `≥ ${show(bounds[bounds.length - 1]!)}`;
    return `[${show(bounds[above - 1]!)}, ${show(bounds[above]!)})`;
  };
}

function sliceColumn(statistics: ColumnStatistics): SliceColumn {
  const column = statistics.name;
  const named = new Set(statistics.topValues.values.map((entry) => entry.value));
  const present = (slice: (value: PresentValue) => string) => (value: RawValue) => (isMissing(value) ? MISSING_SLICE : slice(value));
  switch (statistics.type) {
    case 'numeric':
      return { column, sliceOf: quartileBuckets(statistics, (value) => (isMissing(value) ? undefined : parseNumber(value)), readable) };
    case 'timestamp':
      return {
        column,
        sliceOf: quartileBuckets(statistics, (value) => (isMissing(value) ? undefined : parseTimestamp(value)), (ms) => new Date(ms).toISOString().slice(0, 10)),
      };
    case 'boolean':
      return { column, sliceOf: present((value) => String(parseBoolean(value) ?? OTHER_SLICE)) };
    case 'categorical':
    case 'text':
    case 'id':
      return { column, sliceOf: present((value) => (named.has(categoryOf(value)) ? categoryOf(value) : OTHER_SLICE)) };
  }
}

/**
 * How to slice by `columns`, from the dataset's profile: each of the (at most 10) most frequent
 * values of a categorical, boolean, text or id column, the rest as "(other)"; the quartile
 * buckets of a numeric or timestamp column; "(missing)" for missing cells.
 */
export function sliceColumnsOf(profile: DatasetProfile, columns: readonly string[]): SliceColumn[] {
  return columns.map((column) => {
    const statistics = profile.columns.find((entry) => entry.name === column);
    if (!statistics) throw new FailedPreconditionError(`the dataset has no column "${column}" to slice by`);
    return sliceColumn(statistics);
  });
}
