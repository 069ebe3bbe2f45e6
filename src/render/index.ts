export { renderScreenshots, fileNameFor, type ScreenshotInput, type TranscriptSegment } from './screenshot.js';
export { RenderPool, renderInWorker } from './worker-pool.js';
export { THEMES, isThemeName, themeFor, type ThemeName } from './themes/index.js';
export { LANGUAGES, type Language } from './highlight.js';
