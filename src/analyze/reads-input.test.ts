import { describe, expect, it } from 'vitest';
import { readsInput } from './reads-input.js';

describe('readsInput', () => {
  it.each([
    ['python', 'n = int(input("Enter n: "))'],
    ['python', 'import sys\nfor line in sys.stdin:\n    print(line)'],
    ['c', '#include <stdio.h>\nint main(void) { int n; scanf("%d", &n); }'],
    ['c', 'char buf[80];\nfgets(buf, sizeof buf, stdin);'],
    ['cpp', '#include <iostream>\nint main() { int n; std::cin >> n; }'],
    ['cpp', 'std::string s;\ngetline(cin, s);'],
    ['java', 'Scanner sc = new Scanner(System.in);\nint n = sc.nextInt();'],
    ['java', 'BufferedReader r = new BufferedReader(new InputStreamReader(System.in));'],
    ['javascript', "const rl = require('readline').createInterface({ input: process.stdin });"],
    ['javascript', "const data = require('fs').readFileSync(0, 'utf8');"],
  ] as const)('sees %s reading input in %j', (language, code) => {
    expect(readsInput(code, language)).toBe(true);
  });

  it.each([
    ['python', 'x = 5\nprint(x)'],
    ['python', '# n = int(input())\nn = 5\nprint(n)'],
    ['c', '#include <stdio.h>\nint main(void) { int n; sscanf("5", "%d", &n); printf("%d", n); }'],
    ['c', '/* scanf("%d", &n); */\nint n = 5;'],
    ['java', 'System.out.println("Hello");'],
    ['javascript', '// prompt("name")\nconsole.log("hi")'],
    ['html', '<input type="text">'],
    ['', 'input()'],
  ] as const)('sees %s not reading input in %j', (language, code) => {
    expect(readsInput(code, language)).toBe(false);
  });
});
