import { parseArgs } from 'node:util';
import { parseDocument } from '../../analyze/parse-document.js';
import { IngestError } from '../../ingest/problem.js';
import { offlineRefiner } from '../ai-refiner.js';
import { UsageError, type CliCommand } from '../command.js';

const EXIT_REJECTED = 2;

/** `labmate parse FILE [--json]`: prints the detected tasks, or a problem object for a refused file. */
export const parseCommand: CliCommand = {
  usage: [
    'usage: labmate parse FILE [--json] [--no-ai]',
    '',
    'Reads a .docx or .pdf lab document and lists the tasks found in it; with LABMATE_AI_BASE_URL and',
    'LABMATE_AI_MODEL set, the AI refines them (answers cached in LABMATE_DATA_DIR or DATABASE_URL).',
    '  --json   print the result as one JSON object (DESIGN.md §3)',
    '  --no-ai  the heuristics only, even when a model is configured',
    'Exit 0 on success; exit 2 with an RFC 9457 problem object on stdout when the file is refused.',
  ].join('\n'),
  async run(argv) {
    let parsed;
    try {
      parsed = parseArgs({ args: argv, options: { json: { type: 'boolean', default: false }, 'no-ai': { type: 'boolean', default: false } }, allowPositionals: true, strict: true });
    } catch (error) {
      throw new UsageError(error instanceof Error ? error.message : String(error));
    }
    const [file, ...extra] = parsed.positionals;
    if (!file || extra.length) throw new UsageError('expected exactly one FILE');
    const { ai, exit } = await offlineRefiner(parsed.values['no-ai']);
    if (exit !== undefined) return exit;
    try {
      const result = await parseDocument(file, file, ai?.refine);
      if (parsed.values.json) {
        process.stdout.write(JSON.stringify(result) + '\n');
      } else {
        process.stdout.write(`${result.format}${result.pages === null ? '' : `, ${result.pages} pages`}: ${result.tasks.length} tasks\n`);
        for (const warning of result.warnings) process.stdout.write(`warning: ${warning}\n`);
        for (const task of result.tasks) {
          const head = [task.label, task.question].filter(Boolean).join(' ').slice(0, 100);
          process.stdout.write(`${task.id.padEnd(4)} ${task.kind.padEnd(6)} ${(task.language || '-').padEnd(10)} ${head}\n`);
        }
      }
      return 0;
    } catch (error) {
      if (!(error instanceof IngestError)) throw error;
      process.stdout.write(JSON.stringify(error.problem) + '\n');
      return EXIT_REJECTED;
    } finally {
      await ai?.close();
    }
  },
};
