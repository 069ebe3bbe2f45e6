import { describe, expect, it } from 'vitest';
import { codeScore, isProse } from './code-lines.js';

describe('codeScore', () => {
  it('scores statements of each language as code', () => {
    for (const line of ['def f(a):', 'else:', 'x = 5', 'print(x)', '}', 'int main() {', 'cout << x;', '#include <stdio.h>', '<html>', 'for i in range(3):']) {
      expect(codeScore(line), line).toBeGreaterThanOrEqual(0.8);
    }
  });

  it('scores sentences as prose', () => {
    for (const line of ['A list is an ordered mutable collection.', 'Write a program to display the result of a student.', 'Program:']) {
      expect(codeScore(line), line).toBe(0);
    }
    expect(isProse('The variable score keeps track of the total reward.')).toBe(true);
  });
});
