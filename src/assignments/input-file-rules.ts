import type { FieldError } from '../errors.js';
import { isRunnableLanguage } from '../languages.js';
import { sourceNameFor } from '../sandbox/recipes.js';

// What a C or C++ build writes beside the source: an input file of that name would be overwritten before the run.
const BUILD_OUTPUT = 'main';

/**
 * Why a task's input files cannot sit beside its program in the sandbox's folder: a name used twice, the name the
 * program's source file gets there, or the name its build writes. Empty when they can.
 */
export function inputFileProblems(task: { language: string; code: string; inputFiles: Array<{ name: string }> }): FieldError[] {
  const problems: FieldError[] = [];
  const taken = new Set<string>();
  if (isRunnableLanguage(task.language)) {
    taken.add(sourceNameFor(task.language, task.code));
    if (task.language === 'c' || task.language === 'cpp') taken.add(BUILD_OUTPUT);
  }
  const seen = new Set<string>();
  task.inputFiles.forEach((file, index) => {
    const field = `inputFiles.${index}.name`;
    if (seen.has(file.name)) problems.push({ field, message: 'is used by another input file; give each file a name of its own' });
    else if (taken.has(file.name)) problems.push({ field, message: `is the name the program itself gets (${file.name}); choose another name` });
    seen.add(file.name);
  });
  return problems;
}
