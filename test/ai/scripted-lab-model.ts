import { jsonReply, type FakeReply, type RecordedRequest } from './fake-openai-server.js';

/** The JSON schema a request asked the model to answer with. */
export const schemaOf = (request: RecordedRequest) => request.body.response_format?.json_schema?.name ?? '';
/** The request's user message: the document, code or output the model works on. */
export const userText = (request: RecordedRequest) => request.body.messages?.find((m) => m.role === 'user')?.content ?? '';

/**
 * A model for the lab used by the AI tests ("Q1 … prints its square", "Q2. Explain how a while loop …"): it answers
 * by the schema asked for, like a model that reads the request.
 */
export function labModel(request: RecordedRequest): FakeReply {
  switch (schemaOf(request)) {
    case 'task_corrections': {
      // The draft task whose question asks for an explanation is theory, not code.
      const line = userText(request)
        .split('\n')
        .find((text) => text.includes('Explain how'));
      const id = line ? (JSON.parse(line) as { id: string }).id : '';
      return jsonReply({ corrections: id ? [{ op: 'set_kind', taskId: id, kind: 'theory', reason: 'asks for an explanation' }] : [] });
    }
    case 'drafted_program':
      return jsonReply({ code: 'n = int(input())\nprint(n * n)\n', sampleInput: '7\n' });
    case 'suggested_input':
      return jsonReply({ stdin: '4\n' });
    case 'drafted_answer':
      return jsonReply({ answer: 'A loop repeats a block of statements while its condition holds.' });
    case 'code_review':
      return jsonReply({
        summary: 'Works; the prompt could say what to type.',
        issues: [{ title: 'No prompt', severity: 'minor', line: 1, detail: 'input() shows no prompt.' }],
        diff: '--- a/program\n+++ b/program\n@@ -1,2 +1,2 @@\n-n = int(input())\n+n = int(input("n: "))\n print(n * n)\n',
      });
    default:
      return { status: 400, body: { error: { message: `unexpected schema ${schemaOf(request)}` } } };
  }
}
