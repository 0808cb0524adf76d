import { parseArgs } from 'node:util';
import { InvalidArgumentError } from '@aiaas/errors';
import type { ShadowDeployment__Output, StartShadowRequest } from '@aiaas/proto';
import type { Command } from '../cli-context';

const USAGE = 'shadow NAME --version N [--alias A] [--sample P] [--min-requests N] [--min-agreement A] [--max-difference D] [--max-latency-ratio R] | shadow NAME --stop';

/** What `aiaas shadow` asks for: start a shadow deployment, or stop the running one. */
export type ShadowArgs = { readonly stop: true; readonly modelName: string } | { readonly stop: false; readonly request: StartShadowRequest };

function number(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value)) throw new InvalidArgumentError(flag, `expected a number, got "${text}"`);
  return value;
}

export function shadowArgsFrom(args: string[]): ShadowArgs {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      version: { type: 'string' },
      alias: { type: 'string' },
      sample: { type: 'string' },
      'min-requests': { type: 'string' },
      'min-agreement': { type: 'string' },
      'max-difference': { type: 'string' },
      'max-latency-ratio': { type: 'string' },
      stop: { type: 'boolean', default: false },
    },
  });
  const modelName = positionals[0];
  if (!modelName) throw new InvalidArgumentError('model', `name the model: aiaas ${USAGE}`);
  if (values.stop) return { stop: true, modelName };
  const version = number('--version', values.version);
  if (version === undefined || !Number.isInteger(version) || version < 1) throw new InvalidArgumentError('--version', "expected the candidate's version number; --stop ends a shadow deployment");
  const minRequests = number('--min-requests', values['min-requests']);
  if (minRequests !== undefined && !(Number.isInteger(minRequests) && minRequests >= 1)) throw new InvalidArgumentError('--min-requests', `expected a whole number of 1 or more, got ${minRequests}`);
  const tolerance = {
    min_agreement: number('--min-agreement', values['min-agreement']),
    max_mean_abs_difference: number('--max-difference', values['max-difference']),
    max_latency_ratio: number('--max-latency-ratio', values['max-latency-ratio']),
  };
  return {
    stop: false,
    request: {
      model_name: modelName,
      candidate_version: version,
      alias: values.alias ?? '',
      sample_percent: number('--sample', values.sample) ?? 0,
      min_requests: minRequests ?? 0,
      tolerance: Object.fromEntries(Object.entries(tolerance).filter(([, limit]) => limit !== undefined)),
    },
  };
}

const STATES: Record<ShadowDeployment__Output['state'], string> = {
  SHADOW_STATE_UNSPECIFIED: 'unknown',
  SHADOW_STATE_SHADOWING: 'shadowing',
  SHADOW_STATE_PROMOTED: 'promoted',
  SHADOW_STATE_HELD: 'held back',
  SHADOW_STATE_STOPPED: 'stopped',
};

/** A shadow deployment in one line, then its comparisons so far (as `aiaas models` and `aiaas shadow` print it). */
export function formatShadow(shadow: ShadowDeployment__Output): string[] {
  const head = `  shadow: version ${shadow.candidate_version} behind ${shadow.alias} (version ${shadow.baseline_version}), ${shadow.sample_percent}% of requests: ${STATES[shadow.state]}`;
  const measured = [
    `${shadow.compared_requests}/${shadow.min_requests} requests compared`,
    ...(shadow.failed_requests > 0 ? [`${shadow.failed_requests} failed`] : []),
    ...(shadow.skipped_requests > 0 ? [`${shadow.skipped_requests} skipped`] : []),
    ...(shadow.agreement === undefined ? [] : [`agreement ${shadow.agreement.toFixed(4)}`]),
    ...(shadow.mean_abs_difference === undefined ? [] : [`mean |difference| ${shadow.mean_abs_difference.toPrecision(3)}`]),
    ...(shadow.baseline_latency && shadow.candidate_latency
      ? [`p50/p99 ms ${shadow.baseline_latency.p50_ms.toFixed(2)}/${shadow.baseline_latency.p99_ms.toFixed(2)} → ${shadow.candidate_latency.p50_ms.toFixed(2)}/${shadow.candidate_latency.p99_ms.toFixed(2)}`]
      : []),
  ];
  return [head, `    ${measured.join(', ')}`, ...(shadow.reason ? [`    ${shadow.reason}`] : [])];
}

export const shadowCommand: Command = {
  usage: USAGE,
  summary: "mirror a share of an alias's requests to a blessed candidate; promote it when it compares within tolerance",
  async run(args, context) {
    const parsed = shadowArgsFrom(args);
    return context.withGateway(async (gateway) => {
      const model = parsed.stop ? await gateway.stopShadow(parsed.modelName) : await gateway.startShadow(parsed.request);
      context.out([model.name, ...(model.shadow ? formatShadow(model.shadow) : [])].join('\n'));
      return 0;
    });
  },
};
