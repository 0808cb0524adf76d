export interface ConfusionCell {
  readonly predicted: string;
  readonly count: number;
  /** Of the row's rows (the recall of its class on the diagonal); 0 for an empty row. */
  readonly share: number;
}

export interface ConfusionRow {
  readonly actual: string;
  readonly total: number;
  readonly cells: readonly ConfusionCell[];
}

/**
 * A confusion matrix, row-major as the API sends it (`counts[actual * classes + predicted]`), as
 * rows of cells; an error when the counts do not make a square of the labels.
 */
export function confusionRows(labels: readonly string[], counts: readonly number[]): ConfusionRow[] {
  if (counts.length !== labels.length * labels.length) {
    throw new Error(`a confusion matrix of ${labels.length} classes has ${labels.length * labels.length} counts, not ${counts.length}`);
  }
  return labels.map((actual, row) => {
    const rowCounts = counts.slice(row * labels.length, (row + 1) * labels.length);
    const total = rowCounts.reduce((sum, count) => sum + count, 0);
    return { actual, total, cells: rowCounts.map((count, column) => ({ predicted: labels[column]!, count, share: total === 0 ? 0 : count / total })) };
  });
}
