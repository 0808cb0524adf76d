import { InvalidArgumentError } from '@aiaas/errors';
import type { Command } from '../cli-context';

export const cancelCommand: Command = {
  usage: 'cancel <job-id>',
  summary: 'stop a job: at once when queued, at the next batch when training',
  async run(args, context) {
    const jobId = args[0];
    if (!jobId) throw new InvalidArgumentError('job-id', 'give the job to cancel');
    return context.withGateway(async (gateway) => {
      const job = await gateway.cancelJob(jobId);
      const state = job.state.replace('JOB_STATE_', '').toLowerCase();
      context.out(state === 'cancelled' ? `job ${job.id}: cancelled` : `job ${job.id}: cancel requested; it stops at its next safe point (\`aiaas watch ${job.id}\`)`);
      return 0;
    });
  },
};
