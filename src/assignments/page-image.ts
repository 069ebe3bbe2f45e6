import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { assignmentsRepository } from '../db/repositories/assignments.repository.js';
import { errors } from '../errors.js';
import { BlobNotFoundError } from '../storage/blob-store.js';
import type { AssignmentDeps } from './deps.js';
import { renderPdfPage } from './pdf-pages/render-pdf-page.js';

/** Raised whenever page drawing changes (2: the standard PDF fonts), so pages drawn before are drawn again. */
const PAGE_DRAWING_VERSION = 2;

/** A PNG of one page of one of the owner's PDF assignments, drawn once and kept beside the upload. */
export async function pageImage(deps: AssignmentDeps, input: { ownerId: string; assignmentId: string; page: number }): Promise<Buffer> {
  const assignment = await assignmentsRepository(deps.db).find(input.ownerId, input.assignmentId);
  if (!assignment) throw errors.notFound('assignment');
  if (assignment.format !== 'pdf' || input.page > (assignment.pages ?? 0)) throw errors.notFound('page');
  const folder = `uploads/${input.ownerId}/${assignment.id}/pages`;
  const key = `${folder}/${input.page}.v${PAGE_DRAWING_VERSION}.png`;
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
    // Drawings of this page by an earlier version (`3.png`, `3.v1.png`) are not read again.
    const stale = new RegExp(`^${folder}/${input.page}(\\.v\\d+)?\\.png$`);
    for (const old of (await deps.blobs.list(folder)).filter((other) => other !== key && stale.test(other))) await deps.blobs.delete(old);
    return png;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
