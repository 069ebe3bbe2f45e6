const ACCEPTED = ['.docx', '.pdf'];

/** The file input's `accept` list. */
export const ACCEPT = ACCEPTED.join(',');

/** Bytes as a short human size ("1.4 MB"). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} KB`;
  if (bytes < 1024 * 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
  return `${(bytes / (1024 * 1024 * 1024)).toFixed(1).replace(/\.0$/, '')} GB`;
}

/** Why a picked file cannot be uploaded (wrong type, empty, too large), or null when it can. */
export function uploadProblem(file: { name: string; size: number }, maxBytes: number): string | null {
  const name = file.name.toLowerCase();
  if (!ACCEPTED.some((extension) => name.endsWith(extension))) {
    return `“${file.name}” is not a Word (.docx) or PDF document. Save it as .docx or .pdf and choose it again.`;
  }
  if (file.size === 0) return `“${file.name}” is empty.`;
  if (file.size > maxBytes) {
    return `“${file.name}” is ${formatBytes(file.size)}; the largest document this server takes is ${formatBytes(maxBytes)}. Compress its images or split it.`;
  }
  return null;
}
