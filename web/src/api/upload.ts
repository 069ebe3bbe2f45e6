import type { ApiClient } from './client';
import { ApiError, networkError, problemError } from './problem';
import type { Assignment } from './types';

export interface UploadProgress {
  loaded: number;
  total: number;
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function sendOnce(file: File, csrf: string, onProgress: (progress: UploadProgress) => void, signal: AbortSignal): Promise<Assignment> {
  return new Promise((resolve, reject) => {
    // fetch cannot report upload progress; XMLHttpRequest's upload events can.
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/v1/assignments');
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('x-csrf-token', csrf);
    xhr.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) onProgress({ loaded: event.loaded, total: event.total });
    });
    xhr.addEventListener('load', () => {
      const body = parse(xhr.responseText);
      if (xhr.status === 201) resolve(body as Assignment);
      else reject(problemError(xhr.status, body, xhr.getResponseHeader('retry-after')));
    });
    xhr.addEventListener('error', () => reject(networkError()));
    xhr.addEventListener('abort', () => reject(new DOMException('The upload was cancelled.', 'AbortError')));
    signal.addEventListener('abort', () => xhr.abort(), { once: true });
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

/** Uploads a document with real progress; answers the new assignment with its detected tasks. */
export async function uploadDocument(
  api: ApiClient,
  file: File,
  onProgress: (progress: UploadProgress) => void,
  signal: AbortSignal,
): Promise<Assignment> {
  try {
    return await sendOnce(file, await api.csrfToken(), onProgress, signal);
  } catch (error) {
    if (!(error instanceof ApiError && error.type === 'csrf')) throw error;
    api.forgetCsrfToken();
    return sendOnce(file, await api.csrfToken(), onProgress, signal);
  }
}
