/** One message of the supervisor (see helper/supervisor-source.ts for the format). */
export interface Frame {
  type: string;
  step: number;
  payload: Buffer;
}

const HEADER = 6;

/** Splits the supervisor's byte stream into frames, whatever the chunking of the pipe. */
export class FrameReader {
  private buffered: Buffer = Buffer.alloc(0);

  /** Adds bytes; returns the frames they complete. */
  push(chunk: Buffer): Frame[] {
    this.buffered = this.buffered.length === 0 ? chunk : Buffer.concat([this.buffered, chunk]);
    const frames: Frame[] = [];
    let offset = 0;
    while (this.buffered.length - offset >= HEADER) {
      const length = this.buffered.readUInt32BE(offset + 2);
      if (this.buffered.length - offset < HEADER + length) break;
      frames.push({
        type: String.fromCharCode(this.buffered[offset] ?? 0),
        step: this.buffered[offset + 1] ?? 0,
        payload: this.buffered.subarray(offset + HEADER, offset + HEADER + length),
      });
      offset += HEADER + length;
    }
    this.buffered = this.buffered.subarray(offset);
    return frames;
  }

  /** Bytes of an incomplete frame left at the end of the stream. */
  get pendingBytes(): number {
    return this.buffered.length;
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
