import type { ColumnStatistics } from '@aiaas/data';
import { LengthHistogram } from './length-histogram';
import { TextMeasure } from './text-measure';

/** The text part of a column's statistics. */
export type TextStatistics = NonNullable<ColumnStatistics['text']>;

/**
 * Lengths in characters and token counts of a stream of strings, in constant memory: min, max
 * and mean length, mean tokens, and a power-of-two length histogram. The last string's
 * measurements stay readable in `lastLength` and `lastTokens`, so a caller that also needs them
 * does not measure twice.
 */
export class TextSummary {
  private readonly measure = new TextMeasure();
  private readonly histogram = new LengthHistogram();
  private count = 0;
  private minLength = Infinity;
  private maxLength = 0;
  private totalLength = 0;
  private totalTokens = 0;

  /** Length in characters of the string added last. */
  get lastLength(): number {
    return this.measure.length;
  }

  /** Tokens of the string added last. */
  get lastTokens(): number {
    return this.measure.tokens;
  }

  /** Adds one string. */
  add(text: string): void {
    this.measure.measure(text);
    const { length, tokens } = this.measure;
    this.count += 1;
    if (length < this.minLength) this.minLength = length;
    if (length > this.maxLength) this.maxLength = length;
    this.totalLength += length;
    this.totalTokens += tokens;
    this.histogram.add(length);
  }

  /** The statistics; undefined when no string was added. */
  result(): TextStatistics | undefined {
    if (this.count === 0) return undefined;
    return {
      minLength: this.minLength,
      maxLength: this.maxLength,
      meanLength: this.totalLength / this.count,
      meanTokens: this.totalTokens / this.count,
      lengthHistogram: this.histogram.buckets(),
    };
  }
}
