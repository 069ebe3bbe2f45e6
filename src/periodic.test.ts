import { describe, expect, it } from 'vitest';
import { until } from '../test/helpers/until.js';
import { repeatEvery } from './periodic.js';

describe('repeatEvery', () => {
  it('runs a pass at once and again after each one ends, never two at once, and stop waits for the pass under way', async () => {
    let passes = 0;
    let running = 0;
    let overlapped = false;
    let release = () => {};
    const periodic = repeatEvery(5, async () => {
      passes++;
      overlapped ||= running > 0;
      running++;
      if (passes === 3) await new Promise<void>((resolve) => (release = resolve));
      running--;
    });
    await until(() => passes === 3);
    const stopping = periodic.stop().then(() => 'stopped');
    expect(await Promise.race([stopping, new Promise((resolve) => setTimeout(() => resolve('waiting'), 50))])).toBe('waiting');
    release();
    expect(await stopping).toBe('stopped');
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect({ passes, overlapped }).toEqual({ passes: 3, overlapped: false });
  });

  it('goes on after a pass that failed', async () => {
    let passes = 0;
    const periodic = repeatEvery(5, async () => {
      passes++;
      throw new Error('this pass failed');
    });
    await until(() => passes >= 2);
    await periodic.stop();
  });
});
