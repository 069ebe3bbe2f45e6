import { describe, expect, it } from 'vitest';
import { readDocx } from '../ingest/docx/read-docx.js';
import { scanBody, sectionAfter, textAreaOf } from './body-layout.js';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const p = (text: string): string => `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`;
const textBox = `<w:p><w:r><w:t>boxed</w:t></w:r><w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox><w:txbxContent>${p('inside box')}${p('second')}</w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>`;
const table = `<w:tbl><w:tr><w:tc>${p('cell')}<w:tbl><w:tr><w:tc>${p('nested')}</w:tc></w:tr></w:tbl></w:tc></w:tr></w:tbl>`;
const sdt = `<w:sdt><w:sdtPr><w:alias w:val="Name"/></w:sdtPr><w:sdtContent>${p('in control')}${p('also')}</w:sdtContent></w:sdt>`;
const landscapeBreak =
  '<w:p><w:pPr><w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/><w:pgMar w:top="1000" w:right="1000" w:bottom="1000" w:left="1000" w:gutter="0"/></w:sectPr></w:pPr><w:r><w:t>wide</w:t></w:r></w:p>';
const finalSection = '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:gutter="0"/><w:cols w:space="708"/></w:sectPr>';
const body = [p('first'), '<!-- a comment <w:p> -->', table, sdt, '<w:p/>', textBox, landscapeBreak, p('after the break'), '<w:bookmarkEnd w:id="0"/>'];
const documentXml = `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}"><w:body>${body.join('')}${finalSection}</w:body></w:document>`;

describe('scanBody', () => {
  it('maps exactly the blocks the reader sees, in order, with their exact XML', () => {
    const layout = scanBody(documentXml);
    const model = readDocx(new Map([['word/document.xml', documentXml]]));
    expect(layout.blocks).toHaveLength(model.blocks.length);
    const slices = layout.blocks.map((b) => documentXml.slice(b.start, b.end));
    expect(slices).toEqual([p('first'), table, p('in control'), p('also'), '<w:p/>', textBox, landscapeBreak, p('after the break')]);
    expect(documentXml.slice(layout.endOffset).startsWith('<w:sectPr><w:pgSz w:w="11906"')).toBe(true);
  });

  it('inserts after a content control when the anchor is its last block, inside it otherwise', () => {
    const layout = scanBody(documentXml);
    expect(layout.blocks[2]!.after).toBe(layout.blocks[2]!.end);
    const controlEnd = documentXml.indexOf('</w:sdt>') + '</w:sdt>'.length;
    expect(layout.blocks[3]!.after).toBe(controlEnd);
    expect(layout.blocks.filter((_block, i) => i !== 3).every((b) => b.after === b.end)).toBe(true);
  });

  it('sizes inserts by the section that will hold them', () => {
    const layout = scanBody(documentXml);
    const landscape = sectionAfter(layout, 0);
    expect(landscape.widthEmu).toBe((16838 - 2000) * 635);
    // After the section-ending paragraph, content is in the last (portrait) section.
    expect(sectionAfter(layout, 6)).toEqual(layout.lastSection);
    expect(layout.lastSection.widthEmu).toBe((11906 - 2880) * 635);
  });

  it('puts end content before </w:body> when the body has no sectPr', () => {
    const xml = `<w:document xmlns:w="${W}"><w:body>${p('only')}</w:body></w:document>`;
    const layout = scanBody(xml);
    expect(xml.slice(layout.endOffset)).toBe('</w:body></w:document>');
    expect(layout.lastSection.widthEmu).toBe((12240 - 2880) * 635);
  });

  it('refuses unbalanced XML', () => {
    expect(() => scanBody(`<w:document><w:body><w:p></w:body></w:document>`)).toThrow(/unexpected/);
  });
});

describe('textAreaOf', () => {
  it('subtracts margins and gutter and divides among columns', () => {
    const area = textAreaOf('<w:sectPr><w:pgSz w:w="12240" w:h="15840"/><w:pgMar w:left="1440" w:right="1440" w:top="1440" w:bottom="1440" w:gutter="360"/><w:cols w:num="2" w:space="720"/></w:sectPr>');
    expect(area.widthEmu).toBe(((12240 - 2880 - 360 - 720) / 2) * 635);
    expect(area.heightEmu).toBe((15840 - 2880) * 635);
  });
});
