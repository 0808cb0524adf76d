import type { SliceRecord } from '@aiaas/registry';
import { selectRows, type ScoredRows } from './scored-rows';
import type { TaskScores } from './task-scores';

/**
 * Task scores per slice: for each slice column, one accumulator per value met. Rows are routed
 * by the slice names their cells map to; `result` lists every slice with rows, by column then
 * value.
 */
export class SliceScores {
  private readonly byColumn: Map<string, Map<string, TaskScores>>;

  constructor(
    readonly columns: readonly string[],
    private readonly createScores: () => TaskScores,
  ) {
    this.byColumn = new Map(columns.map((column) => [column, new Map()]));
  }

  /** Adds `scored`, whose row i has the slice names `names[i]` (one per column, in column order). */
  add(scored: ScoredRows, names: readonly (readonly string[])[]): void {
    this.columns.forEach((column, columnIndex) => {
      const groups = new Map<string, number[]>();
      names.forEach((rowNames, row) => {
        const name = rowNames[columnIndex]!;
        const group = groups.get(name);
        if (group) group.push(row);
        else groups.set(name, [row]);
      });
      const scores = this.byColumn.get(column)!;
      for (const [name, rows] of groups) {
        let slice = scores.get(name);
        if (!slice) {
          slice = this.createScores();
          scores.set(name, slice);
        }
        slice.add(selectRows(scored, rows));
      }
    });
  }

  result(): SliceRecord[] {
    return this.columns.flatMap((column) =>
      [...this.byColumn.get(column)!.entries()]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([value, scores]) => {
          const { rows, metrics } = scores.result();
          return { column, value, rows, metrics: { ...metrics } };
        }),
    );
  }
}
