import { describe, expect, it } from 'vitest';
import { ScriptedAiClient } from '../../../test/ai/scripted-ai-client.js';
import { SandboxPool } from '../../sandbox/index.js';
import { poolRunner } from './sandbox-runner.js';
import { suggestInput } from './suggest-input.js';

const runProgram = poolRunner(new SandboxPool(1));
const AVERAGE = 'n = int(input("How many numbers? "))\ntotal = 0\nfor _ in range(n):\n    total += float(input("Number: "))\nprint("Average:", total / n)\n';

describe('suggestInput in the real sandbox', () => {
  it('returns input with which the program runs to completion', async () => {
    const client = new ScriptedAiClient().answer({ stdin: '3\n4\n5\n6' });
    const result = await suggestInput({ code: AVERAGE, language: 'python', question: 'Average of n numbers', client, userId: 'u1', runProgram });
    expect(result).toMatchObject({ status: 'ok', stdin: '3\n4\n5\n6\n', attempts: 1, draft: true });
    if (result.status !== 'ok') throw new Error('unreachable');
    expect(result.result.transcript).toBe('How many numbers? 3\nNumber: 4\nNumber: 5\nNumber: 6\nAverage: 5.0\n');
    expect(client.requests[0]).toMatchObject({ feature: 'suggest_input', userId: 'u1', schemaName: 'suggested_input' });
  });

  it('asks again with the failed run when the input runs out, and keeps only what the program read', async () => {
    const client = new ScriptedAiClient().answer({ stdin: '3\n4\n' }, { stdin: '2\n10\n20\n99\n' });
    const result = await suggestInput({ code: AVERAGE, language: 'python', client, userId: null, runProgram });
    expect(result).toMatchObject({ status: 'ok', stdin: '2\n10\n20\n', attempts: 2 });
    const retry = client.requests[1]!.user;
    expect(retry).toContain('Status: runtime_error');
    expect(retry).toContain('EOFError');
  });

  it('fails after the second proposal also fails, saying how the run ended', async () => {
    const client = new ScriptedAiClient().answer({ stdin: 'abc' }, { stdin: 'xyz' });
    const result = await suggestInput({ code: AVERAGE, language: 'python', client, userId: null, runProgram });
    expect(result).toMatchObject({ status: 'failed', attempts: 2, stdin: 'xyz\n', reason: 'The program did not run to completion with the proposed input (runtime_error).' });
    expect(client.requests).toHaveLength(2);
  });

  it('does not ask the model about a program that reads nothing', async () => {
    const client = new ScriptedAiClient();
    const result = await suggestInput({ code: 'print("hi")', language: 'python', client, userId: null, runProgram });
    expect(result).toEqual({ status: 'not_needed', reason: 'The program does not read standard input.', attempts: 0 });
    expect(client.requests).toHaveLength(0);
  });
});
