import { describe, expect, it } from 'vitest';
import { formatCounter, NumberingResolver } from './numbering.js';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const xml = `<w:numbering ${W}>
<w:abstractNum w:abstractNumId="0">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1.%2)"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="10"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
<w:num w:numId="4"><w:abstractNumId w:val="1"/></w:num>
</w:numbering>`;

describe('NumberingResolver', () => {
  it('counts levels, resets deeper levels and continues a list across instances until a restart', () => {
    const numbering = new NumberingResolver(xml);
    expect(['1', '1', '1', '1', '2'].map((id, i) => numbering.next(id, [0, 1, 1, 0, 0][i]!))).toEqual(['1.', '1.a)', '1.b)', '2.', '3.']);
    expect(numbering.next('3', 0)).toBe('1.');
    expect(numbering.next('2', 0)).toBe('2.');
  });

  it('honours a list that starts at 10', () => {
    expect(new NumberingResolver(xml).next('4', 0)).toBe('10.');
  });

  it('formats letters and roman numerals as Word does', () => {
    expect(formatCounter(27, 'lowerLetter')).toBe('aa');
    expect(formatCounter(14, 'upperRoman')).toBe('XIV');
  });
});
