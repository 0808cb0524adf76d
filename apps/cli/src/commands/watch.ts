import { InvalidArgumentError } from '@aiaas/errors';
import type { GatewayClient } from '@aiaas/proto';
import type { Command } from '../cli-context';
import { formatJobEvent } from '../format';

/** Prints a job's events until it finishes; resolves true when it succeeded. */
export async function followJob(gateway: GatewayClient, jobId: string, out: (line: string) => void): Promise<boolean> {
  let succeeded = false;
  for await (const event of gateway.watchJob(jobId)) {
    out(formatJobEvent(event));
    if (event.job_finished) succeeded = event.job_finished.state === 'JOB_STATE_SUCCEEDED';
  }
  return succeeded;
}

export const watchCommand: Command = {
  usage: 'watch <job-id>',
  summary: "stream a job's progress (stages and epochs) until it finishes",
  async run(args, context) {
    const jobId = args[0];
    if (!jobId) throw new InvalidArgumentError('job-id', 'give the job to watch');
    return context.withGateway(async (gateway) => {
      return (await followJob(gateway, jobId, context.out)) ? 0 : 1;
    });
  },
};
