import type { DatasetProfile, DeclaredColumn, RawValue } from '@aiaas/data';
import { ColumnProfiler } from './column-profiler';
import { SchemaValidator } from './schema-validator';

/**
 * Profiles a dataset read once, row by row, in memory that does not grow with the rows: each
 * column's type (declared, or inferred by `ColumnTypeInferrer`'s rules), its statistics, and
 * the anomalies against the declared columns with the rows they occur on.
 *
 * @example
 * ```ts
 * const profiler = new DatasetProfiler(['age', 'city'], new Map([['age', declaredColumnSchema.parse({ name: 'age', type: 'numeric', min: 0 })]]));
 * profiler.add(['42', 'Paris'], 1);
 * profiler.add(['-1', 'Lyon'], 2);
 * profiler.finish().anomalies; // [{ column: 'age', kind: 'out-of-range', count: 1, rows: [2], examples: ['-1'], … }]
 * ```
 */
export class DatasetProfiler {
  private readonly columns: ColumnProfiler[];
  private readonly validator: SchemaValidator;
  private rows = 0;

  /**
   * @param columnNames The dataset's columns, in the order of each row's values.
   * @param declared What the user declared, by column name.
   * @throws InvalidArgumentError on `schema.columns["name"]` for a declared column the dataset lacks.
   */
  constructor(columnNames: readonly string[], declared: ReadonlyMap<string, DeclaredColumn>) {
    this.validator = new SchemaValidator(columnNames, declared);
    this.columns = columnNames.map((name) => new ColumnProfiler(name, declared.get(name)?.type));
  }

  /** Data rows added. */
  get rowCount(): number {
    return this.rows;
  }

  /**
   * Adds one data row: `values` aligned with the column names (an absent cell is undefined;
   * values past the last column are ignored), `rowNumber` its 1-based number among data rows.
   */
  add(values: readonly RawValue[], rowNumber: number): void {
    this.rows += 1;
    const columns = this.columns;
    for (let index = 0; index < columns.length; index++) columns[index]!.add(values[index]);
    this.validator.record(values, rowNumber);
  }

  /**
   * The profile of the rows so far: declared types as declared (`inferred: false`), others
   * inferred; anomalies by column order, then kind; `rowsWithAnomalies` counts rows with an
   * anomalous cell (a column's missing rate is about the column, not a row). May be called
   * again after more rows.
   */
  finish(): DatasetProfile {
    return {
      format: 'aiaas.dataset-profile/v1',
      rowCount: this.rows,
      columns: this.columns.map((column) => column.finish()),
      anomalies: this.validator.anomalies(this.rows),
      rowsWithAnomalies: this.validator.rowsWithAnomalies,
    };
  }
}
