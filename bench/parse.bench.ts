/**
 * DOCX parsing: LabMate's safe reader plus task detection against mammoth's extractRawText on the same file,
 * both measured in this run. Prints the median times and their ratio.
 *
 *   npm run bench:parse [-- FILE.docx]   (default: the 2,800-paragraph C++ manual in ../shared/corpus)
 */
import { fileURLToPath } from 'node:url';
import mammoth from 'mammoth';
import { detectTasks } from '../src/analyze/detect-tasks.js';
import { readDocument } from '../src/ingest/read-document.js';

const DEFAULT_FILE = fileURLToPath(new URL('../../shared/corpus/real/cpp_training_lab_manual_solutions.docx', import.meta.url));
const file = process.argv[2] ?? DEFAULT_FILE;
const WARMUP = 3;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);

async function median(run: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < WARMUP; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

let tasks = 0;
const labmate = await median(async () => {
  tasks = detectTasks(await readDocument(file, file)).length;
});
const reference = await median(() => mammoth.extractRawText({ path: file }));

console.log(`file: ${file}`);
console.log(`labmate parse (inspect + read + detect, ${tasks} tasks): median ${labmate.toFixed(1)} ms`);
console.log(`mammoth extractRawText:                          median ${reference.toFixed(1)} ms`);
console.log(`ratio labmate / mammoth: ${(labmate / reference).toFixed(2)} (${labmate < 1000 ? 'under' : 'OVER'} the 1 s target)`);
