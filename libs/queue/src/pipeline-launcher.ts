import { FlowProducer, type FlowJob, type FlowJobNode, type JobsOptions } from 'bullmq';
import { traceCarrier } from '@aiaas/observability';
import { TRACE_KEY } from './trace-key';
import type { Redis } from 'ioredis';
import type { StageName } from '@aiaas/registry';
import { JOB_RETENTION } from './job-retention';
import { JOB_NAMES, QUEUE_NAMES, STAGE_CONTRACTS, type StagePayload } from './stage-contracts';

/** Payloads of every stage of one pipeline run. */
export type PipelinePayloads = { readonly [S in StageName]: StagePayload<S> };

/** Retry and retention settings of pipeline jobs. */
export interface PipelineJobOptions {
  /** Attempts per stage, including the first. Default 3. */
  readonly attempts?: number;
  /** First retry delay; doubles each attempt. Default 2 s. */
  readonly backoffMs?: number;
}

// The flow runs children first, so the chain is written from its end: deploy is the root and
// preprocess the deepest child.

/** Starts pipelines as one BullMQ flow: preprocess -> train -> evaluate -> deploy. */
export class PipelineLauncher {
  private readonly producer: FlowProducer;

  constructor(
    connection: Redis,
    prefix: string,
    private readonly options: PipelineJobOptions = {},
  ) {
    this.producer = new FlowProducer({ connection, prefix });
  }

  /** Adds the whole flow atomically. Payloads are validated here, before anything is queued. */
  async start(payloads: PipelinePayloads): Promise<void> {
    // The trace of the call that starts the pipeline goes with every stage, so one pipeline is one trace.
    const trace = { [TRACE_KEY]: traceCarrier() };
    const jobOptions = (stage: StageName): JobsOptions => ({
      jobId: `${payloads.preprocess.jobId}-${stage}`,
      attempts: this.options.attempts ?? 3,
      backoff: { type: 'exponential', delay: this.options.backoffMs ?? 2_000 },
      ...JOB_RETENTION,
    });
    const node = (stage: StageName, child?: FlowJobNode): FlowJobNode => ({
      name: JOB_NAMES[stage],
      queueName: QUEUE_NAMES[stage],
      data: { ...STAGE_CONTRACTS[stage].payload.parse(payloads[stage]), ...trace },
      opts: { ...jobOptions(stage), failParentOnFailure: true },
      ...(child ? { children: [child] } : {}),
    });
    const evaluate = node('evaluate', node('train', node('preprocess')));
    const flow: FlowJob = {
      name: JOB_NAMES.deploy,
      queueName: QUEUE_NAMES.deploy,
      data: { ...STAGE_CONTRACTS.deploy.payload.parse(payloads.deploy), ...trace },
      opts: jobOptions('deploy'),
      children: [evaluate],
    };
    await this.producer.add(flow);
  }

  async close(): Promise<void> {
    await this.producer.close();
  }
}
