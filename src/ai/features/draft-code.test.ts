import { describe, expect, it } from 'vitest';
import { ScriptedAiClient } from '../../../test/ai/scripted-ai-client.js';
import { SandboxPool } from '../../sandbox/index.js';
import { draftCode } from './draft-code.js';
import { poolRunner } from './sandbox-runner.js';

const runProgram = poolRunner(new SandboxPool(1));
const question = 'Write a C program that reads two integers and prints their sum.';

const BROKEN_C = '#include <stdio.h>\nint main(void) {\n  int a, b\n  scanf("%d %d", &a, &b);\n  printf("%d\\n", a + b);\n  return 0;\n}\n';
const FIXED_C = '#include <stdio.h>\nint main(void) {\n  int a, b;\n  printf("Enter two numbers: ");\n  scanf("%d %d", &a, &b);\n  printf("Sum = %d\\n", a + b);\n  return 0;\n}\n';

describe('draftCode in the real sandbox', () => {
  it('feeds a compile error back and returns the second draft once it runs', async () => {
    const client = new ScriptedAiClient().answer({ code: BROKEN_C, sampleInput: '' }, { code: `\`\`\`c\n${FIXED_C}\`\`\``, sampleInput: '' });
    const result = await draftCode({ task: { question, language: 'c', stdin: '3 4\n', inputFiles: [] }, client, userId: 'u1', runProgram });
    expect(result).toMatchObject({ origin: 'ai_draft', status: 'ok', attempts: 2, statuses: ['compile_error', 'ok'], code: FIXED_C.replace(/\n$/, ''), stdin: '3 4\n', stdinSuggested: false });
    expect(result.lastResult.stdout).toBe('Enter two numbers: Sum = 7\n');
    expect(client.requests.map((r) => [r.feature, r.userId, r.schemaName])).toEqual([
      ['draft_code', 'u1', 'drafted_program'],
      ['draft_code', 'u1', 'drafted_program'],
    ]);
    const retry = client.requests[1]!.user;
    expect(retry).toContain('Status: compile_error');
    expect(retry).toMatch(/main\.c:4:3: error: expected/);
    expect(retry.match(/main\.c:4:3/g)).toHaveLength(1);
    expect(retry).toContain('  int a, b\n');
    expect(client.requests[0]!.user).not.toContain('Status:');
  });

  it('gives up after exactly three failed attempts', async () => {
    const failing = { code: 'raise SystemExit("still broken")', sampleInput: '' };
    const client = new ScriptedAiClient().answer(failing, failing, failing, failing);
    const result = await draftCode({ task: { question: 'Print hello.', language: 'python', stdin: '', inputFiles: [] }, client, userId: null, runProgram });
    expect(result).toMatchObject({ status: 'failed', attempts: 3, statuses: ['runtime_error', 'runtime_error', 'runtime_error'] });
    expect(result.lastResult.stderr).toContain('still broken');
    expect(client.requests).toHaveLength(3);
    expect(client.pending).toBe(1);
  });

  it('runs a program that reads input with the sample input the model proposed, marked as suggested', async () => {
    const client = new ScriptedAiClient().answer({ code: 'n = int(input("n: "))\nprint(n * n)', sampleInput: '7' });
    const result = await draftCode({ task: { question: 'Read n and print its square.', language: 'python', stdin: '', inputFiles: [{ name: 'unused.txt', content: 'x\n' }] }, client, userId: null, runProgram });
    expect(result).toMatchObject({ status: 'ok', attempts: 1, stdin: '7', stdinSuggested: true });
    expect(result.lastResult.transcript).toBe('n: 7\n49\n');
  });
});
