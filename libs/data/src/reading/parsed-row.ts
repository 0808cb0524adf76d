import type { RawValue } from '../raw-values';

/** One data row as read from a file, before any typing. */
export interface ParsedRow {
  /** Cells in column order: strings from CSV, JSON values from JSONL; undefined when absent. */
  readonly values: RawValue[];
  /** 1-based data row number over the whole file (a header line is not a row). */
  readonly rowNumber: number;
  /** 1-based line of the file the row ends on; 0 when positions are not tracked. */
  readonly line: number;
  /** Byte offset in the file just after the row (where the next row starts); 0 when not tracked. */
  readonly endByte: number;
}

/** Where reading starts: the file's beginning, or a row boundary recorded at ingestion. */
export interface ReadStart {
  readonly byteOffset: number;
  readonly firstRow: number;
  readonly firstLine: number;
}

export const FILE_START: ReadStart = { byteOffset: 0, firstRow: 1, firstLine: 1 };
