import { parseArgs } from 'node:util';
import { InvalidArgumentError } from '@aiaas/errors';
import type { Job__Output } from '@aiaas/proto';
import type { Command } from '../cli-context';
import { limitFlag } from './limit-flag';

/** One line per job: id, state, model, dataset. */
export function formatJobLine(job: Job__Output): string {
  return `${job.id}  ${job.state.replace('JOB_STATE_', '').toLowerCase().padEnd(9)}  ${job.model_name}${job.model_version ? ` v${job.model_version}` : ''}  ${job.dataset_id}`;
}

export const jobsCommand: Command = {
  usage: 'jobs [--limit N]',
  summary: 'list your jobs, newest first',
  async run(args, context) {
    const { values } = parseArgs({ args, options: { limit: { type: 'string' } } });
    const limit = limitFlag(values.limit);
    return context.withGateway(async (gateway) => {
      const jobs = await gateway.listJobs({ limit });
      if (jobs.length === 0) context.out('no jobs yet; start one with `aiaas train`');
      for (const job of jobs) context.out(formatJobLine(job));
      return 0;
    });
  },
};

export const jobCommand: Command = {
  usage: 'job <job-id>',
  summary: "show a job's state and the state of each stage",
  async run(args, context) {
    const jobId = args[0];
    if (!jobId) throw new InvalidArgumentError('job-id', 'give the job to show');
    return context.withGateway(async (gateway) => {
      const job = await gateway.getJob(jobId);
      context.out(`job ${job.id}: ${job.state.replace('JOB_STATE_', '').toLowerCase()}${job.error ? ` (${job.error})` : ''}`);
      context.out(`  dataset ${job.dataset_id}, target ${job.target_column}, model ${job.model_name}${job.model_version ? ` version ${job.model_version}` : ''}`);
      for (const stage of job.stages) {
        context.out(`  ${stage.stage.replace('STAGE_', '').toLowerCase().padEnd(10)} ${stage.state.replace('JOB_STATE_', '').toLowerCase()}${stage.error ? `: ${stage.error}` : ''}`);
      }
      return job.state === 'JOB_STATE_FAILED' || job.state === 'JOB_STATE_CANCELLED' ? 1 : 0;
    });
  },
};
