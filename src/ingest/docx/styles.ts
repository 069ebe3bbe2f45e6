import { child, childElements, parseXml, type XmlElement } from '../xml.js';

/** What a paragraph or character style contributes, after following its basedOn chain. */
export interface StyleInfo {
  name: string;
  font: string | undefined;
  bold: boolean | undefined;
  shaded: boolean;
  headingLevel: number;
  numId: string | undefined;
  numLevel: number;
}

interface RawStyle {
  name: string;
  basedOn: string | undefined;
  font: string | undefined;
  bold: boolean | undefined;
  shaded: boolean;
  outline: number | undefined;
  numId: string | undefined;
  numLevel: number | undefined;
}

/** The font named by an rFonts element (theme fonts are body fonts, never code fonts, so they count as none). */
export function fontOf(rPr: XmlElement | undefined): string | undefined {
  const fonts = child(rPr, 'w:rFonts');
  return fonts?.attrs['w:ascii'] ?? fonts?.attrs['w:hAnsi'] ?? fonts?.attrs['w:cs'];
}

/** On/off properties such as w:b: present means on unless its value says otherwise. */
export function toggle(element: XmlElement | undefined): boolean | undefined {
  if (!element) return undefined;
  const value = element.attrs['w:val'];
  return value === undefined || !/^(0|false|off)$/i.test(value);
}

/** True when a w:shd element paints a visible background. */
export function isShading(shd: XmlElement | undefined): boolean {
  if (!shd) return false;
  const fill = (shd.attrs['w:fill'] ?? '').toLowerCase();
  const pattern = shd.attrs['w:val'] ?? 'clear';
  if (pattern !== 'clear' && pattern !== 'nil') return true;
  return fill !== '' && fill !== 'auto' && fill !== 'ffffff';
}

/** Paragraph and character styles of a document, resolved on demand. */
export class StyleSheet {
  private readonly raw = new Map<string, RawStyle>();
  private readonly resolved = new Map<string, StyleInfo>();
  readonly defaultFont: string | undefined;
  readonly defaultParagraphStyle: string | undefined;

  constructor(xml: string | undefined) {
    let defaultFont: string | undefined;
    let defaultParagraph: string | undefined;
    const root = xml ? child(parseXml(xml), 'w:styles') : undefined;
    if (root) {
      defaultFont = fontOf(child(child(child(root, 'w:docDefaults'), 'w:rPrDefault'), 'w:rPr'));
      for (const style of childElements(root, 'w:style')) {
        const id = style.attrs['w:styleId'] ?? '';
        const pPr = child(style, 'w:pPr');
        const rPr = child(style, 'w:rPr');
        const numPr = child(pPr, 'w:numPr');
        const outline = child(pPr, 'w:outlineLvl')?.attrs['w:val'];
        this.raw.set(id, {
          name: child(style, 'w:name')?.attrs['w:val'] ?? id,
          basedOn: child(style, 'w:basedOn')?.attrs['w:val'],
          font: fontOf(rPr),
          bold: toggle(child(rPr, 'w:b')),
          shaded: isShading(child(pPr, 'w:shd')) || isShading(child(rPr, 'w:shd')),
          outline: outline === undefined ? undefined : Number(outline),
          numId: child(numPr, 'w:numId')?.attrs['w:val'],
          numLevel: numPr ? Number(child(numPr, 'w:ilvl')?.attrs['w:val'] ?? 0) : undefined,
        });
        if (style.attrs['w:type'] === 'paragraph' && style.attrs['w:default'] === '1') {
          defaultParagraph = id;
        }
      }
    }
    this.defaultFont = defaultFont;
    this.defaultParagraphStyle = defaultParagraph;
  }

  /** The effective properties of a style id (undefined id gives the document defaults). */
  get(id: string | undefined): StyleInfo {
    const key = id ?? this.defaultParagraphStyle ?? '';
    const cached = this.resolved.get(key);
    if (cached) return cached;
    const info = this.resolve(key, 0);
    this.resolved.set(key, info);
    return info;
  }

  private resolve(id: string, depth: number): StyleInfo {
    const raw = this.raw.get(id);
    if (!raw || depth > 20) {
      return { name: '', font: this.defaultFont, bold: undefined, shaded: false, headingLevel: 0, numId: undefined, numLevel: 0 };
    }
    const base = raw.basedOn ? this.resolve(raw.basedOn, depth + 1) : this.resolve('', depth + 1);
    const named = /^heading\s*(\d)$/i.exec(raw.name);
    const headingLevel = raw.outline !== undefined && raw.outline < 9 ? raw.outline + 1 : named ? Number(named[1]) : base.headingLevel;
    return {
      name: raw.name,
      font: raw.font ?? base.font,
      bold: raw.bold ?? base.bold,
      shaded: raw.shaded || base.shaded,
      headingLevel,
      numId: raw.numId ?? base.numId,
      numLevel: raw.numLevel ?? base.numLevel,
    };
  }
}
