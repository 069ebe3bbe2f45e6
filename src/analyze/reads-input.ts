import type { Language } from './task.js';

const C_READS = /\b(scanf|getchar|gets|getline|getc)\s*\(|\bf(gets|scanf|getc|read)\s*\([^;]*\bstdin\b|\bread\s*\(\s*(0|STDIN_FILENO)\s*,/;

const READS: Record<Exclude<Language, ''>, RegExp | null> = {
  python: /\b(input|raw_input)\s*\(|\bsys\.stdin\b|\bfileinput\.input\s*\(/,
  c: C_READS,
  cpp: new RegExp(`${C_READS.source}|\\b(std::)?cin\\b|\\bgetline\\s*\\(\\s*(std::)?cin\\b`),
  java: /\bSystem\.in\b|\bSystem\.console\s*\(\s*\)/,
  javascript: /\bprompt\s*\(|\breadline\b|\bprocess\.stdin\b|\breadFileSync\s*\(\s*(0|['"`]\/dev\/stdin['"`])/,
  html: null,
};

/** Code with its comments blanked (roughly: string contents are not parsed), so commented-out reads do not count. */
function withoutComments(code: string, language: Language): string {
  if (language === 'python') return code.replace(/#.*$/gm, '');
  return code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
}

/** Whether a program reads standard input (Python input(), C scanf, C++ cin, Java Scanner(System.in), JS readline...). */
export function readsInput(code: string, language: Language): boolean {
  const pattern = language ? READS[language] : null;
  return pattern !== null && pattern.test(withoutComments(code, language));
}
