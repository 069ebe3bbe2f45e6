import type { FontSpec, MenuBarSection, SceneContext, StatusBarSection, TitleBarSection } from '../theme-spec.js';
import type { Rgb } from '../raster/surface.js';

/** Segoe UI's stand-in: Liberation Sans has Arial's metrics and an open licence. */
export const WINDOWS_UI: FontSpec = { family: 'liberation-sans', size: 12 };

/** A Windows 10/11 title bar: light, icon and title at the left, minimise/maximise/close at the right. */
export function windowsTitleBar(title: (ctx: SceneContext) => string, icon: [Rgb, Rgb]): TitleBarSection {
  return { kind: 'titleBar', height: 30, background: 0xffffff, color: 0x000000, font: WINDOWS_UI, align: 'left', title, buttons: 'windows', buttonColor: 0x000000, icon };
}

/** A classic Win32 menu bar. */
export function windowsMenuBar(items: string[], background: Rgb = 0xffffff): MenuBarSection {
  return { kind: 'menuBar', height: 20, background, color: 0x000000, font: WINDOWS_UI, items, borderBottom: 0xf0f0f0 };
}

/** A Win32 status bar with text at the right. */
export function windowsStatusBar(right: (ctx: SceneContext) => string, left: (ctx: SceneContext) => string = () => ''): StatusBarSection {
  return { kind: 'statusBar', height: 22, background: 0xf0f0f0, color: 0x000000, font: { family: 'liberation-sans', size: 11 }, left, right, borderTop: 0xd9d9d9 };
}

/** The colours of the Windows console (conhost / Windows Terminal "Campbell"). */
export const WINDOWS_CONSOLE = { background: 0x0c0c0c, text: 0xcccccc, error: 0xe74856 } as const;
