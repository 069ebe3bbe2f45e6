import { afterAll, describe, expect, it } from 'vitest';
import { PYTHON_ERROR } from '../../test/render/samples.js';
import { renderScreenshots } from './screenshot.js';
import { RenderPool } from './worker-pool.js';

describe('RenderPool', () => {
  const pool = new RenderPool(2);
  afterAll(() => pool.close());

  it('renders in worker threads the same bytes as in the calling thread', async () => {
    const input = { ...PYTHON_ERROR, scale: 1 };
    const [fromWorker] = await pool.render(input);
    expect(fromWorker!.equals(renderScreenshots(input)[0]!)).toBe(true);
  });

  it('starts and warms every worker on request', async () => {
    const fresh = new RenderPool(2);
    try {
      await fresh.warm();
      const [png] = await fresh.render({ language: 'c', code: 'int main(void) { return 0; }', scale: 1 });
      expect(png!.subarray(1, 4).toString()).toBe('PNG');
    } finally {
      await fresh.close();
    }
  });

  it('reports a bad input as a rejected promise and keeps working', async () => {
    await expect(pool.render({ language: 'python', code: '', scale: 5 })).rejects.toThrow(/scale/);
    const results = await Promise.all([1, 2, 3].map((n) => pool.render({ language: 'python', code: `print(${n})`, scale: 1 })));
    expect(results.every((pngs) => pngs.length === 1)).toBe(true);
  });
});
