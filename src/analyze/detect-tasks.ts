import type { DocumentModel } from '../ingest/model.js';
import { codeScore, isProse } from './code-lines.js';
import { listLabelKind, parseLabel, stripDecoration, type LabelKind, type ParsedLabel } from './labels.js';
import { toLines, type Line } from './lines.js';
import { isOutputMarker, sectionKind, type SectionKind } from './sections.js';
import { describeTask, THEORY_START, type TaskDraft } from './task-details.js';
import { languageOfCode, languageOfText } from './language.js';
import type { Language, Task } from './task.js';

/** A line that starts a task or a sub-part, with what its label says. */
interface Start {
  line: number;
  label: ParsedLabel;
  /** Nesting depth: Word list level, or indentation for typed labels. */
  depth: number;
  /** For a sub-part, the question it belongs to. */
  stem?: string;
}

interface Analysis {
  lines: Line[];
  code: boolean[];
  labels: Array<ParsedLabel | null>;
  headings: Array<SectionKind | null>;
  format: DocumentModel['format'];
}

const TASK_VERB = /^(?:(?:now|then|also|next)\s+)?(write|wap|implement|develop|design|create|build|construct|make|program|code|generate|find|print|display|compute|calculate|read|accept|input|sort|search|reverse|check|count|convert|apply|load|plot|show|compare|explain|define|describe|discuss|differentiate|distinguish|what|why|how|which|when|where|who|list|state|illustrate|demonstrate|simulate|perform|use|using|given|let|consider|modify|add|store|test|train|evaluate|visuali[sz]e|normalize|normali[sz]e|identify|select|extract|assign|interpret|report|reconstruct|segment|cluster|can|is|are|does|do|give|draw|prepare|solve|analy[sz]e|obtain|determine|verify|enter|take|declare|initiali[sz]e|swap|merge|insert|delete|remove|update|replace|rotate|arrange|segregate|split|traverse|represent|you\s+are\s+given|a\s+\w+\s+(is|has)|assuming|suppose|for\s+(?:a|the)\s+given|observe|save|submit|upload)\b/iu;
const PROGRAM_PHRASE = /^(wap\b|write\s+(a|an)\s+(\w+\s+){0,3}(program|code|function|script|class|method|application|app)\b)/iu;
const INSTRUCTION = /\b(attach|paste|insert|submit|upload)\b.*\b(screenshot|output|code|file)s?\b/iu;
const DANGLING = /\b(that|which)\s*:?\s*$|\bfollowing\s+(programs|questions|tasks)\s*:?\s*$/iu;

/** Finds every task in a document model, in order, filling the Task contract of DESIGN.md §3. */
export function detectTasks(model: DocumentModel): Task[] {
  const analysis = analyse(model);
  const found = findStarts(analysis);
  const labelled = found.some((s) => !s.label.title) ? found.filter((s) => !s.label.title) : found;
  const starts = withCaptions(analysis, labelled);
  const drafts = buildDrafts(analysis, starts);
  const kept = dropDuplicates(drafts);
  let documentLanguage: Language | undefined;
  const languageOfDocument = (): Language => {
    // The language most tasks' code is in, else the one the text names most.
    if (documentLanguage === undefined) {
      const counts = new Map<Language, number>();
      for (const draft of kept) {
        const language = languageOfCode(draft.code);
        if (language) counts.set(language, (counts.get(language) ?? 0) + 1);
      }
      const ranked = [...counts.entries()].sort((x, y) => y[1] - x[1]);
      documentLanguage = ranked[0]?.[0] ?? languageOfText(analysis.lines.map((l) => l.text).join('\n'));
    }
    return documentLanguage;
  };
  return kept.map((draft, i) => describeTask(draft, i, languageOfDocument));
}

function analyse(model: DocumentModel): Analysis {
  const lines = toLines(model);
  const labels = lines.map(labelOf);
  const headings = lines.map((line, i) => (isHeading(line, labels[i] ?? null) ? sectionKind(stripDecoration(line.text.trim())) : null));
  const code = markCode(lines, labels, headings);
  return { lines, code, labels, headings, format: model.format };
}

function labelOf(line: Line): ParsedLabel | null {
  const typed = line.paragraphStart ? parseLabel(line.text) : null;
  if (line.listLabel) {
    if (typed?.kind === 'strong') return typed;
    const kind = listLabelKind(line.listLabel);
    const value = line.listLabel.replace(/[^\p{L}\p{N}.]/gu, '').replace(/\.$/, '');
    return { kind, label: kind === 'bullet' ? '' : line.listLabel, value, rest: line.text.trim() };
  }
  return typed;
}

/** A short line that reads as a heading: a Word heading, bold, ALL CAPS or ending in a colon, without a label. */
function isHeading(line: Line, label: ParsedLabel | null): boolean {
  const text = stripDecoration(line.text.trim());
  if (!text || (label && label.kind !== 'bullet') || line.listLabel) return false;
  const words = text.split(/\s+/).length;
  if (words > 8) return false;
  if (line.headingLevel > 0 || line.bold || (text === text.toUpperCase() && /\p{Lu}{2}/u.test(text))) return true;
  return /^\p{Lu}/u.test(text) && (/:$/.test(text) || (words <= 4 && !/[.,;]$/.test(text)));
}

/**
 * Marks code lines: lines the author formatted as code, and runs of lines whose syntax reads as code. A run may
 * contain blank lines, comments and lines that are only indented continuations; a prose sentence ends it.
 */
function markCode(lines: Line[], labels: Array<ParsedLabel | null>, headings: Array<SectionKind | null>): boolean[] {
  const code = lines.map(() => false);
  let inRun = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const text = line.text.trim();
    if (text === '') {
      continue;
    }
    const label = labels[i];
    if (inRun && /^#\s*\d/.test(text)) {
      // "#2. Split the data" inside a program is a Python comment, not a new question.
      code[i] = true;
      continue;
    }
    const structural = (label && label.rest && isProse(label.rest)) || (headings[i] !== null && headings[i] !== undefined && !line.codeFormat && codeScore(text) < 0.8);
    if (structural || isOutputMarker(text)) {
      inRun = false;
      continue;
    }
    const score = codeScore(text);
    const formatted = line.codeFormat && !line.inTable;
    if (formatted || score >= 0.8 || (inRun && (score > 0 || !isProse(text) || /^\s{2,}|\t/.test(line.text)))) {
      code[i] = true;
      inRun = true;
    } else {
      inRun = false;
    }
  }
  // A lone "syntax-looking" line between prose is usually a formula in a sentence, not code; keep it only if
  // the author formatted it as code or it is unmistakable.
  for (let i = 0; i < lines.length; i++) {
    if (!code[i] || lines[i]!.codeFormat) continue;
    const prev = neighbour(code, lines, i, -1);
    const next = neighbour(code, lines, i, 1);
    if (!prev && !next && codeScore(lines[i]!.text) < 1) code[i] = false;
  }
  return code;
}

function neighbour(code: boolean[], lines: Line[], i: number, step: number): boolean {
  for (let j = i + step; j >= 0 && j < lines.length; j += step) {
    if (lines[j]!.text.trim() === '') continue;
    return code[j]!;
  }
  return false;
}

function depthOf(a: Analysis, i: number): number {
  const line = a.lines[i]!;
  if (line.listLevel >= 0) return line.listLevel;
  const indent = /^[ \t]*/.exec(line.text)![0].replace(/\t/g, '    ').length;
  return a.format === 'pdf' ? Math.round(indent / 3) : 0;
}

function looksLikeTask(text: string): boolean {
  const t = stripDecoration(text).trim();
  return TASK_VERB.test(t) || /\?\s*$/.test(t) || /\b(write|wap|develop|create|implement)\b.{0,40}\b(program|application|code)\b/iu.test(t);
}

/** Collects task starts: strong labels (split into sub-parts where the document asks for that) and list items. */
function findStarts(a: Analysis): Start[] {
  const strong: number[] = [];
  a.labels.forEach((label, i) => {
    if (label?.kind === 'strong' && !a.code[i] && a.lines[i]!.paragraphStart) strong.push(i);
  });
  const starts: Start[] = [];
  const closers = closingLines(a);
  let cursor = 0;
  let section: SectionKind = 'other';
  const advanceSection = (to: number): void => {
    for (; cursor < to; cursor++) {
      const h = a.headings[cursor];
      if (h === 'skip' || h === 'tasks') section = h;
      else if (h === 'inside') section = 'other';
      else if (h === 'other' && a.lines[cursor]!.headingLevel > 0) section = 'other';
      if (a.labels[cursor]?.kind === 'strong') section = 'other';
    }
  };
  let i = 0;
  while (i < a.lines.length) {
    const next = strong.find((s) => s >= i);
    const topEnd = next ?? a.lines.length;
    // Free-standing items between strong-labelled tasks.
    for (const item of freeItems(a, i, topEnd, () => section, advanceSection)) starts.push(item);
    if (next === undefined) break;
    const end = rangeEnd(a, next, strong, closers);
    advanceSection(next + 1);
    const children = splitChildren(a, next, end);
    if (children.length >= 2) {
      const stem = questionLines(a, next, children[0]!.line).join(' ');
      for (const child of children) {
        starts.push({ ...child, stem, label: { ...child.label, label: `${a.labels[next]!.label} ${child.label.label}`.trim() } });
      }
    } else {
      starts.push({ line: next, label: a.labels[next]!, depth: 0 });
    }
    advanceSection(end);
    i = end;
  }
  return starts;
}

/** Lines that close an open strong-labelled task: section headings that are not part of a task. */
function closingLines(a: Analysis): Set<number> {
  const out = new Set<number>();
  a.headings.forEach((kind, i) => {
    if (kind === 'skip' || kind === 'tasks' || (kind === 'other' && a.lines[i]!.headingLevel > 0 && a.lines[i]!.headingLevel <= 2)) out.add(i);
  });
  return out;
}

const EXPLAIN = /^(explain|define|describe|differentiate)\b/iu;

function rangeEnd(a: Analysis, start: number, strong: number[], closers: Set<number>): number {
  const ownLevel = a.lines[start]!.headingLevel || 99;
  const ownDepth = depthOf(a, start);
  for (let j = start + 1; j < a.lines.length; j++) {
    if (strong.includes(j)) return j;
    if (isLooseQuestion(a, j, ownDepth) && isShortTask(a, start, j)) return j;
    if (!closers.has(j)) continue;
    const kind = a.headings[j];
    if (kind === 'tasks' && !isTaskListInsideStrong(a, start, j)) return j;
    if (kind === 'skip' && !isWithinFrontOfTask(a, j)) return j;
    if (kind === 'other' && a.lines[j]!.headingLevel <= ownLevel) return j;
  }
  return a.lines.length;
}

/** An unlabelled "Explain ..." at the level of the labels, after a finished sentence, is a question of its own. */
function isLooseQuestion(a: Analysis, j: number, depth: number): boolean {
  const line = a.lines[j]!;
  if (a.labels[j] || a.code[j] || !line.paragraphStart || !EXPLAIN.test(line.text.trim()) || depthOf(a, j) > depth) return false;
  let k = j - 1;
  while (k >= 0 && a.lines[k]!.text.trim() === '') k--;
  return k < 0 || /[.?!:]$/.test(a.lines[k]!.text.trim());
}

/** A question sheet's task is its question and perhaps a sample; an answered task runs longer or has code. */
function isShortTask(a: Analysis, start: number, end: number): boolean {
  let lines = 0;
  // "Q2." alone on its line: the next paragraph is its question, not a new one.
  if (!a.labels[start]?.rest && !a.lines.slice(start + 1, end).some((l) => l.text.trim())) return false;
  for (let k = start; k < end; k++) {
    if (a.code[k] || a.lines[k]!.images) return false;
    if (a.lines[k]!.text.trim()) lines++;
  }
  return lines <= 6;
}

/** "LAs:" under "Week #1" belongs to the week; "Lab Questions" after the last task does not. */
function isTaskListInsideStrong(a: Analysis, start: number, j: number): boolean {
  const text = a.lines[j]!.text.trim();
  return /^(las|has|questions?|tasks?|exercises?|programs?)\s*:?$/i.test(text) && j - start < 40 && !/^lab\b/i.test(text);
}

/** Objectives or outcomes right under a week or experiment heading are that heading's front matter. */
function isWithinFrontOfTask(a: Analysis, j: number): boolean {
  return !/^(viva|conclusions?|references?|bibliography|summary)/i.test(a.lines[j]!.text.trim());
}

const ITEM_KINDS: LabelKind[] = ['number', 'letter', 'roman', 'part', 'bullet'];

/** The sub-parts of a strong-labelled task that are tasks of their own, or [] when the task is one unit. */
function splitChildren(a: Analysis, start: number, end: number): Start[] {
  const items: Start[] = [];
  const listed: Start[] = [];
  let inTaskList = false;
  let minDepth = Infinity;
  for (let j = start + 1; j < end; j++) {
    const h = a.headings[j];
    if (h === 'tasks') inTaskList = true;
    if (h === 'skip') inTaskList = false;
    const label = a.labels[j];
    if (!label || a.code[j] || !ITEM_KINDS.includes(label.kind) || !label.rest) continue;
    const depth = depthOf(a, j);
    if (inTaskList) listed.push({ line: j, label, depth });
    else if (label.kind !== 'bullet') {
      items.push({ line: j, label, depth });
      minDepth = Math.min(minDepth, depth);
    }
  }
  if (listed.length >= 2) {
    const shallowest = Math.min(...listed.map((s) => s.depth));
    const kind = listed.find((s) => s.depth === shallowest)!.label.kind;
    return listed.filter((s) => s.depth === shallowest && s.label.kind === kind);
  }
  const parts = items.filter((s) => s.label.kind === 'part');
  if (parts.length >= 2) return parts;
  const top = items.filter((s) => s.depth === minDepth && s.label.kind === items.find((t) => t.depth === minDepth)?.label.kind);
  if (top.length < 2) return [];
  const stem = questionLines(a, start, end).join(' ');
  if (THEORY_START.test(stem)) return [];
  const owningCode = top.filter((s, k) => hasCode(a, s.line, top[k + 1]?.line ?? end)).length;
  // Numbering that runs on through an answer ("6. The Young High-Spenders: ...") is not a question.
  if (owningCode >= 2 || (DANGLING.test(stem) && PROGRAM_PHRASE.test(stripDecoration(a.labels[start]!.rest || stem)))) {
    return top.filter((s) => looksLikeTask(s.label.rest) || !/^(the|a|an|this|these|it|its)\b/iu.test(s.label.rest));
  }
  return [];
}

function hasCode(a: Analysis, from: number, to: number): boolean {
  for (let j = from + 1; j < to; j++) if (a.code[j]) return true;
  return false;
}

/** Items outside strong-labelled tasks: numbered questions, bullets in task lists, unlabelled task sentences. */
function freeItems(a: Analysis, from: number, to: number, section: () => SectionKind, advance: (to: number) => void): Start[] {
  const out: Start[] = [];
  let topDepth = Infinity;
  let lastNumber = 0;
  let open = false;
  for (let j = from; j < to; j++) {
    advance(j + 1);
    const sec = section();
    const label = a.labels[j];
    const line = a.lines[j]!;
    const text = line.text.trim();
    if (!text || a.code[j]) continue;
    if (a.headings[j] === 'skip' || a.headings[j] === 'tasks') {
      open = false;
      continue;
    }
    if (sec === 'skip') continue;
    if (label && label.rest && (label.kind === 'number' || label.kind === 'bullet' || (sec === 'tasks' && label.kind !== 'part'))) {
      const depth = depthOf(a, j);
      if (label.kind === 'bullet' && sec !== 'tasks' && !PROGRAM_PHRASE.test(label.rest) && (open || !EXPLAIN.test(label.rest))) continue;
      if (label.glued && Number(label.value) !== lastNumber + 1) continue;
      if (depth > topDepth) continue;
      if (!looksLikeTask(label.rest) && sec !== 'tasks') continue;
      topDepth = Math.min(topDepth, depth);
      if (label.kind === 'number') lastNumber = Number.parseInt(label.value, 10) || lastNumber;
      out.push({ line: j, label, depth });
      open = true;
      continue;
    }
    if (!label && line.paragraphStart && (!open || isLooseQuestion(a, j, depthOf(a, j))) && (PROGRAM_PHRASE.test(text) || EXPLAIN.test(text))) {
      out.push({ line: j, label: { kind: 'number', label: '', value: '', rest: text }, depth: 0 });
      open = true;
    }
  }
  return out;
}

/**
 * Student lab files often list programs only by a short title above their output screenshot. A short plain line
 * between two pictures starts an unlabelled task of its own.
 */
function withCaptions(a: Analysis, starts: Start[]): Start[] {
  const taken = new Set(starts.map((s) => s.line));
  const captions: Start[] = [];
  const nonBlank = (from: number, step: number): number => {
    let j = from;
    while (j >= 0 && j < a.lines.length && a.lines[j]!.text.trim() === '' && !a.lines[j]!.images) j += step;
    return j;
  };
  a.lines.forEach((line, i) => {
    const text = stripDecoration(line.text.trim());
    if (!text || taken.has(i) || a.code[i] || a.labels[i] || !line.paragraphStart || isOutputMarker(text)) return;
    const kind = a.headings[i];
    if (kind === 'skip' || kind === 'tasks' || kind === 'inside' || line.headingLevel > 0) return;
    const words = text.split(/\s+/).length;
    if (words > 6 || /[.?]$/.test(text) || !/^\p{Lu}/u.test(text)) return;
    const before = a.lines[nonBlank(i - 1, -1)];
    const after = a.lines[nonBlank(i + 1, 1)];
    if (before?.images && (line.images || after?.images)) {
      captions.push({ line: i, label: { kind: 'number', label: '', value: '', rest: text.replace(/:$/, '') }, depth: 0 });
    }
  });
  if (captions.length < 2) return starts;
  return [...starts, ...captions].sort((x, y) => x.line - y.line);
}

/** The question text of a task starting at `start`: the label's rest and the lines that continue it. */
function questionLines(a: Analysis, start: number, end: number): string[] {
  const label = a.labels[start];
  const out: string[] = [];
  const first = label?.rest ?? a.lines[start]!.text.trim();
  if (first) out.push(first);
  let previous = start;
  for (let j = start + 1; j < end; j++) {
    const line = a.lines[j]!;
    const text = line.text.trim();
    if (!text) {
      if (out.length) break;
      continue;
    }
    if (a.code[j] || line.images || isOutputMarker(text)) break;
    const heading = a.headings[j];
    if (heading === 'inside') {
      if (out.length) break;
      continue;
    }
    if (a.labels[j] && a.labels[j]!.kind !== 'bullet' && out.length) break;
    const sameParagraph = line.block === a.lines[previous]!.block && !line.paragraphStart;
    const wrapped = a.format === 'pdf' && out.length > 0 && !/[.?!:]$/.test(out[out.length - 1]!);
    if (out.length && !sameParagraph && !wrapped) break;
    out.push(text);
    previous = j;
    if (out.join(' ').length > 600) break;
  }
  return out;
}

function buildDrafts(a: Analysis, starts: Start[]): TaskDraft[] {
  const drafts: TaskDraft[] = [];
  starts.forEach((start, k) => {
    const end = starts[k + 1]?.line ?? a.lines.length;
    const stop = sectionStop(a, start.line, end);
    const question = questionLines(a, start.line, stop);
    const body = a.lines.slice(start.line, stop);
    const codeBlocks: string[][] = [];
    const output: string[] = [];
    let mode: 'none' | 'output' = 'none';
    let current: string[] | null = null;
    let last = start.line;
    for (let j = start.line; j < stop; j++) {
      const line = a.lines[j]!;
      const text = line.text.trim();
      if (text || line.images) last = j;
      if (isOutputMarker(text)) {
        mode = 'output';
        current = null;
        continue;
      }
      if (a.code[j] && j !== start.line) {
        if (mode === 'output' && !line.codeFormat && codeScore(text) < 1) {
          output.push(line.text);
          continue;
        }
        mode = 'none';
        if (!current) {
          current = [];
          codeBlocks.push(current);
        }
        current.push(line.text);
        continue;
      }
      if (current && text === '') {
        current.push('');
        continue;
      }
      current = null;
      if (mode === 'output' && j !== start.line) {
        // An instruction to the student ends a printed run; it is never part of the output.
        if (a.headings[j] === 'skip' || a.headings[j] === 'tasks' || INSTRUCTION.test(text)) mode = 'none';
        else output.push(line.text);
      }
    }
    drafts.push({
      label: displayLabel(start.label),
      question: joinWrapped(question),
      stem: start.stem ?? '',
      body: body.map((l) => l.text).join('\n'),
      code: codeBlocks.map((block) => dedent(trimBlank(block), a.format)).filter(Boolean).join('\n\n'),
      output: trimBlank(output).join('\n'),
      anchor: a.lines[last]!.block,
    });
  });
  if (drafts.length === 0) {
    const all = a.lines.filter((_, j) => a.code[j]);
    if (all.length >= 3) {
      drafts.push({ label: '', question: '', stem: '', body: '', code: dedent(all.map((l) => l.text), a.format), output: '', anchor: all[all.length - 1]!.block });
    }
  }
  return drafts;
}

/** A task stops at a closing section heading even when no further task follows. */
function sectionStop(a: Analysis, start: number, end: number): number {
  for (let j = start + 1; j < end; j++) {
    const kind = a.headings[j];
    if ((kind === 'skip' && /^(viva|conclusion|references?|bibliography)/i.test(a.lines[j]!.text.trim())) || (kind === 'tasks' && /^lab\b/i.test(a.lines[j]!.text.trim()))) return j;
  }
  return end;
}

/** Joins wrapped lines; a word hyphenated at a line end ("com-" + "putes") is mended. */
function joinWrapped(lines: string[]): string {
  return lines
    .reduce((text, line) => (/\p{L}-$/u.test(text) && /^\p{Ll}/u.test(line) ? text.slice(0, -1) + line : text ? `${text} ${line}` : line), '')
    .replace(/\s+/g, ' ')
    .trim();
}

function displayLabel(label: ParsedLabel): string {
  return label.kind === 'bullet' ? '' : label.label.replace(/\s+/g, ' ').trim();
}

function trimBlank(lines: string[]): string[] {
  let s = 0;
  let e = lines.length;
  while (s < e && lines[s]!.trim() === '') s++;
  while (e > s && lines[e - 1]!.trim() === '') e--;
  return lines.slice(s, e);
}

/** Removes the indentation all lines share; PDF indentation is rebuilt from x offsets, so it is snapped to 2. */
function dedent(lines: string[], format: DocumentModel['format']): string {
  const expanded = lines.map((l) => l.replace(/\t/g, '    ').replace(/\s+$/, ''));
  const indents = expanded.filter((l) => l.trim()).map((l) => /^ */.exec(l)![0].length);
  const min = indents.length ? Math.min(...indents) : 0;
  return expanded
    .map((l) => {
      if (!l.trim()) return '';
      let indent = /^ */.exec(l)![0].length - min;
      if (format === 'pdf') indent = Math.round(indent / 2) * 2;
      return ' '.repeat(indent) + l.trimStart();
    })
    .join('\n');
}

const squash = (s: string): string => s.toLowerCase().normalize('NFKC').replace(/[^\p{L}\p{N}]+/gu, '');

/** Lists printed twice (a syllabus, then the questions with answers) keep the copy that has content. */
function dropDuplicates(drafts: TaskDraft[]): TaskDraft[] {
  const keep = drafts.map(() => true);
  const later = new Map<string, number[]>();
  drafts.forEach((draft, i) => {
    const key = squash(draft.question).slice(0, 60);
    if (key.length >= 12) later.set(key, [...(later.get(key) ?? []), i]);
  });
  for (const indices of later.values()) {
    for (let k = 0; k + 1 < indices.length; k++) {
      const first = drafts[indices[k]!]!;
      const next = drafts[indices[k + 1]!]!;
      if (!first.code && next.code) keep[indices[k]!] = false;
    }
  }
  return drafts.filter((_, i) => keep[i]);
}
