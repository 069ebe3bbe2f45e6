/** How a task label is written; strong labels name a task outright, the others only number items. */
export type LabelKind = 'strong' | 'number' | 'letter' | 'roman' | 'part' | 'bullet';

export interface ParsedLabel {
  kind: LabelKind;
  /** The label as printed, without trailing separators ("Q1", "Question No. 2", "3.", "a)"). */
  label: string;
  /** The number or letter in it ("1", "3.2", "a"), for sequence checks. */
  value: string;
  /** The text after the label. */
  rest: string;
  /** A document title such as "Lab Assignment 3": a task only when the document has no other. */
  title?: boolean;
  /** The number touches the text ("3Creating"); trusted only when it continues a sequence. */
  glued?: boolean;
}

const STRONG_WORDS = [
  'question\\s*no\\.?', 'question', 'ques\\.?', 'q\\.?', 'program(?:me)?\\s*no\\.?', 'program(?:me)?', 'practical\\s*no\\.?', 'practical',
  'experiment\\s*no\\.?', 'experiment', 'exp\\.?', 'expt\\.?', 'task', 'lab\\s*task', 'exercise', 'problem', 'activity', 'assignment',
  'week', 'lab\\s*assignment', 'bài\\s*tập', 'bài', '№', 'prog\\.?', 'pgm',
];

// "Q1", "Question-1:", "Question No. 1", "Experiment No.: 3", "Experiment 1.1:", "Week #2", "Bài 3", "№1", "Q2Python".
const STRONG = new RegExp(
  `^(?:${STRONG_WORDS.join('|')})\\s*(?:[#:.\\-–—]\\s*)?(\\d{1,3}(?:\\.\\d{1,2})?(?:[a-z](?![a-z]))?)(?![\\d/])\\s*(?:\\((?:advanced|intermediate|basic|optional)\\))?\\s*[.:)\\-–—]?\\s*`,
  'iu',
);
const NUMBER = /^(\d{1,3}(?:\.\d{1,2})?)(?:\s*[.)](?!\d)|(?=\s*[-–—:]\s)|\.(?=[^\s\d]))\s*|^\((\d{1,2})\)\s*|^#(\d{1,2})\.\s*|^(\d{1,2}\.\d{1,2})\s+(?=\p{Lu})/u;
// "3Creating a series": a number glued to a capitalised word; only trusted when it continues a sequence.
const GLUED = /^(\d{1,2})(?=\p{Lu}\p{Ll})/u;
const LEAD_WORD = /^(?:tasks?|questions?)\s+(?=q\d)/iu;
const LETTER = /^\(?([a-hj-z])[).]\s+/u;
const ROMAN = /^\(?((?:x|ix|iv|v?i{1,3}|v|vi{1,3}|xi{1,3}))[).]\s+/iu;
const PART = /^part\s*[-–—]?\s*([a-z]|\d{1,2})\s*[:.\-–—)]\s*/iu;
const BULLET = /^[•●▪■◦○◆►➢✓✔*·\-–]\s+|^o\s+(?=[A-Z])/u;
const DECORATION = /^[\s\p{Extended_Pictographic}\u200d\ufe0f]+/u;

/** Strips emoji and decorative glyphs that some authors put before a heading ("🎯 Task 1"). */
export function stripDecoration(text: string): string {
  return text.replace(DECORATION, '');
}

/** Recognises the label at the start of a line, if any. */
export function parseLabel(raw: string): ParsedLabel | null {
  const text = stripDecoration(raw.trim()).replace(LEAD_WORD, '');
  let m = STRONG.exec(text);
  if (m) {
    let label = text.slice(0, m[0].length).trim().replace(/[\s.:\-–—]+$/u, '');
    if (label.endsWith(')') && !label.includes('(')) label = label.slice(0, -1).trim();
    const title = /^(lab\s*)?assignment/i.test(label);
    return { kind: 'strong', title, label: /^q\d/i.test(label) ? label.replace(/\s+/g, '') : label, value: m[1]!, rest: text.slice(m[0].length).trim() };
  }
  m = PART.exec(text);
  if (m) return { kind: 'part', label: `Part ${m[1]!.toUpperCase()}`, value: m[1]!, rest: text.slice(m[0].length).trim() };
  m = NUMBER.exec(text);
  if (m) {
    const value = m[1] ?? m[2] ?? m[3] ?? m[4] ?? '';
    return { kind: 'number', label: text.slice(0, m[0].length).trim(), value, rest: text.slice(m[0].length).trim() };
  }
  m = GLUED.exec(text);
  if (m) return { kind: 'number', label: m[1]!, value: m[1]!, rest: text.slice(m[0].length).trim(), glued: true };
  m = ROMAN.exec(text);
  if (m) return { kind: 'roman', label: text.slice(0, m[0].length).trim(), value: m[1]!.toLowerCase(), rest: text.slice(m[0].length).trim() };
  m = LETTER.exec(text);
  if (m) return { kind: 'letter', label: text.slice(0, m[0].length).trim(), value: m[1]!.toLowerCase(), rest: text.slice(m[0].length).trim() };
  m = BULLET.exec(text);
  if (m) return { kind: 'bullet', label: '', value: '', rest: text.slice(m[0].length).trim() };
  return null;
}

/** The kind of a Word list label ("1." number, "a)" letter, "iv." roman, "•" bullet). */
export function listLabelKind(label: string): LabelKind {
  if (label === '•' || !/[\p{L}\p{N}]/u.test(label)) return 'bullet';
  if (/^\(?\d/.test(label)) return 'number';
  if (/^\(?[ivx]+[.)]?$/i.test(label)) return 'roman';
  return 'letter';
}
