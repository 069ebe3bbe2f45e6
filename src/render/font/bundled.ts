import { readFileSync } from 'node:fs';
import { FaceStack, SizedFace } from './face.js';
import { TrueTypeFont } from './truetype.js';

/** The font families bundled in `assets/fonts/`, so images never depend on the host's fonts. */
export type FontFamily = 'jetbrains-mono' | 'liberation-mono' | 'dejavu-sans-mono' | 'liberation-sans';
export type FontStyle = 'regular' | 'bold' | 'italic';

const FONT_DIR = new URL('../../../assets/fonts/', import.meta.url);

const FILES: Record<FontFamily, Partial<Record<FontStyle, string>> & { regular: string }> = {
  'jetbrains-mono': { regular: 'JetBrainsMono-Regular.ttf', bold: 'JetBrainsMono-Bold.ttf', italic: 'JetBrainsMono-Italic.ttf' },
  'liberation-mono': { regular: 'LiberationMono-Regular.ttf', bold: 'LiberationMono-Bold.ttf' },
  'dejavu-sans-mono': { regular: 'DejaVuSansMono.ttf', bold: 'DejaVuSansMono-Bold.ttf' },
  'liberation-sans': { regular: 'LiberationSans-Regular.ttf', bold: 'LiberationSans-Bold.ttf' },
};

/** Tried in order for characters the chosen family lacks: wide Latin/Greek/Cyrillic/box drawing, CJK, emoji and symbols. */
const FALLBACK_FILES = ['DejaVuSansMono.ttf', 'DroidSansFallbackFull.ttf', 'Symbola.ttf'];

const fonts = new Map<string, TrueTypeFont>();
const stacks = new Map<string, FaceStack>();

function loadFont(file: string): TrueTypeFont {
  let font = fonts.get(file);
  if (!font) {
    font = new TrueTypeFont(readFileSync(new URL(file, FONT_DIR)));
    fonts.set(file, font);
  }
  return font;
}

/** The face stack (family, style and fallbacks) at a pixel size; built once per process and reused. */
export function faceStack(family: FontFamily, style: FontStyle, pixelSize: number): FaceStack {
  const key = `${family}/${style}/${pixelSize}`;
  let stack = stacks.get(key);
  if (!stack) {
    const files = FILES[family];
    const primary = files[style] ?? files.regular;
    const chain = [primary, ...FALLBACK_FILES.filter((file) => file !== primary)];
    stack = new FaceStack(chain.map((file) => new SizedFace(loadFont(file), pixelSize)));
    stacks.set(key, stack);
  }
  return stack;
}
