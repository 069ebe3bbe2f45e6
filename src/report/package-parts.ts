import { escapeXml } from './ooxml.js';

const IMAGE_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/image';

/** An empty relationships part, for a document.xml that had none. */
export const EMPTY_RELATIONSHIPS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';

function insertBeforeClosing(xml: string, closingTag: string, addition: string): string {
  const at = xml.lastIndexOf(closingTag);
  if (at >= 0) return xml.slice(0, at) + addition + xml.slice(at);
  // A self-closing root (`<Relationships .../>`) is opened up to take children.
  const open = closingTag.slice(2, -1);
  const selfClosing = new RegExp(`<${open}\\b([^>]*?)\\s*/>`).exec(xml);
  if (!selfClosing) throw new Error(`no ${open} element to extend`);
  return xml.slice(0, selfClosing.index) + `<${open}${selfClosing[1]}>${addition}</${open}>` + xml.slice(selfClosing.index + selfClosing[0].length);
}

/** Adds image relationships with ids no existing relationship uses; returns the new part and the ids in order. */
export function addImageRelationships(relsXml: string, targets: readonly string[]): { xml: string; ids: string[] } {
  const taken = new Set([...relsXml.matchAll(/\bId\s*=\s*["']([^"']+)["']/g)].map((m) => m[1]!));
  const ids: string[] = [];
  let counter = 1;
  for (let i = 0; i < targets.length; i++) {
    while (taken.has(`rIdLabmate${counter}`)) counter++;
    const id = `rIdLabmate${counter}`;
    taken.add(id);
    ids.push(id);
  }
  const added = targets.map((target, i) => `<Relationship Id="${ids[i]}" Type="${IMAGE_TYPE}" Target="${escapeXml(target)}"/>`).join('');
  return { xml: targets.length ? insertBeforeClosing(relsXml, '</Relationships>', added) : relsXml, ids };
}

/** Declares PNG as a content type unless the package already does. */
export function ensurePngContentType(contentTypesXml: string): string {
  if (/<Default\b[^>]*\bExtension\s*=\s*["']png["']/i.test(contentTypesXml)) return contentTypesXml;
  return insertBeforeClosing(contentTypesXml, '</Types>', '<Default Extension="png" ContentType="image/png"/>');
}

/** The largest drawing id (`docPr id`) used in any of these parts, so new drawings can count on from it. */
export function maxDrawingId(xmlParts: Iterable<string>): number {
  let max = 0;
  for (const xml of xmlParts) {
    for (const match of xml.matchAll(/<(?:[\w-]+:)?docPr\b[^>]*?\sid\s*=\s*["'](\d+)["']/g)) max = Math.max(max, Number(match[1]));
  }
  return max;
}

/** Media part names (`word/media/labmate-N.png`) that no existing entry uses, compared without case. */
export function freshMediaNames(existing: Iterable<string>, count: number): string[] {
  const taken = new Set([...existing].map((name) => name.toLowerCase()));
  const names: string[] = [];
  for (let n = 1; names.length < count; n++) {
    const name = `word/media/labmate-${n}.png`;
    if (!taken.has(name)) names.push(name);
  }
  return names;
}
