import { describe, expect, it } from 'vitest';
import { paragraph, type DocumentModel } from '../ingest/model.js';
import { previewHtml } from './preview-html.js';

const model: DocumentModel = {
  format: 'docx',
  pages: null,
  furniture: [],
  warnings: [],
  blocks: [
    paragraph('Write a program', { listLabel: '1.' }),
    paragraph('print("<script>alert(1)</script>")', { monospace: true }),
    paragraph('<img src="http://evil.example/x.png" onerror="steal()">'),
    { type: 'table', rows: [[[paragraph('cell & more')]]] },
    { type: 'image', count: 2, page: null },
  ],
};

describe('previewHtml', () => {
  it('shows every character as text, so markup in the document never runs or loads', () => {
    const html = previewHtml(model, 'lab<1>.docx');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).not.toMatch(/src="http/);
    expect(html).toContain('&#60;script&#62;');
    expect(html).toContain('<title>lab&#60;1&#62;.docx</title>');
  });

  it('tags blocks with their index and keeps list labels, code and tables', () => {
    const html = previewHtml(model, 'lab.docx');
    expect(html).toContain('<p data-block="0"><span class="lm-label">1.</span>Write a program</p>');
    expect(html).toContain('<pre data-block="1">');
    expect(html).toContain('<table data-block="3"><tr><td><p>cell &#38; more</p></td></tr></table>');
    expect(html).toContain('[2 pictures]');
  });

  it('scopes its styles to the preview', () => {
    const style = /<style>([\s\S]*)<\/style>/.exec(previewHtml(model, 'x'))?.[1] ?? '';
    for (const rule of style.split('}').filter((r) => r.trim())) expect(rule.trim().startsWith('.lm-preview')).toBe(true);
  });
});
