const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;
/** Room for the suffix within the 255-byte name limit of common file systems. */
const MAX_STEM_BYTES = 180;

/**
 * The stem of an uploaded file's name, safe on every OS: no directories, no characters Windows or Unix refuse,
 * no reserved device names, no trailing dots or spaces, and not too long. Unicode letters are kept.
 */
export function safeStem(originalName: string): string {
  const base = originalName.split(/[\\/]/).pop() ?? '';
  return sanitizedStem(base.includes('.') ? base.slice(0, base.lastIndexOf('.')) : base);
}

function sanitizedStem(name: string): string {
  let stem = name
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[. ]+|[. ]+$/g, '');
  while (Buffer.byteLength(stem, 'utf8') > MAX_STEM_BYTES) stem = [...stem].slice(0, -1).join('');
  if (stem === '') return 'lab';
  return WINDOWS_RESERVED.test(stem) ? `${stem}_` : stem;
}

/** The download name of a report: the name the student chose, else `<original stem>_report`, with `.docx` or `.pdf`. */
export function reportFileName(originalName: string, extension: 'docx' | 'pdf', chosen?: string): string {
  if (chosen) return `${sanitizedStem(chosen.replace(/\.(docx|pdf)$/i, '').replace(/[\\/]/g, '_'))}.${extension}`;
  return `${safeStem(originalName)}_report.${extension}`;
}
