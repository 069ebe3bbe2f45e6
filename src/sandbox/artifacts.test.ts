import { describe, expect, it } from 'vitest';
import { artifactKind, parseArtifact } from './artifacts.js';

describe('artifactKind', () => {
  it('recognises images by their magic bytes, whatever the name', () => {
    expect(artifactKind('plot', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]))).toBe('image');
    expect(artifactKind('photo.dat', Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image');
    expect(artifactKind('chart.svg', Buffer.from('<svg/>'))).toBe('image');
  });

  it('tells UTF-8 text from binary', () => {
    expect(artifactKind('out.txt', Buffer.from('héllo\n'))).toBe('text');
    expect(artifactKind('out.txt', Buffer.from([0x61, 0x00, 0x62]))).toBe('binary');
    expect(artifactKind('out.txt', Buffer.from([0xc3, 0x28]))).toBe('binary');
  });
});

describe('parseArtifact', () => {
  it('splits the name from the content at the first NUL', () => {
    const artifact = parseArtifact(Buffer.concat([Buffer.from('out.txt\0'), Buffer.from('a\0b')]));
    expect(artifact).toMatchObject({ name: 'out.txt', kind: 'binary', bytes: 3 });
    expect(artifact.content.toString()).toBe('a\0b');
  });
});
