import { describe, expect, it } from 'vitest';
import { findStyleId, fitPicture } from './compose-docx.js';

/** The start of a PNG: signature and IHDR, which is all sizing reads. */
function pngHeader(width: number, height: number): Buffer {
  const bytes = Buffer.alloc(33);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(bytes);
  bytes.writeUInt32BE(13, 8);
  bytes.write('IHDR', 12, 'latin1');
  bytes.writeUInt32BE(width, 16);
  bytes.writeUInt32BE(height, 20);
  return bytes;
}

const INCH = 914400;
const area = { widthEmu: 6 * INCH, heightEmu: 9 * INCH };

describe('fitPicture', () => {
  it('keeps a picture that fits at its natural size (96 dpi without pHYs), never enlarging it', () => {
    expect(fitPicture(pngHeader(192, 96), area)).toEqual({ widthEmu: 2 * INCH, heightEmu: INCH });
  });

  it('shrinks a wide picture to the text width, keeping its aspect', () => {
    expect(fitPicture(pngHeader(1152, 288), area)).toEqual({ widthEmu: 6 * INCH, heightEmu: 1.5 * INCH });
  });

  it('shrinks a tall picture to fit the page height with room for its caption', () => {
    const { widthEmu, heightEmu } = fitPicture(pngHeader(96, 2880), area);
    expect(heightEmu).toBe(Math.round(9 * INCH * 0.85));
    expect(widthEmu / heightEmu).toBeCloseTo(96 / 2880, 4);
  });
});

describe('findStyleId', () => {
  const styles =
    '<w:styles><w:style w:type="character" w:styleId="CaptionChar"><w:name w:val="Caption Char"/></w:style>' +
    '<w:style w:type="paragraph" w:styleId="Beschriftung"><w:name w:val="caption"/></w:style>' +
    '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style></w:styles>';

  it('finds a paragraph style by its built-in name whatever its id (a German Word calls Caption "Beschriftung")', () => {
    expect(findStyleId(styles, ['caption'])).toBe('Beschriftung');
    expect(findStyleId(styles, ['heading 1'])).toBe('Heading1');
  });

  it('answers null when the document has no such style', () => {
    expect(findStyleId(styles, ['title'])).toBeNull();
    expect(findStyleId('', ['caption'])).toBeNull();
  });
});
