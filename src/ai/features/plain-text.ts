const MARKUP_TAG = /<\/?(p|br|div|span|b|i|u|em|strong|small|mark|ul|ol|li|h[1-6]|table|thead|tbody|tr|td|th|pre|code|a|img|script|style|iframe|sup|sub|hr|blockquote|font|center)(\s+[\w-]+\s*=\s*("[^"]*"|'[^']*'))*\s*\/?>/gu;
const BREAK_TAG = /^<(br|\/p|\/div|\/li|\/h[1-6]|\/tr|hr)\b/u;

/**
 * Model text with HTML markup tags removed outside `code` spans (a line break for block-ending tags), so it is
 * plain text wherever it is shown. Only lower-case tags count, so generics such as `List<B>` stay, as do tags quoted in
 * backticks and comparisons like "a<b and c>d".
 */
export function plainText(text: string): { text: string; removedTags: number } {
  let removedTags = 0;
  const pieces = text.split(/(```[\s\S]*?```|`[^`\n]*`)/u);
  const cleaned = pieces.map((piece, i) => {
    if (i % 2 === 1) return piece;
    return piece.replace(MARKUP_TAG, (tag) => {
      removedTags++;
      return BREAK_TAG.test(tag) ? '\n' : '';
    });
  });
  return { text: cleaned.join('').replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n').trim(), removedTags };
}
