/** One message of the supervisor (see helper/supervisor-source.ts for the format). */
export interface Frame {
  type: string;
  step: number;
  payload: Buffer;
}

const HEADER = 6;

/** Splits the supervisor's byte stream into frames, whatever the chunking of the pipe. */
export class FrameReader {
  private chunks: Buffer[] = [];
  private length = 0;

  /** Adds bytes; returns the frames they complete. */
  push(chunk: Buffer): Frame[] {
    this.chunks.push(chunk);
    this.length += chunk.length;
    const frames: Frame[] = [];
    for (;;) {
      const needed = this.nextFrameBytes();
      if (needed === undefined || this.length < needed) break;
      // Concatenate only once a frame is complete: artifacts arrive as many pipe-sized chunks.
      const all = this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks, this.length);
      frames.push({
        type: String.fromCharCode(all[0] ?? 0),
        step: all[1] ?? 0,
        payload: all.subarray(HEADER, needed),
      });
      const rest = all.subarray(needed);
      this.chunks = rest.length ? [rest] : [];
      this.length = rest.length;
    }
    return frames;
  }

  /** Bytes of an incomplete frame left at the end of the stream. */
  get pendingBytes(): number {
    return this.length;
  }

  private nextFrameBytes(): number | undefined {
    if (this.length < HEADER) return undefined;
    const head = this.chunks[0]!.length >= HEADER ? this.chunks[0]! : Buffer.concat(this.chunks, this.length);
    return HEADER + head.readUInt32BE(2);
  }
}

/** Encodes one input record for the supervisor's stdin: type, name and data, lengths big-endian. */
export function encodeRecord(type: 'F' | 'I', name: string, data: Buffer): Buffer {
  const nameBytes = Buffer.from(name, 'utf8');
  const header = Buffer.alloc(1 + 4 + nameBytes.length + 4);
  header.write(type, 0, 'latin1');
  header.writeUInt32BE(nameBytes.length, 1);
  nameBytes.copy(header, 5);
  header.writeUInt32BE(data.length, 5 + nameBytes.length);
  return Buffer.concat([header, data]);
}

/** Parses a step-status frame (`exit=0 signal=0 ...`) into numbers. */
export function parseStatus(payload: Buffer): Record<string, number> {
  const out: Record<string, number> = {};
  for (const pair of payload.toString('latin1').split(' ')) {
    const [key, value] = pair.split('=');
    if (key && value !== undefined && /^-?\d+$/.test(value)) out[key] = Number(value);
  }
  return out;
}
