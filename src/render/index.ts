export { fileNameFor, planScreenshots, renderScreenshots, type ScreenshotInput, type ScreenshotPlan, type TranscriptSegment } from './screenshot.js';
export { RenderPool } from './worker-pool.js';
export { THEMES, isThemeName, themeFor, type ThemeName } from './themes/index.js';
export { LANGUAGES, type Language } from './highlight.js';
export { renderFileCard, renderPlotCard, type FileCardInput, type PlotCardInput } from './cards.js';
export { decodePng, type RgbaImage } from './raster/png-decode.js';
