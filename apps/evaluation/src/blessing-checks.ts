import { isMetricName, shortfall } from '@aiaas/metrics';
import type { ComparisonRecord } from '@aiaas/registry';

/** What a pipeline asks of a candidate beyond `min_accuracy`. */
export interface BlessingChecks {
  readonly thresholds: readonly { readonly metric: string; readonly min?: number; readonly max?: number }[];
  readonly maxRegression: readonly { readonly metric: string; readonly tolerance: number }[];
}

/** One check's outcome, as a clause of the verdict's reason. */
export interface CheckOutcome {
  readonly passed: boolean;
  readonly clause: string;
}

/** The candidate's metrics, and why the undefined ones are undefined. */
export interface MetricValues {
  readonly metrics: Readonly<Record<string, number>>;
  readonly undefinedMetrics: Readonly<Record<string, string>>;
}

const fixed = (value: number) => value.toFixed(3);

function thresholdOutcome(values: MetricValues, threshold: BlessingChecks['thresholds'][number]): CheckOutcome {
  const { metric, min, max } = threshold;
  const value = values.metrics[metric];
  const bounds = [min === undefined ? undefined : `min ${fixed(min)}`, max === undefined ? undefined : `max ${fixed(max)}`].filter(Boolean).join(' and ');
  if (value === undefined) {
    const why = values.undefinedMetrics[metric] ?? 'not measured';
    return { passed: false, clause: `${metric} is undefined (${why}), so it cannot meet ${bounds}` };
  }
  if (min !== undefined && value < min) return { passed: false, clause: `${metric} ${fixed(value)} < min ${fixed(min)}` };
  if (max !== undefined && value > max) return { passed: false, clause: `${metric} ${fixed(value)} > max ${fixed(max)}` };
  return { passed: true, clause: `${metric} ${fixed(value)} within ${bounds}` };
}

function regressionOutcome(values: MetricValues, tolerance: BlessingChecks['maxRegression'][number], comparison: ComparisonRecord | undefined): CheckOutcome {
  const { metric } = tolerance;
  if (!comparison) return { passed: true, clause: `no production version to compare ${metric} with` };
  const production = `production (version ${comparison.baselineVersion})`;
  const candidate = comparison.deltas[metric] === undefined ? undefined : comparison.baseline[metric]! + comparison.deltas[metric]!;
  const baseline = comparison.baseline[metric];
  if (candidate === undefined || baseline === undefined || !isMetricName(metric)) {
    const why = values.undefinedMetrics[metric] ?? 'undefined on the shared rows';
    return { passed: false, clause: `${metric} cannot be compared with ${production} (${why})` };
  }
  const worse = shortfall(metric, candidate, baseline);
  const passed = worse <= tolerance.tolerance + 1e-12;
  const change = worse > 0 ? `${fixed(worse)} worse than` : `${fixed(-worse)} better than`;
  return { passed, clause: `${metric} ${fixed(candidate)} is ${change} ${production}'s ${fixed(baseline)}${passed ? '' : `, more than the ${fixed(tolerance.tolerance)} allowed`}` };
}

/**
 * The outcome of every threshold and every tolerance against production. A metric the data
 * leaves undefined fails its threshold (a bound that cannot be checked is not met); without a
 * production version, tolerances pass and say so.
 */
export function blessingOutcomes(values: MetricValues, checks: BlessingChecks, comparison: ComparisonRecord | undefined): CheckOutcome[] {
  return [...checks.thresholds.map((threshold) => thresholdOutcome(values, threshold)), ...checks.maxRegression.map((tolerance) => regressionOutcome(values, tolerance, comparison))];
}
