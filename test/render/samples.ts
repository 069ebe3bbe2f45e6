import type { ScreenshotInput, TranscriptSegment } from '../../src/render/index.js';

const out = (text: string): TranscriptSegment => ({ stream: 'stdout', text });
const err = (text: string): TranscriptSegment => ({ stream: 'stderr', text });
const typed = (text: string): TranscriptSegment => ({ stream: 'stdin', text });

/** A 30-line Python program with 10 lines of output: the benchmark's reference image. */
export const PYTHON_30: ScreenshotInput = {
  language: 'python',
  title: 'grades.py',
  studentName: 'Asha Verma',
  runtime: 'Python 3.11.2',
  exitCode: 0,
  timeMs: 41,
  code: [
    '"""Lab 3: summarise the marks of a class."""',
    'import statistics',
    '',
    'MARKS = {',
    '    "Asha": 91, "Ben": 78, "Chen": 85,',
    '    "Dara": 62, "Eli": 47, "Farah": 73,',
    '}',
    '',
    '',
    'def grade(mark):',
    '    """Return the letter grade for a mark out of 100."""',
    '    if mark >= 85:',
    '        return "A"',
    '    elif mark >= 70:',
    '        return "B"',
    '    elif mark >= 50:',
    '        return "C"',
    '    return "F"  # below the pass mark',
    '',
    '',
    'def main():',
    '    for name, mark in sorted(MARKS.items()):',
    '        print(f"{name:<6} {mark:>3}  {grade(mark)}")',
    '    values = list(MARKS.values())',
    '    print("mean  ", round(statistics.mean(values), 2))',
    '    print("median", statistics.median(values))',
    '    print("passed", sum(1 for m in values if m >= 50), "of", len(values))',
    '',
    'if __name__ == "__main__":',
    '    main()',
  ].join('\n'),
  transcript: [out('Asha    91  A\nBen     78  B\nChen    85  A\nDara    62  C\nEli     47  F\nFarah   73  B\nmean   72.67\nmedian 75.5\npassed 5 of 6\n\n')],
};

/** Python with input, a literal tag, a tab, wide characters, a blank line and a traceback. */
export const PYTHON_ERROR: ScreenshotInput = {
  language: 'python',
  title: 'circles.py',
  runtime: 'Python 3.11.2',
  exitCode: 1,
  code: 'import math\n\nn = int(input("How many circles? "))\nfor i in range(1, n + 1):\n\tprint(f"r={i}\\tarea={math.pi * i * i:.2f}")\n\nprint("<b>hi</b>", "naïve café", "中文", "😀")\nprint(1 / 0)\n',
  transcript: [
    out('How many circles? '),
    typed('3\n'),
    out('r=1\tarea=3.14\nr=2\tarea=12.57\nr=3\tarea=28.27\n\n<b>hi</b> naïve café 中文 😀\n'),
    err('Traceback (most recent call last):\n  File "circles.py", line 8, in <module>\n    print(1 / 0)\nZeroDivisionError: division by zero\n'),
  ],
};

/** A C program reading input, with a long output line that must wrap. */
export const C_PROGRAM: ScreenshotInput = {
  language: 'c',
  title: 'primes.c',
  studentName: 'Ben Okafor',
  exitCode: 0,
  timeMs: 12,
  code: [
    '#include <stdio.h>',
    '#include <math.h>',
    '',
    '/* Print the primes up to n. */',
    'static int is_prime(int n) {',
    '    if (n < 2) return 0;',
    '    for (int d = 2; d <= (int)sqrt(n); d++)',
    "        if (n % d == 0) return 0;",
    '    return 1;',
    '}',
    '',
    'int main(void) {',
    '    int n;',
    '    char sep = \',\';',
    '    printf("Enter n: ");',
    '    if (scanf("%d", &n) != 1) {',
    '        fprintf(stderr, "not a number\\n");',
    '        return 1;',
    '    }',
    '    for (int i = 2; i <= n; i++)',
    '        if (is_prime(i)) printf("%d%c ", i, sep);',
    '    printf("\\n");',
    '    return 0;',
    '}',
  ].join('\n'),
  transcript: [
    out('Enter n: '),
    typed('200\n'),
    out('2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83, 89, 97, 101, 103, 107, 109, 113, 127, 131, 137, 139, 149, 151, 157, 163, 167, 173, 179, 181, 191, 193, 197, 199, \n'),
  ],
};

/** A Java program whose class name sets the file name, with an exception on stderr. */
export const JAVA_PROGRAM: ScreenshotInput = {
  language: 'java',
  exitCode: 1,
  timeMs: 230,
  code: [
    'import java.util.Scanner;',
    '',
    'public class Average',
    '{',
    '    public static void main(String[] args) {',
    '        Scanner sc = new Scanner(System.in);',
    '        System.out.print("How many numbers? ");',
    '        int n = sc.nextInt();',
    '        int[] values = new int[n];',
    '        for (int i = 0; i < n; i++) {',
    '            values[i] = sc.nextInt();',
    '        }',
    '        System.out.println("Values: " + java.util.Arrays.toString(values));',
    '        System.out.println("Average: " + (values[0] + values[1]) / n);',
    '        System.out.println(values[n]);',
    '    }',
    '}',
  ].join('\n'),
  transcript: [
    out('How many numbers? '),
    typed('2\n'),
    typed('10 20\n'),
    out('Values: [10, 20]\nAverage: 15\n'),
    err('Exception in thread "main" java.lang.ArrayIndexOutOfBoundsException: Index 2 out of bounds for length 2\n\tat Average.main(Average.java:15)\n'),
  ],
};

/** 60 numbered lines: every one must appear, numbered 1 to 60. */
export const LONG_PYTHON: ScreenshotInput = {
  language: 'python',
  title: 'long.py',
  code: Array.from({ length: 60 }, (_, i) => `print("line ${i + 1}")`).join('\n'),
  transcript: [out(Array.from({ length: 60 }, (_, i) => `line ${i + 1}`).join('\n') + '\n')],
};

/** Python with long output (a 20-row table) ending in an error, for the gallery. */
export const PYTHON_TABLE: ScreenshotInput = {
  language: 'python',
  title: 'table.py',
  studentName: 'Asha Verma',
  runtime: 'Python 3.11.2',
  exitCode: 1,
  code: 'prices = {"tea": 1.5, "coffee": 2.25}\n\nprint("n\\tsquare\\tcube")\nfor n in range(1, 21):\n    print(f"{n}\\t{n * n}\\t{n ** 3}")\n\nprint()\nprint("total:", prices["tea"] + prices["milk"])\n',
  transcript: [
    out(`n\tsquare\tcube\n${Array.from({ length: 20 }, (_, i) => `${i + 1}\t${(i + 1) ** 2}\t${(i + 1) ** 3}`).join('\n')}\n\n`),
    err('Traceback (most recent call last):\n  File "table.py", line 8, in <module>\n    print("total:", prices["tea"] + prices["milk"])\n                                    ~~~~~~^^^^^^^^\nKeyError: \'milk\'\n'),
  ],
};
