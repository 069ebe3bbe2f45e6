import { afterAll, describe, expect, it } from 'vitest';
import { PYTHON_ERROR } from '../../test/render/samples.js';
import { ThreadPool } from '../workers/thread-pool.js';
import { renderFileCard } from './cards.js';
import { renderScreenshots } from './screenshot.js';
import { RenderPool } from './worker-pool.js';

describe('RenderPool', () => {
  const threads = new ThreadPool({ size: 2 });
  const pool = new RenderPool(threads);
  afterAll(() => threads.close());

  it('renders in worker threads the same bytes as in the calling thread', async () => {
    const input = { ...PYTHON_ERROR, scale: 1 };
    const [fromWorker] = await pool.render(input);
    expect(fromWorker!.equals(renderScreenshots(input)[0]!)).toBe(true);
  });

  it('draws file cards in worker threads the same as in the calling thread', async () => {
    const input = { name: 'out.txt', content: 'line one\nline two\n', scale: 1 };
    const fromWorker = await pool.fileCards(input);
    const inline = renderFileCard(input);
    expect(fromWorker.length).toBe(inline.length);
    expect(fromWorker.every((png, i) => png.equals(inline[i]!))).toBe(true);
  });

  it('starts and warms every thread on request', async () => {
    const fresh = new ThreadPool({ size: 2 });
    try {
      await new RenderPool(fresh).warm();
      expect(fresh.load.threads).toBe(2);
      const [png] = await new RenderPool(fresh).render({ language: 'c', code: 'int main(void) { return 0; }', scale: 1 });
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
