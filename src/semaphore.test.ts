import { describe, expect, it } from 'vitest';
import { Semaphore } from './semaphore.js';

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

describe('Semaphore', () => {
  it('runs at most `limit` tasks at once and starts the waiting ones in arrival order', async () => {
    const semaphore = new Semaphore(2);
    const gates = [gate(), gate(), gate(), gate()];
    const started: number[] = [];
    let running = 0;
    let most = 0;
    const all = gates.map((g, i) =>
      semaphore.run(async () => {
        started.push(i);
        most = Math.max(most, ++running);
        await g.opened;
        running--;
      }),
    );
    await Promise.resolve();
    expect(semaphore.load).toEqual({ running: 2, queued: 2 });
    for (const g of gates) g.open();
    await Promise.all(all);
    expect(most).toBe(2);
    expect(started).toEqual([0, 1, 2, 3]);
    expect(semaphore.load).toEqual({ running: 0, queued: 0 });
  });

  it('drops a waiting task whose signal is aborted, with the signal reason', async () => {
    const semaphore = new Semaphore(1);
    const g = gate();
    const first = semaphore.run(() => g.opened);
    const controller = new AbortController();
    let ran = false;
    const second = semaphore.run(async () => {
      ran = true;
    }, controller.signal);
    controller.abort(new Error('cancelled'));
    await expect(second).rejects.toThrow('cancelled');
    expect(semaphore.load.queued).toBe(0);
    g.open();
    await first;
    expect(ran).toBe(false);
    expect(semaphore.load.running).toBe(0);
  });

  it('refuses a limit below one', () => {
    expect(() => new Semaphore(0)).toThrow(RangeError);
  });
});
