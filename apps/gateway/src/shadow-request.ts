import { InvalidArgumentError } from '@aiaas/errors';
import type { StartShadowRequest__Output } from '@aiaas/proto';
import { DEFAULT_ALIAS, type ShadowSpec, type ShadowTolerance } from '@aiaas/registry';

/** Share of the alias's requests mirrored when the request does not say. */
export const DEFAULT_SHADOW_SAMPLE_PERCENT = 10;
/** Mirrored requests compared before the verdict when the request does not say. */
export const DEFAULT_SHADOW_MIN_REQUESTS = 100;
/** Most mirrored requests a shadow may wait for: the stream keeps about 10,000. */
const MAX_SHADOW_MIN_REQUESTS = 10_000;

function tolerance(request: StartShadowRequest__Output): ShadowTolerance {
  const { min_agreement: minAgreement, max_mean_abs_difference: maxMeanAbsDifference, max_latency_ratio: maxLatencyRatio } = request.tolerance ?? {};
  if (minAgreement !== undefined && !(minAgreement >= 0 && minAgreement <= 1)) throw new InvalidArgumentError('tolerance.min_agreement', `must be in [0, 1], got ${minAgreement}`);
  if (maxMeanAbsDifference !== undefined && !(maxMeanAbsDifference >= 0 && Number.isFinite(maxMeanAbsDifference))) {
    throw new InvalidArgumentError('tolerance.max_mean_abs_difference', `must be a finite number of 0 or more, got ${maxMeanAbsDifference}`);
  }
  if (maxLatencyRatio !== undefined && !(maxLatencyRatio > 0 && Number.isFinite(maxLatencyRatio))) throw new InvalidArgumentError('tolerance.max_latency_ratio', `must be above 0, got ${maxLatencyRatio}`);
  if (minAgreement === undefined && maxMeanAbsDifference === undefined && maxLatencyRatio === undefined) {
    throw new InvalidArgumentError('tolerance', 'state at least one of min_agreement, max_mean_abs_difference and max_latency_ratio: the candidate is promoted only within them');
  }
  return {
    ...(minAgreement === undefined ? {} : { minAgreement }),
    ...(maxMeanAbsDifference === undefined ? {} : { maxMeanAbsDifference }),
    ...(maxLatencyRatio === undefined ? {} : { maxLatencyRatio }),
  };
}

/** The shadow deployment a StartShadow request asks for, defaults filled in; each problem is an InvalidArgumentError naming the field. */
export function shadowSpecOf(request: StartShadowRequest__Output): ShadowSpec {
  if (!request.model_name) throw new InvalidArgumentError('model_name', 'is required');
  if (!request.candidate_version) throw new InvalidArgumentError('candidate_version', 'is required: the blessed version to shadow');
  const samplePercent = request.sample_percent || DEFAULT_SHADOW_SAMPLE_PERCENT;
  if (!(samplePercent > 0 && samplePercent <= 100)) throw new InvalidArgumentError('sample_percent', `must be in (0, 100], got ${samplePercent}`);
  const minRequests = request.min_requests || DEFAULT_SHADOW_MIN_REQUESTS;
  if (minRequests > MAX_SHADOW_MIN_REQUESTS) throw new InvalidArgumentError('min_requests', `must be at most ${MAX_SHADOW_MIN_REQUESTS}, got ${minRequests}`);
  return { candidateVersion: request.candidate_version, alias: request.alias || DEFAULT_ALIAS, samplePercent, minRequests, tolerance: tolerance(request) };
}
