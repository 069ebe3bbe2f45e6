#!/usr/bin/env node
import { commands } from './commands/index.js';
import { UsageError } from './command.js';

const EXIT_USAGE = 64;

function help(): string {
  const width = Math.max(...Object.keys(commands).map((name) => name.length));
  const lines = Object.entries(commands).map(([name, entry]) => `  ${name.padEnd(width)}  ${entry.summary}`);
  return [
    'labmate: lab-report assistant',
    '',
    'usage: labmate COMMAND [options]',
    '',
    'commands:',
    ...lines,
    '',
    'labmate help COMMAND shows the options of one command.',
  ].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h') {
    process.stdout.write(help() + '\n');
    return name === undefined ? EXIT_USAGE : 0;
  }
  if (name === 'help') {
    const target = rest[0] ? commands[rest[0]] : undefined;
    process.stdout.write((target ? (await target.load()).usage : help()) + '\n');
    return 0;
  }
  const entry = commands[name];
  if (!entry) {
    process.stderr.write(`labmate: unknown command '${name}'\n\n${help()}\n`);
    return EXIT_USAGE;
  }
  const command = await entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(command.usage + '\n');
    return 0;
  }
  try {
    return await command.run(rest);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`labmate ${name}: ${error.message}\n\n${command.usage}\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
}

// A reader that stops early (`labmate parse … | head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`labmate: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
