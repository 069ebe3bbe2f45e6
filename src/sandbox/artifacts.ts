import type { Artifact } from './types.js';

const IMAGE_MAGIC: [number[], string][] = [
  [[0x89, 0x50, 0x4e, 0x47], 'png'],
  [[0xff, 0xd8, 0xff], 'jpeg'],
  [[0x47, 0x49, 0x46, 0x38], 'gif'],
];

/** Decides how a returned file can be shown: an image by its magic bytes (or .svg), text if it is valid UTF-8. */
export function artifactKind(name: string, content: Buffer): Artifact['kind'] {
  if (IMAGE_MAGIC.some(([magic]) => magic.every((byte, i) => content[i] === byte))) return 'image';
  if (name.toLowerCase().endsWith('.svg')) return 'image';
  if (content.subarray(0, 8192).includes(0)) return 'binary';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(content);
    return 'text';
  } catch {
    return 'binary';
  }
}

/** Builds an artifact from the supervisor's `name NUL content` payload. */
export function parseArtifact(payload: Buffer): Artifact {
  const split = payload.indexOf(0);
  const name = payload.subarray(0, split).toString('utf8');
  const content = Buffer.from(payload.subarray(split + 1));
  return { name, kind: artifactKind(name, content), bytes: content.length, content };
}
