import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/analyze/parse-document.js';
import type { Task } from '../../src/analyze/task.js';
import { buildDocx, type BlockSpec, type ParagraphSpec } from '../fixtures/docx-builder.js';
import { buildPdf, flow } from '../fixtures/pdf-builder.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'labmate-detect-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

let counter = 0;
async function docxTasks(blocks: BlockSpec[]): Promise<Task[]> {
  const path = join(dir, `doc${counter++}.docx`);
  await writeFile(path, await buildDocx(blocks));
  return (await parseDocument(path)).tasks;
}

const p = (text: string, extra: Partial<ParagraphSpec> = {}): ParagraphSpec => ({ text, ...extra });
const mono = (text: string): ParagraphSpec => ({ text, font: 'Consolas' });

describe('task labels', () => {
  const cases: Array<[string, string]> = [
    ['1. Write a program to add two numbers.', '1.'],
    ['Q1 Write a program to add two numbers.', 'Q1'],
    ['Q1.\tWrite a program to add two numbers.', 'Q1'],
    ['Question-1: Write a program to add two numbers.', 'Question-1'],
    ['Question No. 1 Write a program to add two numbers.', 'Question No. 1'],
    ['Experiment 1.1: Write a program to add two numbers.', 'Experiment 1.1'],
    ['Program 7: Write a program to add two numbers.', 'Program 7'],
    ['Practical 3 Write a program to add two numbers.', 'Practical 3'],
    ['Task 2: Write a program to add two numbers.', 'Task 2'],
    ['Week #4 Write a program to add two numbers.', 'Week #4'],
    ['Bài 2. Viết chương trình cộng hai số.', 'Bài 2'],
    ['№1 Write a program to add two numbers.', '№1'],
  ];
  for (const [text, label] of cases) {
    it(`reads "${label}" as a label and keeps it out of the question`, async () => {
      const tasks = await docxTasks([p('Lab sheet'), p(text)]);
      expect(tasks).toHaveLength(1);
      expect(tasks[0]!.label).toBe(label);
      expect(tasks[0]!.question).not.toContain(label);
    });
  }

  it('takes "Experiment No.: 3" with its Aim as one task', async () => {
    const tasks = await docxTasks([p('Experiment No.: 3', { bold: true }), p('Aim', { bold: true }), p('Write a program to handle data using pandas.')]);
    expect(tasks.map((t) => [t.label, t.question])).toEqual([['Experiment No.: 3', 'Write a program to handle data using pandas.']]);
  });

  it('numbers Word automatic lists as Word shows them, restarts included', async () => {
    const tasks = await docxTasks([
      p('Write a program to add two numbers.', { list: { numId: 1 } }),
      p('Write a program to find the largest of three numbers.', { list: { numId: 1 } }),
      p('Second part'),
      p('Write a program to reverse a string.', { list: { numId: 4 } }),
    ]);
    expect(tasks.map((t) => t.label)).toEqual(['1.', '2.', '1.']);
  });

  it('splits a question whose stem introduces sub-parts into one task per sub-part', async () => {
    const tasks = await docxTasks([
      p('Q1.\tWrite a program that'),
      p('computes the sum of the integers between two limits.', { list: { numId: 5 } }),
      p('determines whether an integer is prime.', { list: { numId: 5 } }),
      p('Q2.\tWrite a program to multiply two matrices.'),
    ]);
    expect(tasks.map((t) => t.label)).toEqual(['Q1 i.', 'Q1 ii.', 'Q2']);
  });

  it('keeps sub-parts a) b) of one program inside their question', async () => {
    const tasks = await docxTasks([
      p('Q1 Write a menu driven program for a stack:'),
      p('(a) push an element'),
      p('(b) pop an element'),
      p('Q2 Write a program to sort an array.'),
    ]);
    expect(tasks.map((t) => t.label)).toEqual(['Q1', 'Q2']);
  });
});

describe('sections', () => {
  it('ignores front matter and ends each section at the next heading', async () => {
    const tasks = await docxTasks([
      p('Python Programming Lab', { style: 'Heading1' }),
      p('Objectives:', { bold: true }),
      p('1. Understand the mutable list type and the result of slicing.'),
      p('Questions', { style: 'Heading1' }),
      p('1. Write a program to find the factorial of a number.'),
      p('2. Write a program to print the Fibonacci series.'),
      p('3. Write a program to check whether a number is prime.'),
      p('Conclusion:', { bold: true }),
      p('We learned about loops and the result of each program.'),
    ]);
    expect(tasks.map((t) => t.label)).toEqual(['1.', '2.', '3.']);
    expect(tasks.every((t) => t.kind === 'code' && t.language === 'python')).toBe(true);
  });

  it('matches words whole: "mutable" is not a table, "result" is not a heading', async () => {
    const tasks = await docxTasks([p('A list is an ordered mutable collection.'), p('1. Write a program to display the result of a student.')]);
    expect(tasks.map((t) => t.question)).toEqual(['Write a program to display the result of a student.']);
  });

  it('reads post-lab questions and skips the viva section after them', async () => {
    const tasks = await docxTasks([
      p('Post Lab Questions', { bold: true }),
      p('a) Create a student record using a class.'),
      p('b) What is the purpose of self?'),
      p('Viva', { bold: true }),
      p('1. What is a compiler?'),
    ]);
    expect(tasks.map((t) => [t.label, t.kind])).toEqual([
      ['a)', 'code'],
      ['b)', 'theory'],
    ]);
  });
});

describe('code', () => {
  const program = ['def fact(n):', '    return 1 if n == 0 else n * fact(n - 1)', 'print(fact(5))'];

  it('takes code from monospace paragraphs, keeping indentation', async () => {
    const tasks = await docxTasks([p('1. Write a program to find a factorial.'), ...program.map(mono)]);
    expect(tasks[0]!.code).toBe(program.join('\n'));
  });

  it('takes code from a code style, from shading and from a 1x1 table', async () => {
    const styled = await docxTasks([p('1. Write a program to find a factorial.'), ...program.map((t) => p(t, { style: 'Code' }))]);
    const shaded = await docxTasks([p('1. Write a program to find a factorial.'), ...program.map((t) => p(t, { shaded: true }))]);
    const boxed = await docxTasks([p('1. Write a program to find a factorial.'), { table: [[program.map((t) => p(t))]] }]);
    for (const tasks of [styled, shaded, boxed]) expect(tasks[0]!.code).toBe(program.join('\n'));
  });

  it('takes code from plain body text and from soft line breaks', async () => {
    const plain = await docxTasks([p('1. Write a program to find a factorial.'), ...program.map((t) => p(t))]);
    const soft = await docxTasks([p('1. Write a program to find a factorial.'), p(program.join('\n'))]);
    expect(plain[0]!.code).toBe(program.join('\n'));
    expect(soft[0]!.code).toBe(program.join('\n'));
  });

  it('keeps short real code', async () => {
    const tasks = await docxTasks([p('Q1. Write a program to print hello.'), mono('print("hello")')]);
    expect(tasks[0]!.code).toBe('print("hello")');
  });

  it('keeps several programs under one question', async () => {
    const tasks = await docxTasks([
      p('Q1. Write two programs: one in C and one in Python that print hi.'),
      mono('#include <stdio.h>'),
      mono('int main() { printf("hi"); return 0; }'),
      p('Python version:'),
      mono('print("hi")'),
    ]);
    expect(tasks).toHaveLength(1);
    expect(tasks[0]!.code).toContain('printf("hi")');
    expect(tasks[0]!.code).toContain('print("hi")');
  });

  it('decides the language per task from the code', async () => {
    const tasks = await docxTasks([
      p('1. Write a program to read a number.'),
      mono('#include <stdio.h>'),
      mono('int main() { int n; scanf("%d", &n); printf("%d", n); return 0; }'),
      p('2. Write a program to read a number.'),
      mono('#include <iostream>'),
      mono('using namespace std;'),
      mono('int main() { int n; cin >> n; cout << n; }'),
      p('3. Write a program to greet.'),
      mono('public class Main { public static void main(String[] args) { System.out.println("hi"); } }'),
      p('4. Write a program to greet.'),
      mono('import os.path'),
      mono('print(os.path.exists("x"))'),
      p('5. Write a program to greet in the browser.'),
      mono('console.log("hi");'),
      p('6. Design a web page with a heading.'),
      mono('<!DOCTYPE html>'),
      mono('<html><body><h1>Hi</h1></body></html>'),
    ]);
    expect(tasks.map((t) => t.language)).toEqual(['c', 'cpp', 'java', 'python', 'javascript', 'html']);
  });

  it('falls back to the language the question names', async () => {
    const tasks = await docxTasks([p('1. Write a Java program to convert an int to an Integer object.')]);
    expect(tasks[0]!.language).toBe('java');
  });
});

describe('task details', () => {
  it('turns an Output block into expectedOutput and a sample run into stdin', async () => {
    const tasks = await docxTasks([
      p('1. Write a C program to print the square of a number.'),
      mono('#include <stdio.h>'),
      mono('int main() { int n; printf("Enter n: "); scanf("%d", &n); printf("%d\\n", n * n); return 0; }'),
      p('Output:'),
      p('Enter n: 5'),
      p('25'),
      p('Attach a screenshot of the output.'),
    ]);
    expect(tasks[0]!.expectedOutput).toBe('Enter n: 5\n25');
    expect(tasks[0]!.stdin).toBe('5\n');
    expect(tasks[0]!.wantsScreenshot).toBe(true);
  });

  it('reads "data.txt contains:" as an input file', async () => {
    const tasks = await docxTasks([p('1. Write a program to count the lines of data.txt.'), p('data.txt contains:\nalpha\nbeta')]);
    expect(tasks[0]!.inputFiles).toEqual([{ name: 'data.txt', content: 'alpha\nbeta\n' }]);
  });

  it('flags only the task that asks for a screenshot', async () => {
    const tasks = await docxTasks([
      p('1. Write a program to add two numbers.'),
      p('2. Write a program to subtract two numbers.'),
      p('Attach a screenshot of the output.'),
      p('3. Write a program to multiply two numbers.'),
    ]);
    expect(tasks.map((t) => t.wantsScreenshot)).toEqual([false, true, false]);
  });

  it('classifies theory questions and keeps them', async () => {
    const tasks = await docxTasks([
      p('1. What is a list? Explain mutability.'),
      p('2. Differentiate tuple and list.'),
      p('3. Write a program to count vowels.'),
    ]);
    expect(tasks.map((t) => t.kind)).toEqual(['theory', 'theory', 'code']);
  });

  it('takes an unlabelled "Explain ..." between numbered questions as a theory task of its own', async () => {
    const tasks = await docxTasks([
      p('Q1. Write a program to convert an int to an Integer object.'),
      p('Explain the concept of converting a base type to an object type.'),
      p('Q2. Write a program to convert a float to a Float object.'),
    ]);
    expect(tasks.map((t) => [t.label, t.kind])).toEqual([
      ['Q1', 'code'],
      ['', 'theory'],
      ['Q2', 'code'],
    ]);
  });

  it('keeps "Explain ..." under a label that stands alone as that label\'s question', async () => {
    const tasks = await docxTasks([p('Q1.', { bold: true }), p('Explain the purpose of the following line:'), p('env = make()')]);
    expect(tasks.map((t) => [t.label, t.question])).toEqual([['Q1', 'Explain the purpose of the following line:']]);
  });

  it('anchors each task at its last block and knows picture-only answers', async () => {
    const tasks = await docxTasks([p('Q1. Write a program to draw a star.'), p('', { image: true }), p('Q2. Write a program to print a star.'), mono('print("*")')]);
    expect(tasks.map((t) => t.anchor.block)).toEqual([1, 3]);
  });

  it('never takes headers as tasks', async () => {
    const tasks = await docxTasks([p('1. Write a program to add two numbers.')]);
    expect(tasks.map((t) => t.label)).toEqual(['1.']);
  });
});

describe('PDF', () => {
  it('rebuilds indentation, drops running headers and page numbers, joins a question split across pages (mending its hyphen), and warns about a scanned page', async () => {
    const header = { text: 'Python Lab Manual', y: 770 };
    const pages = [
      [header, ...flow(['1. Write a program to print the even numbers below ten', { text: 'for i in range(10):', mono: true }, { text: '    if i % 2 == 0:', mono: true }, { text: '        print(i)', mono: true }, '2. Write a program that reads a number and com-']), { text: 'Page 1 of 3', y: 30 }],
      [header, ...flow(['putes its factorial using a loop.']), { text: 'Page 2 of 3', y: 30 }],
      [],
    ];
    const path = join(dir, 'lab.pdf');
    await writeFile(path, buildPdf({ pages }));
    const result = await parseDocument(path);
    expect(result.pages).toBe(3);
    expect(result.warnings).toContain('scanned page 3: no text layer');
    expect(result.tasks.map((t) => t.question)).toEqual([
      'Write a program to print the even numbers below ten',
      'Write a program that reads a number and computes its factorial using a loop.',
    ]);
    expect(result.tasks[0]!.code).toBe('for i in range(10):\n    if i % 2 == 0:\n        print(i)');
  });
});
