import { describe, expect, it } from 'vitest';
import { addImageRelationships, EMPTY_RELATIONSHIPS, ensurePngContentType, freshMediaNames, maxDrawingId } from './package-parts.js';

describe('package parts', () => {
  it('adds image relationships with ids nobody uses yet', () => {
    const rels = '<Relationships xmlns="x"><Relationship Id="rIdLabmate1" Type="t" Target="styles.xml"/><Relationship Id="rId2" Type="t" Target="a"/></Relationships>';
    const { xml, ids } = addImageRelationships(rels, ['media/labmate-1.png', 'media/labmate-2.png']);
    expect(ids).toEqual(['rIdLabmate2', 'rIdLabmate3']);
    expect(xml).toContain('<Relationship Id="rIdLabmate2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/labmate-1.png"/>');
    expect(xml.startsWith('<Relationships xmlns="x"><Relationship Id="rIdLabmate1"')).toBe(true);
  });

  it('opens up a self-closing relationships root', () => {
    const { xml } = addImageRelationships('<Relationships xmlns="x"/>', ['media/a.png']);
    expect(xml).toMatch(/^<Relationships xmlns="x"><Relationship Id="rIdLabmate1" [^>]+\/><\/Relationships>$/);
    expect(addImageRelationships(EMPTY_RELATIONSHIPS, ['m.png']).xml).toContain('Target="m.png"');
  });

  it('declares PNG once', () => {
    const types = '<Types xmlns="t"><Default Extension="xml" ContentType="application/xml"/></Types>';
    const once = ensurePngContentType(types);
    expect(once).toContain('<Default Extension="png" ContentType="image/png"/></Types>');
    expect(ensurePngContentType(once)).toBe(once);
    expect(ensurePngContentType('<Types><Default Extension="PNG" ContentType="image/png"/></Types>')).not.toContain('Extension="png"');
  });

  it('finds the largest drawing id across parts', () => {
    expect(maxDrawingId(['<wp:docPr id="4" name="a"/>', '<wp:docPr name="b" id="17"/><wp:docPr id="2"/>', '<w:p/>'])).toBe(17);
    expect(maxDrawingId([])).toBe(0);
  });

  it('picks media names that do not collide, whatever their case', () => {
    expect(freshMediaNames(['word/media/LABMATE-1.png', 'word/media/labmate-3.png'], 2)).toEqual(['word/media/labmate-2.png', 'word/media/labmate-4.png']);
  });
});
