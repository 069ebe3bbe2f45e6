/**
 * Decides whether a line of plain text reads as source code. Documents often put code in ordinary body
 * paragraphs, so syntax is the main signal; formatting (monospace, shading) is weighed by the caller.
 */
const STRONG_START = /^(#include\b|#define\b|#!|import\s+[\w.*{]|from\s+[\w.]+\s+import\b|def\s+\w+\s*\(|class\s+\w+|public\s|private\s|protected\s|static\s|package\s+[\w.]+;|using\s+namespace\b|int\s+main\b|void\s+\w+\s*\(|return\b|print\s*\(|printf\s*\(|scanf\s*\(|cout\s*<<|cin\s*>>|System\.out\.|console\.log\(|document\.|function\s+\w*\s*\(|let\s+\w+\s*=|const\s+\w+\s*=|var\s+\w+\s*=|elif\b|else\s*:|else\b\s*\{?$|try\s*[:{]|except\b|finally\s*[:{]|catch\s*\(|for\s*\(|for\s+\w+(\s*,\s*\w+)*\s+in\b|while\s*\(|while\s+.+:$|if\s*\(|if\s+.+:$|switch\s*\(|case\s+.+:|break;|continue;|with\s+.+\s+as\s+\w+:|lambda\b|struct\s+\w+|typedef\b|template\s*<|namespace\s+\w+|interface\s+\w+|abstract\s+class|enum\s+\w+|<!DOCTYPE|<\/?[a-zA-Z][\w-]*(\s[^>]*)?>|<\?php|<\?xml|!pip\s|%matplotlib|pip\s+install\b|@\w+)/;
const COMMENT = /^(\/\/|\/\*|\*\/|\*\s|#\s?\S|<!--)/;
const ASSIGNMENT = /^[A-Za-z_][\w.\[\]'"]*(\s*,\s*[A-Za-z_][\w.\[\]]*)*\s*(=|\+=|-=|\*=|\/=|%=|\|=|&=|\^=|<<=|>>=)\s*\S/;
const CALL = /^[A-Za-z_][\w.]*(\[[^\]]*\])*\s*\(.*\)\s*;?$/;
const BRACES = /^[{}()\[\];]+[;,]?$|[;{]\s*(\/\/.*)?$|^\}/;
const WORDS = /[A-Za-z]{2,}/g;

/** 0 (prose) to 1 (certainly code) for one line of text. */
export function codeScore(line: string): number {
  const text = line.trim();
  if (text === '') return 0;
  if (STRONG_START.test(text)) return 1;
  if (BRACES.test(text)) return 0.9;
  if (ASSIGNMENT.test(text) && !/\s(is|are|the|a|an|of)\s/i.test(text.split('=')[0] ?? '')) return 0.85;
  if (CALL.test(text) && !/[.?!]$/.test(text)) return 0.8;
  if (COMMENT.test(text) && text.length < 160) return 0.6;
  const words = text.match(WORDS)?.length ?? 0;
  const symbols = (text.match(/[(){}\[\];=<>+*\/%&|^!~:"']/g) ?? []).length;
  if (symbols >= 3 && symbols >= words) return 0.6;
  return 0;
}

/** A line that is clearly prose: a sentence of several words without code punctuation. */
export function isProse(line: string): boolean {
  const text = line.trim();
  const words = text.split(/\s+/).filter((w) => /^[\p{L}'’,.;:!?()-]+$/u.test(w)).length;
  return words >= 4 && codeScore(text) < 0.5;
}
