import { describe, expect, it } from 'vitest';
import { formatBytes, uploadProblem } from './files';

const MB = 1024 * 1024;

describe('uploadProblem', () => {
  it('accepts a .docx or .pdf within the limit', () => {
    expect(uploadProblem({ name: 'Lab 3.DOCX', size: 2 * MB }, 50 * MB)).toBeNull();
    expect(uploadProblem({ name: 'lab.pdf', size: 1 }, 50 * MB)).toBeNull();
  });

  it('refuses another type, naming the file and what to do', () => {
    expect(uploadProblem({ name: 'notes.txt', size: 10 }, 50 * MB)).toMatch(/“notes.txt” is not a Word \(.docx\) or PDF document/);
  });

  it('refuses a file over the server’s limit, with both sizes', () => {
    expect(uploadProblem({ name: 'big.pdf', size: 60 * MB }, 50 * MB)).toMatch(/is 60 MB; the largest document this server takes is 50 MB/);
  });

  it('refuses an empty file', () => {
    expect(uploadProblem({ name: 'empty.docx', size: 0 }, 50 * MB)).toMatch(/is empty/);
  });
});

describe('formatBytes', () => {
  it('uses the largest fitting unit', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(50 * MB)).toBe('50 MB');
    expect(formatBytes(3.5 * 1024 * MB)).toBe('3.5 GB');
  });
});
