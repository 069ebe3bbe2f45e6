import { randomBytes } from 'node:crypto';

/** A multipart/form-data body with one file part, as a browser sends it. */
export function multipartFile(field: string, fileName: string, bytes: Buffer, contentType = 'application/octet-stream') {
  const boundary = `----labmate${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { body: Buffer.concat([head, bytes, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
