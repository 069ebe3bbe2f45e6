import type { Block, DocumentModel, ParagraphBlock } from '../ingest/model.js';

const STYLE = `.lm-preview{font:15px/1.5 system-ui,sans-serif;color:#1b1b1f;max-width:50rem;margin:0 auto;padding:1rem}
.lm-preview p{margin:.3rem 0;white-space:pre-wrap}.lm-preview pre{background:#f4f4f6;padding:.4rem .6rem;margin:.2rem 0;white-space:pre-wrap;font:13px/1.4 ui-monospace,monospace}
.lm-preview table{border-collapse:collapse;margin:.5rem 0}.lm-preview td{border:1px solid #c8c8d0;padding:.3rem .5rem;vertical-align:top}
.lm-preview .lm-label{font-weight:600;margin-right:.4rem}.lm-preview .lm-picture{color:#666;font-style:italic}
.lm-preview .lm-page{color:#888;font-size:12px;border-top:1px dashed #ccc;margin-top:1rem}`;

/** Escapes text for HTML; every character of the document is shown as text, never interpreted. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function paragraphHtml(block: ParagraphBlock, index: number | undefined): string {
  const attr = index === undefined ? '' : ` data-block="${index}"`;
  const label = block.listLabel ? `<span class="lm-label">${escapeHtml(block.listLabel)}</span>` : '';
  const picture = block.images > 0 ? ' <span class="lm-picture">[picture]</span>' : '';
  if (block.monospace) return `<pre${attr}>${escapeHtml(block.text)}</pre>`;
  if (block.headingLevel > 0) {
    const level = Math.min(block.headingLevel + 1, 6);
    return `<h${level}${attr}>${label}${escapeHtml(block.text)}</h${level}>`;
  }
  return `<p${attr}>${label}${escapeHtml(block.text)}${picture}</p>`;
}

function blockHtml(block: Block, index: number): string {
  if (block.type === 'paragraph') return paragraphHtml(block, index);
  if (block.type === 'image') return `<p data-block="${index}" class="lm-picture">[${block.count > 1 ? `${block.count} pictures` : 'picture'}]</p>`;
  const rows = block.rows
    .map((row) => `<tr>${row.map((cell) => `<td>${cell.map((p) => paragraphHtml(p, undefined)).join('')}</td>`).join('')}</tr>`)
    .join('');
  return `<table data-block="${index}">${rows}</table>`;
}

/**
 * A self-contained HTML view of a document model: text only (no scripts, links, images or external URLs), styles
 * scoped under `.lm-preview`, each block tagged with its index so a task's anchor can be highlighted.
 */
export function previewHtml(model: DocumentModel, title: string): string {
  let page: number | null = null;
  const parts: string[] = [];
  model.blocks.forEach((block, index) => {
    const blockPage = block.type === 'table' ? null : block.page;
    if (blockPage !== null && blockPage !== page) {
      page = blockPage;
      parts.push(`<div class="lm-page">page ${page}</div>`);
    }
    parts.push(blockHtml(block, index));
  });
  return `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body><div class="lm-preview">${parts.join('\n')}</div></body></html>`;
}
