/** WordprocessingML snippets the composer inserts; every name and text is escaped here, nowhere else. */

const NS = {
  wp: 'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing',
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  pic: 'http://schemas.openxmlformats.org/drawingml/2006/picture',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
};

/** Escapes text for element content and attribute values, dropping characters XML 1.0 cannot hold. */
export function escapeXml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** Runs for one line of text; tabs stay tabs. */
function textRuns(text: string, rPr = ''): string {
  return text
    .split('\t')
    .map((piece, i) => (i > 0 ? `<w:r>${rPr}<w:tab/></w:r>` : '') + (piece ? `<w:r>${rPr}<w:t xml:space="preserve">${escapeXml(piece)}</w:t></w:r>` : ''))
    .join('');
}

/** A caption: the document's Caption style when it has one, else centred italics; kept with the picture below. */
export function captionParagraph(text: string, captionStyleId: string | null): string {
  const style = captionStyleId ? `<w:pStyle w:val="${escapeXml(captionStyleId)}"/>` : '';
  const rPr = captionStyleId ? '' : '<w:rPr><w:i/></w:rPr>';
  return `<w:p><w:pPr>${style}<w:keepNext/><w:jc w:val="center"/></w:pPr>${textRuns(text, rPr)}</w:p>`;
}

/** A heading paragraph in the given style, or bold text when the document has no such style. */
export function headingParagraph(text: string, styleId: string | null): string {
  if (styleId) return `<w:p><w:pPr><w:pStyle w:val="${escapeXml(styleId)}"/><w:keepNext/></w:pPr>${textRuns(text)}</w:p>`;
  return `<w:p><w:pPr><w:keepNext/></w:pPr>${textRuns(text, '<w:rPr><w:b/></w:rPr>')}</w:p>`;
}

/** Plain paragraphs, one per line of the text. */
export function textParagraphs(text: string, styleId: string | null = null): string {
  const pPr = styleId ? `<w:pPr><w:pStyle w:val="${escapeXml(styleId)}"/></w:pPr>` : '';
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => `<w:p>${pPr}${textRuns(line)}</w:p>`)
    .join('');
}

/** A paragraph that starts a new page. */
export function pageBreakParagraph(): string {
  return '<w:p><w:r><w:br w:type="page"/></w:r></w:p>';
}

/** One picture placed inline in its own centred paragraph. */
export interface PictureSpec {
  relationshipId: string;
  /** Unique among the document's drawings (`wp:docPr id`). */
  drawingId: number;
  name: string;
  alt: string;
  widthEmu: number;
  heightEmu: number;
}

/**
 * An inline picture paragraph. Namespaces are declared on the elements that use them, as Word itself does for
 * `a:` and `pic:`, so the original root element is left untouched whatever it declares.
 */
export function pictureParagraph(picture: PictureSpec): string {
  const { relationshipId, drawingId, widthEmu: cx, heightEmu: cy } = picture;
  const name = escapeXml(picture.name);
  const alt = escapeXml(picture.alt);
  return (
    `<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:drawing>` +
    `<wp:inline xmlns:wp="${NS.wp}" distT="0" distB="0" distL="0" distR="0">` +
    `<wp:extent cx="${cx}" cy="${cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>` +
    `<wp:docPr id="${drawingId}" name="Picture ${drawingId}" descr="${alt}"/>` +
    `<wp:cNvGraphicFramePr><a:graphicFrameLocks xmlns:a="${NS.a}" noChangeAspect="1"/></wp:cNvGraphicFramePr>` +
    `<a:graphic xmlns:a="${NS.a}"><a:graphicData uri="${NS.pic}"><pic:pic xmlns:pic="${NS.pic}">` +
    `<pic:nvPicPr><pic:cNvPr id="${drawingId}" name="${name}" descr="${alt}"/><pic:cNvPicPr><a:picLocks noChangeAspect="1" noChangeArrowheads="1"/></pic:cNvPicPr></pic:nvPicPr>` +
    `<pic:blipFill><a:blip xmlns:r="${NS.r}" r:embed="${escapeXml(relationshipId)}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>` +
    `<pic:spPr bwMode="auto"><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>` +
    `</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>`
  );
}
