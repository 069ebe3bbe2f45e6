import type { ThemeSpec } from '../theme-spec.js';
import { codeblocks } from './codeblocks.js';
import { idle } from './idle.js';
import { notepad } from './notepad.js';
import { terminal } from './terminal.js';
import { vscodeDark, vscodeLight } from './vscode.js';

/** Every code theme by name. */
export const THEMES = {
  idle,
  'vscode-dark': vscodeDark,
  'vscode-light': vscodeLight,
  notepad,
  codeblocks,
  terminal,
} satisfies Record<string, ThemeSpec>;
export type ThemeName = keyof typeof THEMES;

/** The editor a student of each language most likely uses. */
const DEFAULT_BY_LANGUAGE: Record<string, ThemeName> = {
  python: 'idle',
  c: 'codeblocks',
  cpp: 'codeblocks',
  java: 'notepad',
  javascript: 'vscode-dark',
  html: 'vscode-dark',
};

/** Whether a string names a theme. */
export function isThemeName(name: string): name is ThemeName {
  return Object.hasOwn(THEMES, name);
}

/** The theme to use: the one asked for, else the language's usual editor. */
export function themeFor(name: ThemeName | undefined, language: string): ThemeSpec {
  return THEMES[name ?? DEFAULT_BY_LANGUAGE[language] ?? 'vscode-dark'];
}
