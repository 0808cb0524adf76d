import { InvalidArgumentError } from '@aiaas/errors';
import type { Command } from '../cli-context';

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
