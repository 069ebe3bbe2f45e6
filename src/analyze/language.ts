import type { Language } from './task.js';

type Scored = Exclude<Language, ''>;

const CODE_SIGNALS: Array<[Scored, RegExp, number]> = [
  ['python', /^\s*(def\s+\w+\s*\(.*\)\s*(->.*)?:\s*$|import\s+[\w.]+(\s*,\s*[\w.]+)*(\s+as\s+\w+)?\s*$|from\s+[\w.]+\s+import\s)/m, 4],
  ['python', /\bprint\s*\((?!.*;\s*$)|\belif\b|\bself\.|\bNone\b|\bTrue\b|\bFalse\b|:\s*$|\binput\s*\(|\brange\s*\(|\blen\s*\(|^\s*!pip\b|^\s*%\w+/gm, 1],
  ['c', /#include\s*<(stdio|stdlib|string|math|conio|malloc|ctype|stdbool|limits|time)\.h>/g, 4],
  ['c', /\b(printf|scanf|malloc|calloc|free|fgets|getchar|puts|sizeof|struct)\b/g, 1],
  ['cpp', /#include\s*<(iostream|vector|string|algorithm|map|set|bits\/stdc\+\+\.h|fstream|sstream|iomanip|cmath|queue|stack)>|using\s+namespace\s+std|std::/g, 4],
  ['cpp', /\b(cout|cin|endl|class\s+\w+\s*(:\s*(public|private|protected))?\s*\{?|template\s*<|new\s+\w+|delete\s|virtual|friend|operator\s*\S+\s*\()\b/g, 1],
  ['java', /\bpublic\s+static\s+void\s+main\s*\(|System\.(out|in)\.|import\s+java\.|\bnew\s+Scanner\s*\(/g, 4],
  ['java', /\b(public|private|protected)\s+(static\s+)?(class|void|int|String|double|float|boolean)\b|\bString\[\]|\bextends\s+\w+\s*\{|\bimplements\s+\w+|\b(Integer|Double|Float|Boolean)\.(valueOf|parse\w+)\(|\bclass\s+\w+\s*(\{|$)/gm, 1.5],
  ['javascript', /\bconsole\.log\s*\(|\bdocument\.(getElementById|querySelector|write|createElement)|\bfunction\s+\w+\s*\(|\b(let|const|var)\s+\w+\s*=|=>|\bwindow\.|\balert\s*\(|\baddEventListener\b|\brequire\s*\(['"]|\bmodule\.exports\b/g, 1.5],
  ['html', /<!DOCTYPE\s+html|<\/?(html|head|body|div|p|h[1-6]|table|tr|td|form|input|ul|ol|li|span|style|title|meta|link|br|button|label)\b/gi, 1],
];

/** Scores code for each language and returns the best, or '' when nothing is convincing. */
export function languageOfCode(code: string): Language {
  if (!code.trim()) return '';
  const scores = new Map<Scored, number>();
  for (const [language, pattern, weight] of CODE_SIGNALS) {
    const hits = pattern.global ? (code.match(pattern)?.length ?? 0) : pattern.test(code) ? 1 : 0;
    scores.set(language, (scores.get(language) ?? 0) + hits * weight);
  }
  // C++ is a superset of C's signals; it wins when it has its own markers.
  const cpp = scores.get('cpp') ?? 0;
  if (cpp >= 4) scores.set('c', 0);
  else if (cpp > 0) scores.set('c', (scores.get('c') ?? 0) + cpp);
  // A page with a <script> is JavaScript embedded in HTML; the labs count it as JavaScript when it has logic.
  const html = scores.get('html') ?? 0;
  const js = scores.get('javascript') ?? 0;
  if (html > 0 && /<script\b/i.test(code) && js >= 3) scores.set('javascript', js + html);
  let best: Language = '';
  let bestScore = 1;
  for (const [language, score] of scores) if (score > bestScore) { best = language; bestScore = score; }
  return best;
}

const TEXT_SIGNALS: Array<[Scored, RegExp]> = [
  ['cpp', /\bC\+\+|\bcpp\b|\bC\s*\/\s*C\+\+/i],
  ['java', /\bjava\b|\bwrapper\s+class(es)?\b|\bautoboxing\b|\bunboxing\b|\bJVM\b|\bJDK\b/i],
  ['python', /\bpython\b|\bpandas\b|\bnumpy\b|\bmatplotlib\b|\bsklearn\b|\bscikit\b|\bjupyter\b|\btkinter\b|\bseaborn\b|\bkeras\b/i],
  ['javascript', /\bjavascript\b|\bnode\.?js\b|\breact\b/i],
  ['html', /\bhtml5?\b|\bweb\s*page\b|\bCSS\b/i],
  ['c', /\b(in|using)\s+C\b(?![+#])|\bC\s+(program|language|code)s?\b|\bANSI\s+C\b/],
];

/** The language a piece of prose names (a question or a whole document), or ''. */
export function languageOfText(text: string): Language {
  let best: Language = '';
  let bestCount = 0;
  for (const [language, pattern] of TEXT_SIGNALS) {
    const count = text.match(new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : pattern.flags + 'g'))?.length ?? 0;
    if (count > bestCount) { best = language; bestCount = count; }
  }
  return best;
}
