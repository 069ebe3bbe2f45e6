import type { DocumentLanguage } from '../languages.js';

/** A task's language; '' when it has none (theory, other) or none could be decided. */
export type Language = DocumentLanguage | '';

/** A detected task, exactly the shape of DESIGN.md §3. */
export interface Task {
  id: string;
  label: string;
  question: string;
  kind: 'code' | 'theory' | 'other';
  language: Language;
  code: string;
  stdin: string;
  expectedOutput: string;
  inputFiles: Array<{ name: string; content: string }>;
  wantsScreenshot: boolean;
  anchor: { block: number };
}
