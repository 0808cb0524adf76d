import { silentLogger } from '@aiaas/observability';
import { ShutdownCoordinator } from './shutdown-coordinator';

describe('ShutdownCoordinator', () => {
  it('runs the steps once, the most recently added first', async () => {
    const order: string[] = [];
    const coordinator = new ShutdownCoordinator(silentLogger, 1_000);
    coordinator.add('close', () => order.push('close'));
    coordinator.add('drain', async () => {
      await new Promise((resolve) => setTimeout(resolve, 10));
      order.push('drain');
    });
    coordinator.add('health', () => order.push('health'));

    const [first, second] = await Promise.all([coordinator.shutdown('SIGTERM'), coordinator.shutdown('SIGINT')]);
    expect(order).toEqual(['health', 'drain', 'close']);
    expect(first).toBe(true);
    expect(second).toBe(true);
    expect(coordinator.shuttingDown).toBe(true);
  });

  it('keeps going after a failing step and reports an unclean shutdown', async () => {
    const order: string[] = [];
    const coordinator = new ShutdownCoordinator(silentLogger, 1_000);
    coordinator.add('close', () => order.push('close'));
    coordinator.add('broken', () => {
      throw new Error('boom');
    });
    await expect(coordinator.shutdown('test')).resolves.toBe(false);
    expect(order).toEqual(['close']);
  });

  it('stops waiting for a step when the grace period is over', async () => {
    const coordinator = new ShutdownCoordinator(silentLogger, 50);
    coordinator.add('stuck', () => new Promise(() => undefined));
    const started = Date.now();
    await expect(coordinator.shutdown('test')).resolves.toBe(false);
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
