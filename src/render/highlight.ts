import { createHighlighterCoreSync, type HighlighterCore, type ThemeRegistration } from 'shiki/core';
import { createJavaScriptRegexEngine } from 'shiki/engine/javascript';
import c from '@shikijs/langs/c';
import cpp from '@shikijs/langs/cpp';
import css from '@shikijs/langs/css';
import html from '@shikijs/langs/html';
import java from '@shikijs/langs/java';
import javascript from '@shikijs/langs/javascript';
import python from '@shikijs/langs/python';
import darkPlus from '@shikijs/themes/dark-plus';
import lightPlus from '@shikijs/themes/light-plus';
import { DOCUMENT_LANGUAGES, type DocumentLanguage } from '../languages.js';
import type { Rgb } from './raster/surface.js';

/** Languages the renderer highlights; anything else is drawn as plain text. */
export const LANGUAGES = DOCUMENT_LANGUAGES;
export type Language = DocumentLanguage;

/** What a token is, for themes (IDLE, Code::Blocks) that colour by their own small set of classes. */
export type TokenClass =
  | 'plain'
  | 'keyword'
  | 'type'
  | 'builtin'
  | 'definition'
  | 'string'
  | 'char'
  | 'number'
  | 'comment'
  | 'preprocessor'
  | 'operator';

/** A run of code text in one colour and style. */
export interface StyledRun {
  text: string;
  color: Rgb;
  bold: boolean;
  italic: boolean;
}

/** Colours for each token class, plus which classes are bold. */
export interface ClassPalette {
  colors: Record<TokenClass, Rgb>;
  bold?: TokenClass[];
}

/** How a theme colours code: a real VS Code theme, its own class palette, or none (Notepad). */
export type CodeColoring = { kind: 'vscode'; theme: 'dark-plus' | 'light-plus' } | { kind: 'classes'; palette: ClassPalette } | { kind: 'plain'; color: Rgb };

const CLASS_ORDER: TokenClass[] = ['plain', 'keyword', 'type', 'builtin', 'definition', 'string', 'char', 'number', 'comment', 'preprocessor', 'operator'];

const sentinel = (cls: TokenClass): string => `#0000${(CLASS_ORDER.indexOf(cls) + 1).toString(16).padStart(2, '0')}`;

/**
 * A TextMate theme whose "colours" are class ids: shiki's scope matching then classifies every token,
 * and each theme maps classes to its own colours.
 */
const CLASSIFIER: ThemeRegistration = {
  name: 'labmate-classes',
  type: 'light',
  fg: sentinel('plain'),
  bg: '#ffffff',
  settings: [
    { settings: { foreground: sentinel('plain') } },
    { scope: ['keyword', 'storage.modifier', 'constant.language', 'keyword.operator.logical.python', 'keyword.operator.new', 'variable.language.this', 'storage.type.class', 'storage.type.function', 'storage.type.import', 'keyword.operator.word'], settings: { foreground: sentinel('keyword') } },
    { scope: ['storage.type', 'support.type.primitive', 'storage.type.primitive', 'storage.type.built-in'], settings: { foreground: sentinel('type') } },
    { scope: ['storage.type.function.python', 'storage.type.class.python', 'storage.modifier.declaration.java'], settings: { foreground: sentinel('keyword') } },
    { scope: ['support.function.builtin', 'support.type.python', 'support.type.exception.python', 'support.function.magic.python'], settings: { foreground: sentinel('builtin') } },
    { scope: ['entity.name.function', 'entity.name.type.class', 'entity.name.class'], settings: { foreground: sentinel('definition') } },
    // Class names in Java declarations are types to the grammar but plain text to Code::Blocks.
    { scope: ['storage.type.java', 'storage.type.generic.java', 'storage.type.object.array.java'], settings: { foreground: sentinel('plain') } },
    { scope: ['meta.function-call entity.name.function', 'meta.method-call entity.name.function', 'entity.name.function.call', 'entity.name.function.member', 'storage.modifier.import', 'storage.modifier.package'], settings: { foreground: sentinel('plain') } },
    { scope: ['string', 'punctuation.definition.string', 'constant.character.escape', 'storage.type.string.python'], settings: { foreground: sentinel('string') } },
    { scope: ['string.quoted.single.c', 'string.quoted.single.cpp', 'string.quoted.single.java', 'string.quoted.single.c punctuation.definition.string', 'string.quoted.single.cpp punctuation.definition.string'], settings: { foreground: sentinel('char') } },
    { scope: ['constant.numeric', 'keyword.other.unit'], settings: { foreground: sentinel('number') } },
    { scope: ['comment', 'punctuation.definition.comment'], settings: { foreground: sentinel('comment') } },
    { scope: ['meta.preprocessor', 'keyword.control.directive', 'punctuation.definition.directive', 'meta.preprocessor string', 'meta.preprocessor entity.name.function', 'meta.preprocessor keyword', 'meta.preprocessor punctuation', 'meta.preprocessor punctuation.definition.string', 'meta.preprocessor string punctuation.definition.string'], settings: { foreground: sentinel('preprocessor') } },
    { scope: ['keyword.operator', 'punctuation.separator', 'punctuation.terminator', 'punctuation.section', 'punctuation.definition.parameters', 'punctuation.definition.arguments', 'punctuation.definition.block', 'punctuation.parenthesis', 'punctuation.brackets', 'punctuation.curlybrace', 'punctuation.squarebracket', 'punctuation.definition.list', 'punctuation.definition.dict', 'punctuation.bracket', 'punctuation.definition.begin.bracket', 'punctuation.definition.end.bracket', 'storage.modifier.array.bracket'], settings: { foreground: sentinel('operator') } },
    { scope: ['keyword.operator.logical.python', 'keyword.operator.new', 'keyword.operator.sizeof', 'keyword.operator.instanceof', 'keyword.operator.expression'], settings: { foreground: sentinel('keyword') } },
    // IDLE colours a whole f-string, replacement fields included, as a string.
    { scope: ['meta.fstring.python', 'meta.fstring.python meta', 'meta.fstring.python storage', 'meta.fstring.python punctuation', 'meta.fstring.python support', 'meta.fstring.python constant', 'meta.fstring.python keyword', 'meta.fstring.python entity', 'meta.fstring.python variable'], settings: { foreground: sentinel('string') } },
  ],
};

/**
 * shiki stops tokenizing a line after 500 ms by default, which under load (or on the first, compiling
 * call) silently leaves the rest of the line uncoloured: output would depend on timing. This limit is
 * high enough never to trigger on real code and still ends a pathological line.
 */
const LINE_TIME_LIMIT_MS = 10_000;

let highlighter: HighlighterCore | null = null;

function instance(): HighlighterCore {
  highlighter ??= createHighlighterCoreSync({
    themes: [darkPlus, lightPlus, CLASSIFIER],
    langs: [python, c, cpp, java, javascript, css, html],
    engine: createJavaScriptRegexEngine(),
  });
  return highlighter;
}

const parseHex = (hex: string | undefined, fallback: Rgb): Rgb => (hex ? parseInt(hex.slice(1, 7), 16) : fallback);

/** Splits code into lines of styled runs; the lines match `code.split('\n')` one to one. */
export function highlight(code: string, language: string, coloring: CodeColoring): StyledRun[][] {
  const lines = code.split('\n');
  const known = (LANGUAGES as readonly string[]).includes(language);
  if (coloring.kind === 'plain' || !known) {
    const color = coloring.kind === 'plain' ? coloring.color : coloring.kind === 'classes' ? coloring.palette.colors.plain : coloring.theme === 'dark-plus' ? 0xd4d4d4 : 0x000000;
    return lines.map((text) => [{ text, color, bold: false, italic: false }]);
  }
  const theme = coloring.kind === 'vscode' ? coloring.theme : 'labmate-classes';
  const tokens = instance().codeToTokensBase(code, { lang: language, theme, tokenizeTimeLimit: LINE_TIME_LIMIT_MS });
  return lines.map((_, i) =>
    (tokens[i] ?? []).map((token) => {
      const italic = ((token.fontStyle ?? 0) & 1) !== 0;
      const bold = ((token.fontStyle ?? 0) & 2) !== 0;
      if (coloring.kind === 'vscode') return { text: token.content, color: parseHex(token.color, 0), bold, italic };
      const cls = CLASS_ORDER[parseHex(token.color, 1) - 1] ?? 'plain';
      return { text: token.content, color: coloring.palette.colors[cls], bold: coloring.palette.bold?.includes(cls) ?? false, italic: false };
    }),
  );
}

/** The token classes of each line, for tests and for tuning the classifier. */
export function classify(code: string, language: Language): Array<Array<{ text: string; cls: TokenClass }>> {
  const tokens = instance().codeToTokensBase(code, { lang: language, theme: 'labmate-classes', tokenizeTimeLimit: LINE_TIME_LIMIT_MS });
  return tokens.map((line) => line.map((token) => ({ text: token.content, cls: CLASS_ORDER[parseHex(token.color, 1) - 1] ?? 'plain' })));
}
