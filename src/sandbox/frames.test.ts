import { describe, expect, it } from 'vitest';
import { encodeRecord, FrameReader, parseStatus } from './frames.js';

function frame(type: string, step: number, payload: string): Buffer {
  const body = Buffer.from(payload);
  const header = Buffer.from([type.charCodeAt(0), step, 0, 0, 0, 0]);
  header.writeUInt32BE(body.length, 2);
  return Buffer.concat([header, body]);
}

describe('FrameReader', () => {
  it('reassembles frames split at any byte', () => {
    const stream = Buffer.concat([frame('o', 1, 'hello'), frame('s', 1, 'exit=0'), frame('e', 0, '')]);
    const reader = new FrameReader();
    const frames = [];
    for (let i = 0; i < stream.length; i++) frames.push(...reader.push(stream.subarray(i, i + 1)));
    expect(frames.map((f) => [f.type, f.step, f.payload.toString()])).toEqual([
      ['o', 1, 'hello'],
      ['s', 1, 'exit=0'],
      ['e', 0, ''],
    ]);
    expect(reader.pendingBytes).toBe(0);
  });

  it('holds back an incomplete frame', () => {
    const reader = new FrameReader();
    expect(reader.push(frame('o', 0, 'abcdef').subarray(0, 8))).toEqual([]);
    expect(reader.pendingBytes).toBe(8);
  });
});

describe('encodeRecord', () => {
  it('writes type, big-endian name length, name, data length and data', () => {
    const record = encodeRecord('F', 'a.txt', Buffer.from('xy'));
    expect([...record]).toEqual([70, 0, 0, 0, 5, ...Buffer.from('a.txt'), 0, 0, 0, 2, 120, 121]);
  });
});

describe('parseStatus', () => {
  it('reads the numbers of a step status and skips anything else', () => {
    expect(parseStatus(Buffer.from('exit=-1 signal=9 timedout=1 junk cpu_ms=12 bad=x'))).toEqual({
      exit: -1,
      signal: 9,
      timedout: 1,
      cpu_ms: 12,
    });
  });
});
