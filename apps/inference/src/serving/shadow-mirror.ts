import type { Logger } from '@aiaas/observability';
import type { ShadowDeployments, ShadowRecord, VersionSelector } from '@aiaas/registry';
import type { LoadedVersion } from '../model-repository';
import type { RequestMirror } from '../predictor';
import { encodeMirroredRequest, type MirroredRequest } from './mirrored-request';
import { SingleFlight } from './single-flight';

export interface ShadowMirrorOptions {
  readonly shadows: ShadowDeployments;
  /** How old a model's shadow reading may get before it is read again. */
  readonly refreshMs: number;
  readonly logger: Logger;
  readonly now?: () => number;
  /** A number in [0, 1): whether a request is sampled. Default Math.random. */
  readonly random?: () => number;
}

interface Reading {
  readonly shadow: ShadowRecord | undefined;
  readonly readAt: number;
}

/**
 * The serving side of shadow deployments: copies a sample of the requests an alias answers to
 * the stream its shadow candidate is compared from. It never delays or fails a request: the
 * model's shadow is read in the background (so a model's first request is never mirrored),
 * and a failed copy is only logged.
 */
export class ShadowMirror implements RequestMirror {
  private readonly readings = new Map<string, Reading>();
  private readonly reading = new SingleFlight<void>();
  private readonly now: () => number;
  private readonly random: () => number;

  constructor(private readonly options: ShadowMirrorOptions) {
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
  }

  offer(modelName: string, selector: VersionSelector, version: LoadedVersion, request: () => MirroredRequest): void {
    const reading = this.readings.get(modelName);
    if (!reading || this.now() - reading.readAt > this.options.refreshMs) this.refresh(modelName);
    const shadow = reading?.shadow;
    if (shadow?.state !== 'shadowing' || !('alias' in selector) || selector.alias !== shadow.alias) return;
    if (version.record.version === shadow.candidateVersion || this.random() * 100 >= shadow.samplePercent) return;
    this.options.shadows
      .mirror(modelName, shadow.id, version.record.version, encodeMirroredRequest(request()))
      .catch((error: unknown) => this.options.logger.warn('could not mirror a request to the shadow candidate', { model: modelName, error: String(error) }));
  }

  /** A shadow deployment of the model started or ended: read it again. */
  changed(modelName: string): void {
    this.refresh(modelName);
  }

  private refresh(modelName: string): void {
    void this.reading.run(modelName, () =>
      this.options.shadows.record(modelName).then(
        (shadow) => void this.readings.set(modelName, { shadow, readAt: this.now() }),
        (error: unknown) => {
          this.options.logger.warn('could not read the shadow deployment; mirroring as before', { model: modelName, error: String(error) });
          this.readings.set(modelName, { shadow: this.readings.get(modelName)?.shadow, readAt: this.now() });
        },
      ),
    );
  }
}
