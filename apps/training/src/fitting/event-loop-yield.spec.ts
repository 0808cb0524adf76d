import { EventLoopYield } from './event-loop-yield';

describe('EventLoopYield', () => {
  it('is due once its interval has passed since it was made or last yielded', async () => {
    const every20 = new EventLoopYield(20);
    expect(every20.due).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(every20.due).toBe(true);
    await every20.yield();
    expect(every20.due).toBe(false);
  });

  it('is always due with an interval of 0', () => {
    expect(new EventLoopYield(0).due).toBe(true);
  });

  it('lets callbacks queued with setImmediate run before it resolves', async () => {
    let ran = false;
    setImmediate(() => (ran = true));
    await new EventLoopYield(0).yield();
    expect(ran).toBe(true);
  });
});
