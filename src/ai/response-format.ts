import { createHash } from 'node:crypto';
import { z } from 'zod';

/** The JSON schema sent to the model for a zod schema, and whether the endpoint may enforce it strictly. */
export interface ResponseSchema {
  schema: Record<string, unknown>;
  /**
   * OpenAI's strict mode takes only schemas whose every object lists all its properties as required and allows no
   * others; any other schema is sent with `strict: false` rather than refused by the endpoint.
   */
  strict: boolean;
}

/** Converts a zod schema to the JSON schema the endpoint receives (without `$schema`, which some endpoints refuse). */
export function responseSchema(schema: z.ZodType): ResponseSchema {
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema, { unrepresentable: 'any' }) as Record<string, unknown>;
  return { schema: json, strict: isStrictCompatible(json) };
}

function isStrictCompatible(node: unknown): boolean {
  if (Array.isArray(node)) return node.every(isStrictCompatible);
  if (typeof node !== 'object' || node === null) return true;
  const record = node as Record<string, unknown>;
  const properties = record.properties;
  if (typeof properties === 'object' && properties !== null) {
    const keys = Object.keys(properties);
    const required = Array.isArray(record.required) ? record.required : [];
    if (record.additionalProperties !== false || keys.some((key) => !required.includes(key))) return false;
  }
  return Object.values(record).every(isStrictCompatible);
}

/** The instructions added to the system message when the endpoint only knows `json_object` mode. */
export function jsonModeInstructions(schema: ResponseSchema): string {
  return [
    'Answer with one JSON object and nothing else: no prose, no code fence.',
    'The object must match this JSON Schema:',
    JSON.stringify(schema.schema),
  ].join('\n');
}

/** The cache key of a request: SHA-256 of the model, the schema's name and JSON, and the exact messages. */
export function cacheKey(input: { model: string; schemaName: string; schema: ResponseSchema; system: string; user: string }): string {
  const material = JSON.stringify([input.model, input.schemaName, input.schema.schema, input.system, input.user]);
  return createHash('sha256').update(material).digest('hex');
}
