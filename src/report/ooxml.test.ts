import { describe, expect, it } from 'vitest';
import { parseXml } from '../ingest/xml.js';
import { captionParagraph, escapeXml, headingParagraph, pictureParagraph, textParagraphs } from './ooxml.js';

const wrap = (xml: string): string => `<w:body xmlns:w="w">${xml}</w:body>`;

describe('ooxml snippets', () => {
  it('escapes markup and drops characters XML cannot hold', () => {
    expect(escapeXml('a < b && "c" > d\u0000\u0007e')).toBe('a &lt; b &amp;&amp; &quot;c&quot; &gt; de');
  });

  it('writes one paragraph per line and keeps tabs as tabs', () => {
    const xml = textParagraphs('first\tcol\r\nsecond <b>');
    expect(xml).toBe(
      '<w:p><w:r><w:t xml:space="preserve">first</w:t></w:r><w:r><w:tab/></w:r><w:r><w:t xml:space="preserve">col</w:t></w:r></w:p>' +
        '<w:p><w:r><w:t xml:space="preserve">second &lt;b&gt;</w:t></w:r></w:p>',
    );
  });

  it('uses the document caption style when there is one, else centred italics', () => {
    expect(captionParagraph('Q1 — output', 'Caption')).toContain('<w:pPr><w:pStyle w:val="Caption"/><w:keepNext/><w:jc w:val="center"/></w:pPr>');
    expect(captionParagraph('Q1 — output', null)).toContain('<w:rPr><w:i/></w:rPr>');
    expect(headingParagraph('Results', null)).toContain('<w:rPr><w:b/></w:rPr>');
  });

  it('writes well-formed picture XML with escaped alt text', () => {
    const xml = pictureParagraph({ relationshipId: 'rIdLabmate1', drawingId: 9, name: 'labmate-1.png', alt: 'Q1 & "Q2"', widthEmu: 100, heightEmu: 50 });
    expect(() => parseXml(wrap(xml))).not.toThrow();
    expect(xml).toContain('<wp:docPr id="9" name="Picture 9" descr="Q1 &amp; &quot;Q2&quot;"/>');
    expect(xml).toContain('<wp:extent cx="100" cy="50"/>');
    expect(xml).toContain('r:embed="rIdLabmate1"');
  });
});
