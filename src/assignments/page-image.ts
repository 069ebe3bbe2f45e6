import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { assignmentsRepository } from '../db/repositories/assignments.repository.js';
import { errors } from '../errors.js';
import { BlobNotFoundError } from '../storage/blob-store.js';
import type { AssignmentDeps } from './deps.js';
import { renderPdfPage } from './pdf-pages/render-pdf-page.js';

/** A PNG of one page of one of the owner's PDF assignments, drawn once and kept beside the upload. */
export async function pageImage(deps: AssignmentDeps, input: { ownerId: string; assignmentId: string; page: number }): Promise<Buffer> {
  const assignment = await assignmentsRepository(deps.db).find(input.ownerId, input.assignmentId);
  if (!assignment) throw errors.notFound('assignment');
  if (assignment.format !== 'pdf' || input.page > (assignment.pages ?? 0)) throw errors.notFound('page');
  const key = `uploads/${input.ownerId}/${assignment.id}/pages/${input.page}.png`;
  try {
    return await deps.blobs.read(key);
  } catch (error) {
    if (!(error instanceof BlobNotFoundError)) throw error;
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'labmate-page-'));
  try {
    const file = path.join(dir, 'document.pdf');
    await writeFile(file, await deps.blobs.read(assignment.blob_key));
    const png = await renderPdfPage(file, input.page);
    await deps.blobs.putBuffer(key, png);
    return png;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
