import { describe, expect, it } from 'vitest';
import { languageOfCode, languageOfText } from './language.js';

describe('languageOfCode', () => {
  it('keeps Python with os.path and a docstring saying "implements" as Python', () => {
    expect(languageOfCode('import os.path\n"""This implements a stack."""\nprint(os.path.exists("x"))')).toBe('python');
  });

  it('tells C from C++', () => {
    expect(languageOfCode('#include <stdio.h>\nint main() { printf("hi"); return 0; }')).toBe('c');
    expect(languageOfCode('#include <iostream>\nusing namespace std;\nint main() { cout << "hi"; }')).toBe('cpp');
  });

  it('recognises Java with a non-public main class, JavaScript and HTML', () => {
    expect(languageOfCode('class metride\n{\n\tpublic static void main(String args[])\n\t{\n\t\tSystem.out.println("x");\n\t}\n}')).toBe('java');
    expect(languageOfCode('const total = [1, 2].reduce((a, b) => a + b);\nconsole.log(total);')).toBe('javascript');
    expect(languageOfCode('<!DOCTYPE html>\n<html><body><h1>Hi</h1></body></html>')).toBe('html');
  });

  it('says nothing about text that is not code', () => {
    expect(languageOfCode('The quick brown fox.')).toBe('');
  });
});

describe('languageOfText', () => {
  it('reads the language a question names, matching whole words', () => {
    expect(languageOfText('Write a Java program to add numbers')).toBe('java');
    expect(languageOfText('Note: Use C/C++ or JAVA programming language.')).toBe('cpp');
    expect(languageOfText('Write a program in C to sort')).toBe('c');
    expect(languageOfText('Javanese scripts and a Cpython build')).toBe('');
  });
});
