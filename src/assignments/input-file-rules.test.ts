import { describe, expect, it } from 'vitest';
import { inputFileProblems } from './input-file-rules.js';

const files = (...names: string[]) => names.map((name) => ({ name }));

describe('inputFileProblems', () => {
  it('accepts distinct names that are not the program', () => {
    expect(inputFileProblems({ language: 'python', code: 'print(1)', inputFiles: files('data.txt', 'main.c') })).toEqual([]);
  });

  it('refuses the source file name of the task language, as the sandbox names it', () => {
    expect(inputFileProblems({ language: 'python', code: '', inputFiles: files('main.py') })).toEqual([
      { field: 'inputFiles.0.name', message: expect.stringContaining('main.py') },
    ]);
    expect(inputFileProblems({ language: 'javascript', code: 'import fs from "node:fs";', inputFiles: files('main.js', 'main.mjs') })).toEqual([
      { field: 'inputFiles.1.name', message: expect.stringContaining('main.mjs') },
    ]);
    expect(inputFileProblems({ language: 'java', code: 'class Lab { public static void main(String[] a) {} }', inputFiles: files('Main.java', 'Lab.java') })).toEqual([
      { field: 'inputFiles.1.name', message: expect.stringContaining('Lab.java') },
    ]);
  });

  it('refuses what a C or C++ build writes, but not for an interpreted language', () => {
    expect(inputFileProblems({ language: 'cpp', code: '', inputFiles: files('main') })).toHaveLength(1);
    expect(inputFileProblems({ language: 'python', code: '', inputFiles: files('main') })).toEqual([]);
  });

  it('refuses a name used twice, naming the later file', () => {
    expect(inputFileProblems({ language: '', code: '', inputFiles: files('a.txt', 'b.txt', 'a.txt') })).toEqual([
      { field: 'inputFiles.2.name', message: expect.stringContaining('another input file') },
    ]);
  });
});
