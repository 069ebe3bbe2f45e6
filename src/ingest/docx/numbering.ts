import { child, childElements, parseXml, type XmlElement } from '../xml.js';

interface Level {
  start: number;
  format: string;
  text: string;
}

interface NumInstance {
  abstractId: string;
  overrides: Map<number, number>;
}

const ROMAN: Array<[number, string]> = [
  [1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'],
  [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i'],
];

function roman(n: number): string {
  let out = '';
  for (const [value, glyph] of ROMAN) while (n >= value) { out += glyph; n -= value; }
  return out;
}

function letters(n: number): string {
  // Word repeats the letter after z: aa, bb, ...
  const letter = String.fromCharCode(97 + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

/** Formats one counter value as Word does for the numFmt values seen in lab documents. */
export function formatCounter(value: number, format: string): string {
  switch (format) {
    case 'lowerLetter': return letters(value);
    case 'upperLetter': return letters(value).toUpperCase();
    case 'lowerRoman': return roman(value);
    case 'upperRoman': return roman(value).toUpperCase();
    case 'decimalZero': return value < 10 ? `0${value}` : String(value);
    case 'none': return '';
    default: return String(value);
  }
}

function attr(element: XmlElement | undefined, name = 'w:val'): string | undefined {
  return element?.attrs[name];
}

/**
 * Resolves Word automatic numbering to the label Word shows. Counters belong to the abstract list, so separate
 * list instances continue each other unless one restarts with a start override, as in Word.
 */
export class NumberingResolver {
  private readonly abstracts = new Map<string, Map<number, Level>>();
  private readonly instances = new Map<string, NumInstance>();
  private readonly counters = new Map<string, number[]>();
  private readonly started = new Set<string>();

  constructor(xml: string | undefined) {
    if (!xml) return;
    const root = child(parseXml(xml), 'w:numbering');
    if (!root) return;
    for (const abstract of childElements(root, 'w:abstractNum')) {
      const levels = new Map<number, Level>();
      for (const lvl of childElements(abstract, 'w:lvl')) {
        levels.set(Number(lvl.attrs['w:ilvl'] ?? 0), {
          start: Number(attr(child(lvl, 'w:start')) ?? 1),
          format: attr(child(lvl, 'w:numFmt')) ?? 'decimal',
          text: attr(child(lvl, 'w:lvlText')) ?? '',
        });
      }
      this.abstracts.set(abstract.attrs['w:abstractNumId'] ?? '', levels);
    }
    for (const num of childElements(root, 'w:num')) {
      const overrides = new Map<number, number>();
      for (const override of childElements(num, 'w:lvlOverride')) {
        const start = attr(child(override, 'w:startOverride'));
        if (start !== undefined) overrides.set(Number(override.attrs['w:ilvl'] ?? 0), Number(start));
      }
      this.instances.set(num.attrs['w:numId'] ?? '', { abstractId: attr(child(num, 'w:abstractNumId')) ?? '', overrides });
    }
  }

  /** Advances the list counter for a numbered paragraph and returns the label Word would show. */
  next(numId: string, level: number): string {
    const instance = this.instances.get(numId);
    const levels = instance && this.abstracts.get(instance.abstractId);
    const def = levels?.get(level);
    if (!instance || !levels || !def) return '';
    if (def.format === 'bullet') return '•';
    const counters = this.counters.get(instance.abstractId) ?? [];
    if (!this.started.has(numId)) {
      this.started.add(numId);
      for (const [overrideLevel, start] of instance.overrides) {
        counters[overrideLevel] = start - 1;
        counters.length = overrideLevel + 1;
      }
    }
    counters[level] = (counters[level] ?? (def.start - 1)) + 1;
    for (let deeper = level + 1; deeper < counters.length; deeper++) delete counters[deeper];
    counters.length = level + 1;
    this.counters.set(instance.abstractId, counters);
    return def.text.replace(/%(\d)/g, (_, n: string) => {
      const index = Number(n) - 1;
      const lvl = levels.get(index);
      const value = counters[index] ?? lvl?.start ?? 1;
      return formatCounter(value, lvl?.format ?? 'decimal');
    }).trim();
  }
}
