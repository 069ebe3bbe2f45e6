import { describe, expect, it } from 'vitest';
import { childElements, decodeEntities, declaresDtd, parseXml, textOf } from './xml.js';

describe('parseXml', () => {
  it('builds elements with attributes and decoded text', () => {
    const root = parseXml('<?xml version="1.0"?><w:p a="1 &amp; 2"><w:t>x &lt; y</w:t><w:br/></w:p>');
    const [p] = childElements(root);
    expect(p!.name).toBe('w:p');
    expect(p!.attrs).toEqual({ a: '1 & 2' });
    expect(childElements(p!).map((e) => e.name)).toEqual(['w:t', 'w:br']);
    expect(textOf(p!)).toBe('x < y');
  });

  it('refuses a DTD instead of expanding entities', () => {
    expect(declaresDtd('<!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>')).toBe(true);
    expect(() => parseXml('<!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>')).toThrow(/DTD/);
  });

  it('leaves unknown entities as written and rejects unbalanced tags', () => {
    expect(decodeEntities('&a; &#65; &#x42;')).toBe('&a; A B');
    expect(() => parseXml('<a><b></a>')).toThrow();
  });
});
