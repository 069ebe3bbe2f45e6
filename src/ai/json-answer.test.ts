import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { extractJson, readAnswer } from './json-answer.js';

const schema = z.object({ code: z.string(), lines: z.number().int() });

describe('extractJson', () => {
  it('reads a bare object, a fenced one, and one wrapped in prose', () => {
    expect(extractJson('{"a":1}')).toEqual({ ok: true, json: { a: 1 } });
    expect(extractJson('Sure!\n```json\n{"a": {"b": 2}}\n```\nAnything else?')).toEqual({ ok: true, json: { a: { b: 2 } } });
    expect(extractJson('The answer is {"a": "x}"} as requested.')).toEqual({ ok: true, json: { a: 'x}' } });
  });

  it('says why nothing usable was found', () => {
    expect(extractJson('no json here')).toEqual({ ok: false, problem: 'the answer contains no JSON object' });
    expect(extractJson('{"a": 1,')).toMatchObject({ ok: false, problem: expect.stringMatching(/^the answer is not valid JSON/) });
    expect(extractJson('[1, 2]')).toEqual({ ok: false, problem: 'the answer contains no JSON object' });
  });
});

describe('readAnswer', () => {
  it('returns the validated value', () => {
    expect(readAnswer('```\n{"code":"print(1)","lines":1}\n```', schema)).toEqual({ ok: true, value: { code: 'print(1)', lines: 1 }, json: { code: 'print(1)', lines: 1 } });
  });

  it('names each field that breaks the schema', () => {
    const reading = readAnswer('{"code": 5}', schema);
    expect(reading.ok).toBe(false);
    if (!reading.ok) {
      expect(reading.problem).toMatch(/does not match the schema/);
      expect(reading.problem).toMatch(/at code/);
      expect(reading.problem).toMatch(/at lines/);
    }
  });
});
