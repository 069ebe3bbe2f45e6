// The correct-program acceptance checks of prototype-exec-and-report.md §5 that belong to the sandbox (1-10).
import { describe, expect, it } from 'vitest';
import { runProgram, SandboxPool } from '../../src/sandbox/index.js';

describe('correct programs in the sandbox', () => {
  it('echoes the input a Python program read where it read it, and exits 0', async () => {
    const result = await runProgram({ language: 'python', source: 'n=int(input("n: "))\nprint(n*2)\n', stdin: '7' });
    expect(result.status).toBe('ok');
    expect(result.exitCode).toBe(0);
    expect(result.transcript).toBe('n: 7\n14\n');
    expect(result.stdout).toBe('n: 14\n');
    expect(result.segments).toEqual([
      { stream: 'stdout', text: 'n: ' },
      { stream: 'stdin', text: '7\n' },
      { stream: 'stdout', text: '14\n' },
    ]);
  });

  it('ends a program that wants input it was not given with EOFError at once, not a timeout', async () => {
    const result = await runProgram({ language: 'python', source: 'n=int(input("n: "))\nprint(n*2)\n' });
    expect(result.status).toBe('runtime_error');
    expect(result.stderr).toContain('EOFError');
    expect(result.transcript).toBe('n: ' + result.stderr);
  });

  it('shows several inputs each after its own prompt', async () => {
    const source = 'a = input("first: ")\nb = input("second: ")\nprint(a + b)\n';
    const result = await runProgram({ language: 'python', source, stdin: 'x\ny\n' });
    expect(result.transcript).toBe('first: x\nsecond: y\nxy\n');
  });

  it('keeps every input after its own prompt when several interactive programs run at once', async () => {
    const source = 'total = 0\nfor i in range(5):\n    total += int(input(f"n{i}? "))\n    print("so far", total)\n';
    const expected = (k: number): string => {
      let total = 0;
      let transcript = '';
      for (let i = 0; i < 5; i++) {
        total += k + i;
        transcript += `n${i}? ${k + i}\nso far ${total}\n`;
      }
      return transcript;
    };
    const pool = new SandboxPool(4);
    const results = await Promise.all(
      [10, 20, 30, 40, 50, 60].map((k) =>
        pool.run({ language: 'python', source, stdin: [0, 1, 2, 3, 4].map((i) => k + i).join('\n') }),
      ),
    );
    expect(results.map((r) => r.transcript)).toEqual([10, 20, 30, 40, 50, 60].map(expected));
  });

  it('reports a Python error on line 3 as line 3, after the output printed before it', async () => {
    const result = await runProgram({ language: 'python', source: 'print("before")\nx = 1\nraise ValueError("boom")\n' });
    expect(result.status).toBe('runtime_error');
    expect(result.stderr).toMatch(/line 3\b/);
    expect(result.transcript.indexOf('before')).toBeLessThan(result.transcript.indexOf('Traceback'));
  });

  it('runs a program starting with from __future__', async () => {
    const source = 'from __future__ import annotations\ndef f(x: Later) -> int:\n    return 1\nprint(f(0))\n';
    const result = await runProgram({ language: 'python', source });
    expect(result.status).toBe('ok');
    expect(result.stdout).toBe('1\n');
  });

  it('returns a plot shown with plt.show() and one saved with savefig as PNG artifacts', async () => {
    const source = [
      'import matplotlib.pyplot as plt',
      'plt.plot([1, 2, 3])',
      'plt.show()',
      'plt.bar([1, 2], [3, 4])',
      'plt.savefig("bars.png")',
    ].join('\n');
    const result = await runProgram({ language: 'python', source });
    expect(result.status).toBe('ok');
    expect(result.artifacts.map((a) => [a.name, a.kind])).toEqual([
      ['plot-1.png', 'image'],
      ['bars.png', 'image'],
    ]);
    expect(result.artifacts[0]!.content.subarray(1, 4).toString()).toBe('PNG');
  });

  it('returns a figure saved and then shown once, and figures in the order the program made them', async () => {
    const source = [
      'import matplotlib.pyplot as plt',
      'for i in range(11):',
      '    plt.figure()',
      '    plt.plot([i, 0])',
      '    if i == 0:',
      '        plt.savefig("first.png")',
      '    plt.show()',
    ].join('\n');
    const result = await runProgram({ language: 'python', source });
    const names = result.artifacts.map((a) => a.name);
    expect(names).toEqual(['first.png', ...Array.from({ length: 10 }, (_, i) => `plot-${i + 1}.png`)]);
  });

  it('imports numpy and pandas with no network', async () => {
    const source = 'import numpy as np, pandas as pd\nprint(np.arange(4).sum(), pd.DataFrame({"a": [1, 2]}).a.sum())\n';
    const result = await runProgram({ language: 'python', source });
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('6 3\n');
  });

  it('compiles C with -lm, reads %lf and prints sqrt', async () => {
    const source = [
      '#include <stdio.h>',
      '#include <math.h>',
      'int main(void) {',
      '  double x;',
      '  printf("x = ");',
      '  scanf("%lf", &x);',
      '  printf("%f\\n", sqrt(x));',
      '  return 0;',
      '}',
    ].join('\n');
    const result = await runProgram({ language: 'c', source, stdin: '2' });
    expect(result.status).toBe('ok');
    expect(result.transcript).toBe('x = 2\n1.414214\n');
  });

  it('keeps C compiler warnings and reports a compile error on its true line', async () => {
    const warned = await runProgram({ language: 'c', source: '#include <stdio.h>\nint main(void) { int unused; puts("hi"); }\n' });
    expect(warned.status).toBe('ok');
    expect(warned.stderr).toContain('main.c:2:22: warning: unused variable');
    expect(warned.transcript).toBe('hi\n');
    const broken = await runProgram({ language: 'c', source: '#include <stdio.h>\n\nint main(void) {\n  puts("x")\n}\n' });
    expect(broken.status).toBe('compile_error');
    expect(broken.stderr).toMatch(/main\.c:4:\d+: error/);
  });

  it('reads C++ cin', async () => {
    const source = '#include <iostream>\nusing namespace std;\nint main() { int x; cout << "x? "; cin >> x; cout << x << endl; }\n';
    const result = await runProgram({ language: 'cpp', source, stdin: '5\n' });
    expect(result.status).toBe('ok');
    expect(result.transcript).toBe('x? 5\n5\n');
  });

  it('runs Java whose class is not Main, with the brace on the next line and a Scanner named sc', async () => {
    const source = [
      'import java.util.Scanner;',
      'class Hello',
      '{',
      '    public static void main(String[] args)',
      '    {',
      '        Scanner sc = new Scanner(System.in);',
      '        System.out.print("Enter n: ");',
      '        int n = sc.nextInt();',
      '        System.out.println(n * n);',
      '    }',
      '}',
    ].join('\n');
    const result = await runProgram({ language: 'java', source, stdin: '9' });
    expect(result.status).toBe('ok');
    expect(result.transcript).toBe('Enter n: 9\n81\n');
  });

  it('runs Java with a package line and several top-level classes, and keeps its error line numbers', async () => {
    const source = [
      'package lab.three;',
      'class Helper { static int twice(int x) { return 2 * x; } }',
      'public class Runner {',
      '  public static void main(String[] args) {',
      '    System.out.println(Helper.twice(21));',
      '    int[] a = new int[1];',
      '    a[2] = 1;',
      '  }',
      '}',
    ].join('\n');
    const result = await runProgram({ language: 'java', source });
    expect(result.status).toBe('runtime_error');
    expect(result.stdout).toBe('42\n');
    expect(result.stderr).toContain('at lab.three.Runner.main(Runner.java:7)');
  });

  it('keeps two concurrent `public class Main` runs apart', async () => {
    const program = (word: string): string =>
      `public class Main { public static void main(String[] a) { System.out.println("${word}"); } }`;
    const pool = new SandboxPool(2);
    const [first, second] = await Promise.all([
      pool.run({ language: 'java', source: program('first') }),
      pool.run({ language: 'java', source: program('second') }),
    ]);
    expect(first.stdout).toBe('first\n');
    expect(second.stdout).toBe('second\n');
  });

  it('runs JavaScript reading its input through readline', async () => {
    const source = [
      'const rl = require("readline").createInterface({ input: process.stdin, output: process.stdout });',
      'rl.question("name? ", (a) => { rl.question("age? ", (b) => { console.log(a + " is " + b); rl.close(); }); });',
    ].join('\n');
    const result = await runProgram({ language: 'javascript', source, stdin: 'ada\n36\n' });
    expect(result.status).toBe('ok');
    expect(result.transcript).toBe('name? ada\nage? 36\nada is 36\n');
  });

  it('reports a JavaScript error with its true line', async () => {
    const result = await runProgram({ language: 'javascript', source: 'console.log(1);\n\nundefinedThing();\n' });
    expect(result.status).toBe('runtime_error');
    expect(result.stderr).toContain('main.js:3');
  });

  it('places input files in the working directory and returns the files the program writes', async () => {
    const source = [
      'with open("data.txt") as f:',
      '    words = f.read().split()',
      'with open("out.txt", "w") as f:',
      '    f.write(" ".join(reversed(words)))',
      'print(len(words))',
    ].join('\n');
    const result = await runProgram({ language: 'python', source, files: [{ name: 'data.txt', content: 'alpha\nbeta\n' }] });
    expect(result.status).toBe('ok');
    expect(result.stdout).toBe('2\n');
    expect(result.artifacts.map((a) => [a.name, a.kind, a.content.toString()])).toEqual([['out.txt', 'text', 'beta alpha']]);
  });

  it('returns an input file the program changed', async () => {
    const source = 'with open("log.txt", "a") as f:\n    f.write("two\\n")\n';
    const result = await runProgram({ language: 'python', source, files: [{ name: 'log.txt', content: 'one\n' }] });
    expect(result.artifacts.map((a) => a.content.toString())).toEqual(['one\ntwo\n']);
  });

  it('reports CPU time and peak memory of the program', async () => {
    const result = await runProgram({ language: 'python', source: 'x = bytearray(64 * 1024 * 1024)\nprint(len(x))\n' });
    expect(result.status).toBe('ok');
    expect(result.cpuMs).not.toBeNull();
    expect(result.peakMemoryKb).toBeGreaterThan(64 * 1024);
  });
});
