import type { ThemeSpec } from '../theme-spec.js';
import { idle } from './idle.js';

/** Every code theme by name. */
export const THEMES = { idle } satisfies Record<string, ThemeSpec>;
export type ThemeName = keyof typeof THEMES;

const DEFAULT_BY_LANGUAGE: Record<string, ThemeName> = { python: 'idle' };

/** Whether a string names a theme. */
export function isThemeName(name: string): name is ThemeName {
  return Object.hasOwn(THEMES, name);
}

/** The theme to use: the one asked for, else the language's usual editor. */
export function themeFor(name: ThemeName | undefined, language: string): ThemeSpec {
  return THEMES[name ?? DEFAULT_BY_LANGUAGE[language] ?? 'idle'];
}
