import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocx } from '../../../../../test/fixtures/docx-builder.js';
import { macroDocument, pdfZipPolyglot, randomFile, zipBomb } from '../../../../../test/fixtures/hostile.js';
import { buildPdf } from '../../../../../test/fixtures/pdf-builder.js';
import { appWithTwoUsers, type TestApp } from '../../../../../test/helpers/app.js';
import { TestClient } from '../../../../../test/helpers/client.js';
import { testDialects } from '../../../../../test/helpers/databases.js';
import { multipartFile } from '../../../../../test/helpers/multipart.js';

const NO_SUCH = '00000000-0000-4000-8000-000000000000';

async function labDocx(): Promise<Buffer> {
  return buildDocx([
    { text: 'Lab 3: Loops', style: 'Heading1' },
    { text: 'Q1. Write a program to print the factorial of a number.' },
    { text: 'n = int(input("Enter n: "))', font: 'Courier New' },
    { text: 'f = 1', font: 'Courier New' },
    { text: 'for i in range(1, n + 1):', font: 'Courier New' },
    { text: '    f *= i', font: 'Courier New' },
    { text: 'print(f)', font: 'Courier New' },
    { text: 'Q2. What is the difference between a compiler and an interpreter?' },
  ]);
}

describe.each(testDialects())('assignments on %s', (dialect) => {
  let t: TestApp;
  let ana: TestClient;
  let bob: TestClient;

  beforeAll(async () => {
    ({ t, ana, bob } = await appWithTwoUsers({ dialect, env: { LABMATE_UPLOAD_MAX_MB: '2' } }));
  });
  afterAll(async () => {
    await t.close();
  });

  it('refuses the anonymous', async () => {
    const anonymous = new TestClient(t.app);
    expect((await anonymous.upload('lab.docx', await labDocx())).statusCode).toBe(401);
    expect((await anonymous.get('/api/v1/assignments')).statusCode).toBe(401);
  });

  it('uploads a DOCX, detects its tasks and keeps the original bytes under a random key', async () => {
    const bytes = await labDocx();
    const response = await ana.upload('Lab 3 – loops.docx', bytes);
    expect(response.statusCode).toBe(201);
    const assignment = response.json();
    expect(assignment).toMatchObject({ originalName: 'Lab 3 – loops.docx', format: 'docx', status: 'ready' });
    expect(assignment.tasks.length).toBeGreaterThanOrEqual(2);
    const factorial = assignment.tasks.find((task: { question: string }) => task.question.includes('factorial'));
    expect(factorial).toMatchObject({ kind: 'code', language: 'python', origin: 'parsed' });
    expect(factorial.code).toContain('    f *= i');

    const keys = await t.app.labmate.blobs.list('uploads');
    expect(keys.some((key) => key.includes('loops'))).toBe(false);
    const original = await ana.get(`/api/v1/assignments/${assignment.id}/original`);
    expect(original.rawPayload.equals(bytes)).toBe(true);
    expect(original.headers['content-disposition']).toContain("filename*=UTF-8''Lab%203%20%E2%80%93%20loops.docx");
  });

  // Text extraction and page drawing each start a worker thread: slow on a busy 2-core machine.
  it('uploads a PDF', { timeout: 120_000 }, async () => {
    const pdf = buildPdf({ pages: [[{ text: '1. Write a C program to add two numbers.', y: 700 }, { text: '2. Explain pointers.', y: 670 }]] });
    const response = await ana.upload('sheet.pdf', pdf);
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ format: 'pdf', pages: 1 });
    expect(response.json().tasks.length).toBeGreaterThanOrEqual(2);

    const id = response.json().id as string;
    // A page drawn by an earlier version of the drawing is drawn again, and the old drawing goes.
    const pages = `uploads/${(await ana.get('/api/v1/auth/me')).json().user.id as string}/${id}/pages`;
    await t.app.labmate.blobs.putBuffer(`${pages}/1.png`, Buffer.from('an old drawing'));
    const page = await ana.get(`/api/v1/assignments/${id}/pages/1`);
    expect(page.statusCode).toBe(200);
    expect(await t.app.labmate.blobs.list(pages)).toEqual([`${pages}/1.v2.png`]);
    expect(page.headers['content-type']).toBe('image/png');
    expect(page.rawPayload.subarray(1, 4).toString()).toBe('PNG');
    expect((await ana.get(`/api/v1/assignments/${id}/pages/2`)).statusCode).toBe(404);
    expect((await bob.get(`/api/v1/assignments/${id}/pages/1`)).statusCode).toBe(404);
    const cached = await ana.get(`/api/v1/assignments/${id}/pages/1`);
    expect(cached.rawPayload.equals(page.rawPayload)).toBe(true);
  });

  it('counts the pages of a PDF and lists the blocks on each, so every task can be shown on its page', { timeout: 120_000 }, async () => {
    const pdf = buildPdf({
      pages: [
        [{ text: '1. Write a C program to add two numbers.', y: 700 }],
        [{ text: '2. Explain pointers.', y: 700 }, { text: '3. Explain arrays.', y: 670 }],
      ],
    });
    const id = (await ana.upload('two pages.pdf', pdf)).json().id as string;
    const detail = (await ana.get(`/api/v1/assignments/${id}`)).json() as { pages: number; tasks: Array<{ question: string; anchor: { block: number } }> };
    expect(detail.pages).toBe(2);
    const response = await ana.get(`/api/v1/assignments/${id}/pages`);
    expect(response.statusCode).toBe(200);
    const pages = response.json().pages as Array<{ page: number; firstBlock: number; lastBlock: number }>;
    expect(pages.map((page) => page.page)).toEqual([1, 2]);
    const pageOf = (question: string) => {
      const block = detail.tasks.find((task) => task.question.includes(question))?.anchor.block ?? -1;
      return pages.find((page) => page.firstBlock <= block && block <= page.lastBlock)?.page;
    };
    expect([pageOf('add two numbers'), pageOf('pointers'), pageOf('arrays')]).toEqual([1, 2, 2]);
    expect((await bob.get(`/api/v1/assignments/${id}/pages`)).statusCode).toBe(404);

    const docx = (await ana.upload('lab.docx', await labDocx())).json().id as string;
    expect((await ana.get(`/api/v1/assignments/${docx}/pages`)).json()).toEqual({ pages: [] });
  });

  it('lists my assignments newest first with task counts, a page at a time', async () => {
    const first = await ana.get('/api/v1/assignments?limit=1');
    expect(first.statusCode).toBe(200);
    expect(first.json().items).toHaveLength(1);
    expect(first.json().items[0].taskCount).toBeGreaterThan(0);
    expect(first.json().nextCursor).toBeTruthy();
    const second = await ana.get(`/api/v1/assignments?limit=1&cursor=${first.json().nextCursor}`);
    expect(second.json().items).toHaveLength(1);
    expect(second.json().items[0].id).not.toBe(first.json().items[0].id);
    expect((await ana.get('/api/v1/assignments?cursor=garbage')).statusCode).toBe(422);
    expect((await bob.get('/api/v1/assignments')).json().items).toEqual([]);
  });

  it('answers 404 for another user assignment, everywhere', async () => {
    const [mine] = (await ana.get('/api/v1/assignments')).json().items as Array<{ id: string }>;
    const id = mine?.id ?? NO_SUCH;
    const task = (await ana.get(`/api/v1/assignments/${id}`)).json().tasks[0] as { id: string };
    expect((await bob.get(`/api/v1/assignments/${id}`)).statusCode).toBe(404);
    expect((await bob.get(`/api/v1/assignments/${id}/preview`)).statusCode).toBe(404);
    expect((await bob.get(`/api/v1/assignments/${id}/original`)).statusCode).toBe(404);
    expect((await bob.get(`/api/v1/assignments/${id}/tasks`)).statusCode).toBe(404);
    expect((await bob.request('PATCH', `/api/v1/assignments/${id}/tasks/${task.id}`, { body: { code: 'x' } })).statusCode).toBe(404);
    expect((await bob.request('DELETE', `/api/v1/assignments/${id}/tasks/${task.id}`)).statusCode).toBe(404);
    expect((await bob.post(`/api/v1/assignments/${id}/tasks`, { question: 'mine now?' })).statusCode).toBe(404);
    expect((await bob.post(`/api/v1/assignments/${id}/reparse`)).statusCode).toBe(404);
    expect((await bob.request('DELETE', `/api/v1/assignments/${id}`)).statusCode).toBe(404);
    expect((await ana.get(`/api/v1/assignments/${id}`)).statusCode).toBe(200);
  });

  it('edits, adds, reorders and deletes tasks, and the edits persist', async () => {
    const created = (await ana.upload('edit.docx', await labDocx())).json() as { id: string; tasks: Array<{ id: string }> };
    const [first, second] = created.tasks;
    const patched = await ana.request('PATCH', `/api/v1/assignments/${created.id}/tasks/${first?.id}`, {
      body: { code: 'print("edited")', stdin: '5\n', theme: 'vscode-dark', inputFiles: [{ name: 'data.txt', content: '1 2 3' }] },
    });
    expect(patched.statusCode).toBe(200);
    const added = await ana.post(`/api/v1/assignments/${created.id}/tasks`, { question: 'Extra: print a triangle', language: 'c', position: 0 });
    expect(added.statusCode).toBe(201);
    const moved = await ana.request('PATCH', `/api/v1/assignments/${created.id}/tasks/${second?.id}`, { body: { position: 0 } });
    expect(moved.json().position).toBe(0);

    const tasks = (await ana.get(`/api/v1/assignments/${created.id}/tasks`)).json().items as Array<Record<string, unknown>>;
    expect(tasks.map((task) => task.position)).toEqual(tasks.map((_, index) => index));
    expect(tasks[0]?.id).toBe(second?.id);
    expect(tasks[1]).toMatchObject({ question: 'Extra: print a triangle', language: 'c', origin: 'user' });
    expect(tasks.find((task) => task.id === first?.id)).toMatchObject({
      code: 'print("edited")',
      stdin: '5\n',
      theme: 'vscode-dark',
      inputFiles: [{ name: 'data.txt', content: '1 2 3' }],
    });

    const bad = await ana.request('PATCH', `/api/v1/assignments/${created.id}/tasks/${first?.id}`, {
      body: { kind: 'essay', inputFiles: [{ name: '../etc/passwd', content: '' }] },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['kind']));

    expect((await ana.request('DELETE', `/api/v1/assignments/${created.id}/tasks/${first?.id}`)).statusCode).toBe(204);
    expect((await ana.request('DELETE', `/api/v1/assignments/${created.id}/tasks/${first?.id}`)).statusCode).toBe(404);
  });

  it('refuses input files named like the program or like each other, on edit and on add, and keeps the task', async () => {
    const created = (await ana.upload('names.docx', await labDocx())).json() as { id: string; tasks: Array<{ id: string; language: string }> };
    const python = created.tasks.find((task) => task.language === 'python');
    const url = `/api/v1/assignments/${created.id}/tasks/${python?.id}`;
    const before = (await ana.get(`/api/v1/assignments/${created.id}/tasks`)).json().items.find((task: { id: string }) => task.id === python?.id);

    const clash = await ana.request('PATCH', url, { body: { stdin: '7\n', inputFiles: [{ name: 'data.txt', content: '' }, { name: 'main.py', content: 'x' }] } });
    expect(clash.statusCode).toBe(422);
    expect(clash.json().errors).toEqual([{ field: 'inputFiles.1.name', message: expect.stringContaining('main.py') }]);
    const twice = await ana.request('PATCH', url, { body: { inputFiles: [{ name: 'a.txt', content: '' }, { name: 'a.txt', content: '' }] } });
    expect(twice.json().errors).toEqual([{ field: 'inputFiles.1.name', message: expect.stringContaining('another input file') }]);
    const after = (await ana.get(`/api/v1/assignments/${created.id}/tasks`)).json().items.find((task: { id: string }) => task.id === python?.id);
    expect(after).toEqual(before);

    // Changing the language alone can make a kept file clash: a C build writes `main`.
    expect((await ana.request('PATCH', url, { body: { inputFiles: [{ name: 'main', content: '' }] } })).statusCode).toBe(200);
    expect((await ana.request('PATCH', url, { body: { language: 'c' } })).json().errors).toEqual([{ field: 'inputFiles.0.name', message: expect.stringContaining('main') }]);
    const java = await ana.post(`/api/v1/assignments/${created.id}/tasks`, {
      question: 'Read the grid',
      language: 'java',
      code: 'public class Grid { public static void main(String[] a) {} }',
      inputFiles: [{ name: 'Grid.java', content: '' }],
    });
    expect(java.statusCode).toBe(422);
    expect(java.json().errors).toEqual([{ field: 'inputFiles.0.name', message: expect.stringContaining('Grid.java') }]);
    expect((await ana.get(`/api/v1/assignments/${created.id}/tasks`)).json().items).toHaveLength(created.tasks.length);
  });

  it('re-parses only on request, replacing the tasks', async () => {
    const created = (await ana.upload('reparse.docx', await labDocx())).json() as { id: string; tasks: Array<{ id: string }> };
    await ana.request('DELETE', `/api/v1/assignments/${created.id}/tasks/${created.tasks[0]?.id}`);
    const reparsed = await ana.post(`/api/v1/assignments/${created.id}/reparse`);
    expect(reparsed.statusCode).toBe(200);
    expect(reparsed.json().items).toHaveLength(created.tasks.length);
  });

  it('serves a sanitized preview', async () => {
    const created = (await ana.upload('preview.docx', await buildDocx([{ text: 'Q1. Print <b>hi</b> with <script>x()</script>' }]))).json();
    const preview = await ana.get(`/api/v1/assignments/${created.id}/preview`);
    expect(preview.statusCode).toBe(200);
    expect(preview.headers['content-type']).toContain('text/html');
    expect(preview.headers['content-security-policy']).toContain("default-src 'none'");
    expect(preview.body).toContain('&#60;b&#62;hi&#60;/b&#62;');
    expect(preview.body).not.toContain('<script>');
  });

  it('deletes an assignment with every row and blob', async () => {
    const created = (await ana.upload('gone.docx', await labDocx())).json() as { id: string };
    expect((await t.app.labmate.blobs.list(`uploads`)).some((key) => key.includes(created.id))).toBe(true);
    expect((await ana.request('DELETE', `/api/v1/assignments/${created.id}`)).statusCode).toBe(204);
    expect((await t.app.labmate.blobs.list('uploads')).some((key) => key.includes(created.id))).toBe(false);
    const rows = await t.database.handle.db.selectFrom('tasks').select('id').where('assignment_id', '=', created.id).execute();
    expect(rows).toEqual([]);
    expect((await ana.get(`/api/v1/assignments/${created.id}`)).statusCode).toBe(404);
  });

  it('refuses bad uploads with a 4xx problem and stores nothing', async () => {
    const carol = new TestClient(t.app);
    await carol.signUp(`carol-${dialect}@example.com`);
    const cases = [
      { file: await zipBomb(), status: 422 },
      { file: await macroDocument(), status: 422 },
      { file: await pdfZipPolyglot(), status: 422 },
      { file: randomFile('noise.pdf'), status: 415 },
      { file: { name: 'notes.txt', bytes: Buffer.from('hello') }, status: 415 },
      { file: { name: 'big.docx', bytes: Buffer.alloc(3 * 1024 * 1024, 1) }, status: 413 },
    ];
    for (const { file, status } of cases) {
      const response = await carol.upload(file.name, file.bytes);
      expect(response.statusCode, file.name).toBe(status);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().detail.length).toBeGreaterThan(10);
    }
    expect((await carol.get('/api/v1/assignments')).json().items).toEqual([]);
    const me = (await carol.get('/api/v1/auth/me')).json().user.id as string;
    expect(await t.app.labmate.blobs.list(`uploads/${me}`)).toEqual([]);
  });

  it('refuses a JSON body and a missing file', async () => {
    expect((await ana.post('/api/v1/assignments', { file: 'x' })).statusCode).toBe(415);
    const { body, headers } = multipartFile('document', 'lab.docx', await labDocx());
    expect((await ana.request('POST', '/api/v1/assignments', { body, headers })).statusCode).toBe(422);
  });
});
