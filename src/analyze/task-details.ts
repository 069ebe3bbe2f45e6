import { languageOfCode, languageOfText } from './language.js';
import type { Language, Task } from './task.js';

/** What the detector collected for one task before it is classified. */
export interface TaskDraft {
  label: string;
  question: string;
  /** The parent question's text for a sub-part ("Write a program that"), else ''. */
  stem: string;
  /** All text of the task's range, for screenshot requests and input files. */
  body: string;
  code: string;
  output: string;
  anchor: number;
}

export const THEORY_START = /^(what|why|how(?!\s+to\b)|which|when|where|who|explain|define|describe|discuss|differentiate|distinguish|compare|contrast|state|list\s+(the|all|any|some|\d)|mention|give|justify|interpret|summari[sz]e|elaborate|illustrate|outline|(can|is|are|does|do)\b(?=.*\?)|write\s+(a\s+)?(short\s+)?(note|notes|answer|essay|difference|differences|advantages|disadvantages))\b/iu;
const CODE_WORDS = /\b(program|programs|programming|code|coding|script|function|implement|implementation|wap|class|method|algorithm|loop|array|matrix|linked\s+list|stack|queue|sort|search|recursion|recursive|dataset|data\s*frames?|series|demonstrate|plot|graph|visuali[sz]e|train|classifier|cluster(s|ing)?|load|print|display|compute|calculate|accept|input|output|menu|file|string|pattern|series|api|query|database|form|gui|page|html|css|javascript|python|java|c\+\+|sql|pandas|numpy|sklearn|matplotlib|tkinter)\b/iu;
const OTHER_WORDS = /\b(install(ation)?|set\s*up|setup|environment\s+setup|download|configure|manual(ly)?|by\s+hand|diagram|submit|save\s+your|flowchart|spinning\s+up)\b|\(manual\s+calculation\)/iu;
/** Text asking the student for a screenshot of the output. */
export const SCREENSHOT = /\b(attach|paste|insert|include|add|take|submit|provide|upload|capture)\b[^.\n]{0,60}\bscreen\s?shots?\b|\bscreen\s?shots?\s+of\s+(the\s+)?(output|result|program|code|graphs?)\b/iu;
const PROMPT = /^(.*?\b(enter|input|type|give|provide|key\s+in)\b[^:?\n]*[:?])\s*(\S.*)$/iu;
const FILE_INTRO = /\b([\w-]+\.(?:txt|csv|dat|json|tsv|in))\b[^.\n:]{0,60}?\b(contains?|contents?|containing|with\s+(the\s+)?(following|data|content|lines?|text)|as\s+follows)\b[^:\n]*:\s*(.*)$/iu;

const ASKS_FOR_CODE = /\b(write|wap|implement|develop|create|build|design)\b[^.?]{0,60}\b(program|code|script|function|class|application|app|page|form)\b|\bwap\b|\bprogram\s+(to|that|for)\b|\bcode\s+with\s+output\b/iu;

function kindOf(draft: TaskDraft): Task['kind'] {
  const question = draft.question.trim();
  const framed = `${draft.stem} ${question}`;
  // A question that asks for an explanation stays theory even when its printed answer quotes code.
  if (THEORY_START.test(question) && !/\b(write|wap|program)\b/i.test(question)) return 'theory';
  if (ASKS_FOR_CODE.test(framed)) return 'code';
  if (OTHER_WORDS.test(question)) return 'other';
  if (draft.code || ASKS_FOR_CODE.test(draft.body) || SCREENSHOT.test(draft.body)) return 'code';
  if (/\?\s*$/.test(question)) return 'theory';
  if (/\b(concepts?|understand)\b/i.test(question)) return 'theory';
  // A bare title ("Pascal triangle", "Matrix multiplication") in a lab names a program.
  if (question.split(/\s+/).length <= 6) return 'code';
  return CODE_WORDS.test(question) || CODE_WORDS.test(draft.body) ? 'code' : 'theory';
}

/** Values typed at prompts in a shown run ("Enter n: 5" gives "5"). */
function stdinOf(output: string): string {
  const values: string[] = [];
  for (const line of output.split('\n')) {
    const m = PROMPT.exec(line.trim());
    if (m && m[3] && m[3].length <= 80) values.push(m[3].trim());
  }
  return values.length ? values.join('\n') + '\n' : '';
}

/** "data.txt contains:" followed by its lines (up to a blank line). */
function inputFilesOf(body: string): Task['inputFiles'] {
  const files: Task['inputFiles'] = [];
  const lines = body.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = FILE_INTRO.exec(lines[i]!);
    if (!m) continue;
    const content: string[] = [];
    if (m[5]?.trim()) content.push(m[5].trim());
    for (let j = i + 1; j < lines.length && lines[j]!.trim() !== ''; j++) content.push(lines[j]!.trim());
    if (content.length && !files.some((f) => f.name === m[1])) files.push({ name: m[1]!, content: content.join('\n') + '\n' });
  }
  return files;
}

/** Classifies a draft and fills the remaining fields of the Task contract. */
export function describeTask(draft: TaskDraft, index: number, documentLanguage: () => Language): Task {
  const kind = kindOf(draft);
  let language: Language = '';
  if (kind === 'code') {
    language = languageOfCode(draft.code) || languageOfText(`${draft.stem} ${draft.label} ${draft.question}`) || documentLanguage() || 'python';
  }
  return {
    id: `t${index + 1}`,
    label: draft.label,
    question: draft.question,
    kind,
    language,
    code: draft.code,
    stdin: stdinOf(draft.output),
    expectedOutput: draft.output,
    inputFiles: inputFilesOf(draft.body),
    wantsScreenshot: SCREENSHOT.test(draft.body),
    anchor: { block: draft.anchor },
  };
}
