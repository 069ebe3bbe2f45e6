import JSZip from 'jszip';
import { composeDocx } from './compose-docx.js';
import { escapeXml, headingParagraph, textParagraphs } from './ooxml.js';
import type { ReportOptions, ReportTask, TaskInserts } from './report-plan.js';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>`;

const PACKAGE_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/officeDocument" Target="word/document.xml"/></Relationships>`;

const DOCUMENT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/styles" Target="styles.xml"/></Relationships>`;

function style(id: string, name: string, pPr: string, rPr: string): string {
  return `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr>${pPr}</w:pPr><w:rPr>${rPr}</w:rPr></w:style>`;
}

// Children follow the schema's sequence order (pPr: shd before spacing), which Word enforces.
// Arial and Courier New: on every Word install, and LibreOffice maps them to the metric-compatible Liberation fonts.
const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="${W}"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:cs="Arial" w:eastAsia="Arial"/><w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="en-US"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
${style('Title', 'Title', '<w:spacing w:after="240"/>', '<w:b/><w:sz w:val="36"/><w:szCs w:val="36"/>')}
${style('Heading1', 'heading 1', '<w:keepNext/><w:spacing w:before="360" w:after="120"/><w:outlineLvl w:val="0"/>', '<w:b/><w:sz w:val="30"/><w:szCs w:val="30"/>')}
${style('Heading2', 'heading 2', '<w:keepNext/><w:spacing w:before="240" w:after="80"/><w:outlineLvl w:val="1"/>', '<w:b/><w:sz w:val="26"/><w:szCs w:val="26"/>')}
${style('Caption', 'caption', '<w:spacing w:before="120" w:after="60"/>', '<w:i/><w:sz w:val="20"/><w:szCs w:val="20"/>')}
${style('Code', 'Code', '<w:shd w:val="clear" w:color="auto" w:fill="F2F2F2"/><w:spacing w:after="0" w:line="240" w:lineRule="auto"/>', '<w:rFonts w:ascii="Courier New" w:hAnsi="Courier New" w:cs="Courier New"/><w:sz w:val="19"/><w:szCs w:val="19"/>')}
</w:styles>`;

/** A4 with one-inch margins. */
const SECTION = '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="708" w:footer="708" w:gutter="0"/></w:sectPr>';

/** The questions as a fresh document, and for each task the index of its last paragraph (its new anchor). */
function questionsDocument(title: string, tasks: readonly ReportTask[]): { xml: string; anchors: Map<string, number> } {
  const paragraphs: string[] = [`<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t xml:space="preserve">${escapeXml(title)}</w:t></w:r></w:p>`];
  const anchors = new Map<string, number>();
  const add = (xml: string): void => {
    for (const p of xml.split(/(?=<w:p>)/)) if (p) paragraphs.push(p);
  };
  for (const task of tasks) {
    const label = task.label.trim();
    const question = task.question.trim();
    add(headingParagraph(label || question.split('\n')[0]!.slice(0, 80), 'Heading2'));
    if (label && question) add(textParagraphs(question));
    if (task.code.trim()) add(textParagraphs(task.code.replace(/\s+$/, ''), 'Code'));
    anchors.set(task.id, paragraphs.length - 1);
  }
  const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="${W}" xmlns:r="${R}"><w:body>${paragraphs.join('')}${SECTION}</w:body></w:document>`;
  return { xml, anchors };
}

/**
 * Builds a new DOCX for an upload that was not a DOCX (a PDF): a title from the file name, then per task its
 * label, question and code (monospace), then its inserts, placed as `composeDocx` places them.
 */
export async function composeFromTasks(title: string, tasks: readonly ReportTask[], inserts: readonly TaskInserts[], options: ReportOptions = {}): Promise<Buffer> {
  const { xml, anchors } = questionsDocument(title, tasks);
  const zip = new JSZip();
  zip.file('[Content_Types].xml', CONTENT_TYPES);
  zip.file('_rels/.rels', PACKAGE_RELS);
  zip.file('word/document.xml', xml);
  zip.file('word/styles.xml', STYLES);
  zip.file('word/_rels/document.xml.rels', DOCUMENT_RELS);
  const skeleton = await zip.generateAsync({ type: 'uint8array' });
  const anchored = inserts.map((entry) => ({ ...entry, task: { ...entry.task, anchor: { block: anchors.get(entry.task.id) ?? Number.MAX_SAFE_INTEGER } } }));
  return composeDocx(skeleton, anchored, options);
}
