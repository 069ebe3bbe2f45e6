import { describe, expect, it } from 'vitest';
import { listLabelKind, parseLabel } from './labels.js';

describe('parseLabel', () => {
  const cases: Array<[string, string, string, string]> = [
    ['Q1.\tWrite a program', 'strong', 'Q1', 'Write a program'],
    ['Question No. 2 Implement', 'strong', 'Question No. 2', 'Implement'],
    ['Experiment No.: 3', 'strong', 'Experiment No.: 3', ''],
    ['🎯 Task 8 (Advanced): Rule-Based Action', 'strong', 'Task 8 (Advanced)', 'Rule-Based Action'],
    ['Q2Python program for operators', 'strong', 'Q2', 'Python program for operators'],
    ['Bài tập 1. Thực thi', 'strong', 'Bài tập 1', 'Thực thi'],
    ['11.Write a JAVA Program', 'number', '11.', 'Write a JAVA Program'],
    ['#1.How to create Series', 'number', '#1.', 'How to create Series'],
    ['(iv) Deleting a node', 'roman', '(iv)', 'Deleting a node'],
    ['b) Check if the list is empty', 'letter', 'b)', 'Check if the list is empty'],
    ['Part B: Friend Class', 'part', 'Part B', 'Friend Class'],
    ['• WAP to sort an array', 'bullet', '', 'WAP to sort an array'],
  ];
  for (const [text, kind, label, rest] of cases) {
    it(`reads "${text}"`, () => {
      expect(parseLabel(text)).toMatchObject({ kind, label, rest });
    });
  }

  it('does not mistake words that begin like labels, or decimals, for labels', () => {
    expect(parseLabel('Programming is fun')).toBeNull();
    expect(parseLabel('Questions:')).toBeNull();
    expect(parseLabel('2.5 is a number')).toBeNull();
  });

  it('marks a number glued to a word and a document title', () => {
    expect(parseLabel('3Creating a series')).toMatchObject({ kind: 'number', glued: true });
    expect(parseLabel('Lab Assignment 1: Spinning Up')).toMatchObject({ kind: 'strong', title: true });
  });

  it('classifies Word list labels', () => {
    expect(['1.', 'a)', 'iv.', '•'].map(listLabelKind)).toEqual(['number', 'letter', 'roman', 'bullet']);
  });
});
