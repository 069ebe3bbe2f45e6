/** Languages the sandbox runs. */
export const RUNNABLE_LANGUAGES = ['python', 'c', 'cpp', 'java', 'javascript'] as const;
export type RunnableLanguage = (typeof RUNNABLE_LANGUAGES)[number];

/** Whether a task's or a caller's language is one the sandbox runs. */
export function isRunnableLanguage(language: string): language is RunnableLanguage {
  return (RUNNABLE_LANGUAGES as readonly string[]).includes(language);
}

/** Languages LabMate recognises in documents and highlights: the runnable ones, and HTML. */
export const DOCUMENT_LANGUAGES = [...RUNNABLE_LANGUAGES, 'html'] as const;
export type DocumentLanguage = (typeof DOCUMENT_LANGUAGES)[number];
