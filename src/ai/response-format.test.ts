import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { cacheKey, jsonModeInstructions, responseSchema } from './response-format.js';

describe('responseSchema', () => {
  it('sends a schema with every field required strictly, without $schema', () => {
    const result = responseSchema(z.object({ code: z.string(), notes: z.string().nullable(), items: z.array(z.object({ x: z.number() })) }));
    expect(result.strict).toBe(true);
    expect(result.schema).not.toHaveProperty('$schema');
    expect(result.schema).toMatchObject({ type: 'object', required: ['code', 'notes', 'items'], additionalProperties: false });
  });

  it('sends a schema with an optional field, however deep, not strictly', () => {
    expect(responseSchema(z.object({ code: z.string().optional() })).strict).toBe(false);
    expect(responseSchema(z.object({ items: z.array(z.object({ x: z.number().optional() })) })).strict).toBe(false);
  });
});

describe('jsonModeInstructions', () => {
  it('shows the schema itself, not only field names', () => {
    const text = jsonModeInstructions(responseSchema(z.object({ language: z.enum(['python', 'c']) })));
    expect(text).toContain('"enum":["python","c"]');
    expect(text).toContain('JSON');
  });
});

describe('cacheKey', () => {
  const schema = responseSchema(z.object({ a: z.string() }));
  const base = { model: 'm', schemaName: 's', schema, system: 'sys', user: 'text' };

  it('is stable for the same request and differs when any part changes', () => {
    expect(cacheKey(base)).toBe(cacheKey({ ...base }));
    expect(cacheKey(base)).toMatch(/^[0-9a-f]{64}$/);
    const variants = [
      { ...base, model: 'm2' },
      { ...base, schemaName: 's2' },
      { ...base, schema: responseSchema(z.object({ a: z.number() })) },
      { ...base, system: 'sys2' },
      { ...base, user: 'text2' },
    ];
    expect(new Set([base, ...variants].map(cacheKey)).size).toBe(6);
  });
});
