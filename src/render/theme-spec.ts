import type { FontFamily } from './font/bundled.js';
import type { CodeColoring } from './highlight.js';
import type { Rgb } from './raster/surface.js';

/** A font choice at 1x; the renderer multiplies the size by the pixel density. */
export interface FontSpec {
  family: FontFamily;
  size: number;
  bold?: boolean;
}

/** Facts about the program a theme writes into titles, prompts and status lines. */
export interface SceneContext {
  /** File name shown in title bars and commands, e.g. `lab1.py`. */
  file: string;
  /** File name without its extension (Java class, executable name). */
  stem: string;
  /** The student's name when given. */
  user: string | undefined;
  language: string;
  exitCode: number | null;
  timeMs: number | null;
  /** Number of source lines in the whole program. */
  lineCount: number;
  /** Width of the text grid in columns. */
  columns: number;
  /** Runtime banner such as "Python 3.11.2", when known. */
  runtime: string | undefined;
  /** Rows the console shows (its cursor ends on the last one). */
  consoleRows: number;
  page: number;
  pages: number;
}

/** A piece of console text and who wrote it: the shell or IDE (`system`), the program, or the user's typed input. */
export interface ConsoleChunk {
  text: string;
  role: 'system' | 'stdout' | 'stderr' | 'stdin';
  /** Start on a new line unless the cursor already is at the start of one (shell prompts after a run). */
  freshLine?: boolean;
  /** A colour other than the role's (coloured shell prompts). */
  color?: Rgb;
}

export type Padding = { top: number; right: number; bottom: number; left: number };

export interface TitleBarSection {
  kind: 'titleBar';
  height: number;
  background: Rgb;
  color: Rgb;
  font: FontSpec;
  align: 'left' | 'center';
  title: (ctx: SceneContext) => string;
  buttons: 'windows' | 'gnome';
  buttonColor: Rgb;
  /** Colours of a small two-tone application icon at the left. */
  icon?: [Rgb, Rgb];
  /** Menu names drawn in the title bar itself (VS Code on Windows). */
  menu?: string[];
}

export interface MenuBarSection {
  kind: 'menuBar';
  height: number;
  background: Rgb;
  color: Rgb;
  font: FontSpec;
  items: string[];
  borderBottom?: Rgb;
}

export interface TabsSection {
  kind: 'tabs';
  height: number;
  background: Rgb;
  tabBackground: Rgb;
  color: Rgb;
  font: FontSpec;
  label: (ctx: SceneContext) => string;
  accentTop?: Rgb;
  border?: Rgb;
  close: boolean;
}

export interface CodeSection {
  kind: 'code';
  font: FontSpec;
  lineHeight: number;
  background: Rgb;
  padding: Padding;
  tabSize: number;
  gutter?: { background: Rgb; color: Rgb; separator?: Rgb; padLeft: number; padRight: number; minDigits: number };
}

export interface ConsoleSection {
  kind: 'console';
  font: FontSpec;
  lineHeight: number;
  background: Rgb;
  padding: Padding;
  tabSize: number;
  colors: Record<ConsoleChunk['role'], Rgb>;
  prelude: (ctx: SceneContext) => ConsoleChunk[];
  epilogue: (ctx: SceneContext) => ConsoleChunk[];
  /** Rows always shown, so a console with little output still looks like a window. */
  minRows: number;
  /** A sidebar showing the prompt (IDLE 3.10+ draws `>>>` beside the text, not in it). */
  promptGutter?: { prompt: string; color: Rgb; background: Rgb; separator: Rgb; padLeft: number; padRight: number };
}

export interface PanelHeaderSection {
  kind: 'panelHeader';
  height: number;
  background: Rgb;
  color: Rgb;
  activeColor: Rgb;
  accent: Rgb;
  borderTop: Rgb;
  font: FontSpec;
  labels: string[];
  active: number;
}

export interface StatusBarSection {
  kind: 'statusBar';
  height: number;
  background: Rgb;
  color: Rgb;
  font: FontSpec;
  left: (ctx: SceneContext) => string;
  right: (ctx: SceneContext) => string;
  borderTop?: Rgb;
}

export type Section = TitleBarSection | MenuBarSection | TabsSection | CodeSection | ConsoleSection | PanelHeaderSection | StatusBarSection;

/** One window of a screenshot: its frame and its sections from top to bottom. */
export interface WindowSpec {
  border: Rgb;
  sections: Section[];
  /** A vertical strip at the left below the title bar (VS Code's activity bar). */
  sideBar?: { width: number; background: Rgb; iconColor: Rgb };
}

/** A screenshot theme as data: colours, chrome, fonts and the text its consoles print around the program. */
export interface ThemeSpec {
  name: string;
  /** Colour around and between windows. */
  backdrop: Rgb;
  margin: number;
  gap: number;
  /** The text grid grows with the longest line between these widths; longer lines wrap. */
  columns: { min: number; max: number };
  coloring: CodeColoring;
  windows: WindowSpec[];
}
