import type { InputFile } from '../api/types';
import { ApiError, messageOf } from '../api/problem';
import { formatBytes } from '../files';

/** As many input files as the server keeps on a task. */
export const MAX_INPUT_FILES = 10;
/** The server's cap on one file's content, in characters. */
export const MAX_INPUT_FILE_CHARS = 1_000_000;
// The server's rule for a name (schemas.ts): the sandbox puts the file in the program's folder under this name.
const PLAIN_NAME = /^[\w][\w .-]*$/;

/** Errors of the input files by `${index}.name` / `${index}.content`. */
export type InputFileErrors = Record<string, string>;

/** Why this name cannot be an input file's, or null when it can. */
export function nameProblem(name: string, others: string[]): string | null {
  if (name === '') return 'Give the file a name, such as data.txt.';
  if (name.length > 100) return 'File name must be at most 100 characters.';
  if (!PLAIN_NAME.test(name)) return 'File name must be a plain file name: letters, digits, spaces, dots, dashes and underscores, starting with a letter or digit.';
  if (others.includes(name)) return 'Another input file has this name; give each a name of its own.';
  return null;
}

/** What is wrong with each file of the list, checked as the server will (names, length). */
export function inputFileErrors(files: InputFile[]): InputFileErrors {
  const errors: InputFileErrors = {};
  files.forEach((file, index) => {
    const name = nameProblem(
      file.name,
      files.slice(0, index).map((other) => other.name),
    );
    if (name) errors[`${index}.name`] = name;
    if (file.content.length > MAX_INPUT_FILE_CHARS) errors[`${index}.content`] = `Content must be at most ${MAX_INPUT_FILE_CHARS.toLocaleString('en')} characters (1 MB).`;
  });
  return errors;
}

/** Why a picked local file cannot become an input file (too large, not text), or null when it can. */
export function uploadProblem(file: { name: string; size: number }, content: string | null): string | null {
  if (file.size > MAX_INPUT_FILE_CHARS) return `“${file.name}” is too large (${formatBytes(file.size)}): an input file may hold at most ${MAX_INPUT_FILE_CHARS.toLocaleString('en')} characters.`;
  if (content !== null && content.includes('\u0000')) return `“${file.name}” is not a text file; input files are text the program reads.`;
  return null;
}

const INPUT_FILE_FIELD = /^inputFiles\.(\d+)\.(name|content)$/;

/** The server's refusal of input files, as sentences under the fields it names ("inputFiles.2.name"). */
export function inputFileServerErrors(failure: unknown): InputFileErrors {
  if (!(failure instanceof ApiError)) return {};
  const errors: InputFileErrors = {};
  for (const { field, message } of failure.fields) {
    const match = INPUT_FILE_FIELD.exec(field);
    if (!match) continue;
    const sentence = `${match[2] === 'name' ? 'File name' : 'Content'} ${message}`;
    errors[`${match[1]}.${match[2]}`] = /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
  }
  return errors;
}

/** A refused task save: the input files' errors for their fields, and the notice above the form for the rest (null when the files' fields say it all). */
export function taskSaveProblem(failure: unknown): { fileErrors: InputFileErrors; notice: string | null } {
  const fileErrors = inputFileServerErrors(failure);
  const allAtFiles = failure instanceof ApiError && failure.fields.length > 0 && failure.fields.every(({ field }) => INPUT_FILE_FIELD.test(field));
  return { fileErrors, notice: allAtFiles ? null : messageOf(failure) };
}

/** A file's size as stored (UTF-8), for the task card's list. */
export function inputFileSize(file: InputFile): string {
  return formatBytes(new TextEncoder().encode(file.content).length);
}
