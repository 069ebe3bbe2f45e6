import type { BlockSpec } from '../fixtures/docx-builder.js';

/** One generated lab program: what the document asks, its code, and the input its sample run shows. */
export interface LabProgram {
  question: string;
  code: string[];
  /** The sample run printed under "Output:" (its typed values become the task's stdin). */
  sample: string[];
}

/** A program of the kind a first Python lab asks for; every third reads a number, as the sample run shows. */
export function labProgram(n: number): LabProgram {
  if (n % 3 === 0) {
    return {
      question: `Write a program to print the multiplication table of a number (exercise ${n}).`,
      code: ['k = int(input("Enter a number: "))', 'for i in range(1, 11):', `    print(k, "x", i, "=", k * i)`],
      sample: ['Enter a number: 7', '7 x 1 = 7'],
    };
  }
  return {
    question: `Write a program to print the sum of the squares of 1 to ${n * 100}.`,
    code: ['total = 0', `for i in range(1, ${n * 100 + 1}):`, '    total += i * i', `print("sum of squares up to ${n * 100}:", total)`],
    sample: [],
  };
}

/** A Python lab of `count` programs, "Program N." each, with the code in Consolas as students paste it. */
export function pythonLab(count: number): { blocks: BlockSpec[]; programs: LabProgram[] } {
  const programs = Array.from({ length: count }, (_, i) => labProgram(i + 1));
  const blocks: BlockSpec[] = [{ text: 'Lab 1: Python basics', style: 'Heading1' }];
  programs.forEach((program, i) => {
    blocks.push({ text: `Program ${i + 1}. ${program.question}` });
    for (const line of program.code) blocks.push({ text: line, font: 'Consolas' });
    if (program.sample.length) {
      blocks.push({ text: 'Output:' });
      for (const line of program.sample) blocks.push({ text: line });
    }
  });
  blocks.push({ text: 'Submit the report by Friday.' });
  return { blocks, programs };
}
