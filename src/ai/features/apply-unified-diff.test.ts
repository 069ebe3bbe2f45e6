import { describe, expect, it } from 'vitest';
import { applyUnifiedDiff } from './apply-unified-diff.js';

const CODE = 'n = int(input())\nf = 0\nfor i in range(1, n):\n    f *= i\nprint(f)\n';

describe('applyUnifiedDiff', () => {
  it('applies a well-formed diff with file headers', () => {
    const diff = '--- a/main.py\n+++ b/main.py\n@@ -1,5 +1,5 @@\n n = int(input())\n-f = 0\n-for i in range(1, n):\n+f = 1\n+for i in range(1, n + 1):\n     f *= i\n print(f)\n';
    expect(applyUnifiedDiff(CODE, diff)).toEqual({ ok: true, text: 'n = int(input())\nf = 1\nfor i in range(1, n + 1):\n    f *= i\nprint(f)\n', hunks: 1 });
  });

  it('finds a hunk whose stated line and counts are off, and reads a bare blank line as empty context', () => {
    const code = 'a = 1\n\nb = 2\nprint(a + b)\n';
    const diff = '@@ -9,2 +9,9 @@\n\n-b = 2\n+b = 3\n';
    expect(applyUnifiedDiff(code, diff)).toEqual({ ok: true, text: 'a = 1\n\nb = 3\nprint(a + b)\n', hunks: 1 });
  });

  it('applies several hunks in order and keeps a missing final newline missing', () => {
    const code = 'one\ntwo\nthree\nfour\nfive\nsix';
    const diff = '@@ -1,2 +1,2 @@\n-one\n+ONE\n two\n@@ -5,2 +5,3 @@\n five\n six\n+seven\n';
    expect(applyUnifiedDiff(code, diff)).toEqual({ ok: true, text: 'ONE\ntwo\nthree\nfour\nfive\nsix\nseven', hunks: 2 });
  });

  it('refuses a hunk whose context is not in the code', () => {
    const diff = '@@ -2,2 +2,2 @@\n-f = 0\n-for i in range(n):\n+f = 1\n+for i in range(1, n + 1):\n';
    expect(applyUnifiedDiff(CODE, diff)).toEqual({ ok: false, reason: 'hunk 1 (at line 2) does not match the code' });
  });

  it('refuses text that is not a diff, a diff of two files and a hunk that changes nothing', () => {
    expect(applyUnifiedDiff(CODE, 'Replace f = 0 with f = 1.')).toEqual({ ok: false, reason: 'it is not a unified diff (text before the first @@ hunk header)' });
    expect(applyUnifiedDiff(CODE, '--- a/x\n+++ b/x\n@@ -2 +2 @@\n-f = 0\n+f = 1\n--- a/y\n+++ b/y\n@@ -1 +1 @@\n-a\n+b\n')).toEqual({ ok: false, reason: 'it changes more than one file' });
    expect(applyUnifiedDiff(CODE, '@@ -1 +1 @@\n print(f)\n')).toEqual({ ok: false, reason: 'hunk 1 changes nothing' });
    expect(applyUnifiedDiff(CODE, '')).toEqual({ ok: false, reason: 'it has no @@ hunks' });
  });

  it('does not let a later hunk go back before an earlier one', () => {
    const diff = '@@ -5 +5 @@\n-print(f)\n+print(f, end="")\n@@ -1 +1 @@\n-n = int(input())\n+n = 5\n';
    expect(applyUnifiedDiff(CODE, diff)).toEqual({ ok: false, reason: 'hunk 2 (at line 1) does not match the code' });
  });
});
