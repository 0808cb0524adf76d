import { isUtf8 } from 'node:buffer';
import { InvalidArgumentError } from '@aiaas/errors';

const NEWLINE = 0x0a;

function countNewlines(bytes: Uint8Array, end = bytes.length): number {
  let count = 0;
  for (let index = bytes.indexOf(NEWLINE); index !== -1 && index < end; index = bytes.indexOf(NEWLINE, index + 1)) count += 1;
  return count;
}

/** Length of a UTF-8 sequence from its lead byte; 0 for a byte that cannot start one. */
function sequenceLength(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/** Bytes at the end of `bytes` that begin a sequence the next chunk completes. */
function incompleteTail(bytes: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const byte = bytes[bytes.length - back]!;
    if ((byte & 0xc0) !== 0x80) {
      const length = sequenceLength(byte);
      return length > back ? back : 0;
    }
  }
  return 0;
}

/** Offset of the first byte of `bytes` that is not valid UTF-8 (only called once one is known). */
function firstInvalidOffset(bytes: Uint8Array): number {
  let low = 0;
  let high = bytes.length;
  // Bisect for the longest prefix a streaming decode accepts (it tolerates a character cut at
  // the end, so every shorter prefix of an accepted one is accepted too).
  while (high - low > 1) {
    const middle = (low + high) >> 1;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, middle), { stream: true });
      low = middle;
    } catch {
      high = middle;
    }
  }
  return low;
}

/**
 * Checks the bytes of an uploaded text file as they stream past: a NUL byte means a binary file,
 * and every byte must be UTF-8. Errors name the line and byte offset, so a user can find the
 * spot. Chunks may split a multi-byte character anywhere.
 */
export class ByteGuard {
  private offset = 0;
  private lines = 1;
  private carry: Buffer = Buffer.alloc(0);

  /** Checks the next chunk; throws InvalidArgumentError on the first bad byte. */
  check(chunk: Uint8Array): void {
    const nul = chunk.indexOf(0);
    if (nul !== -1) {
      throw new InvalidArgumentError(
        'file',
        `looks binary: a NUL byte at byte ${this.offset + nul} (line ${this.lines + countNewlines(chunk, nul)}); upload UTF-8 CSV or JSONL text`,
      );
    }
    const bytes = this.carry.length > 0 ? Buffer.concat([this.carry, chunk]) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const tail = incompleteTail(bytes);
    const complete = bytes.subarray(0, bytes.length - tail);
    const start = this.offset - this.carry.length;
    if (!isUtf8(complete)) {
      const bad = firstInvalidOffset(complete);
      throw new InvalidArgumentError(
        'file',
        `is not valid UTF-8: byte ${start + bad} (line ${this.lines + countNewlines(complete, bad)}) is 0x${complete[bad]!.toString(16).padStart(2, '0')}; re-save the file as UTF-8`,
      );
    }
    this.lines += countNewlines(complete);
    this.carry = Buffer.from(bytes.subarray(bytes.length - tail));
    this.offset += chunk.length;
  }

  /** Call at the end of the input: a file may not end inside a character. */
  finish(): void {
    if (this.carry.length > 0) {
      throw new InvalidArgumentError('file', `ends inside a UTF-8 character at byte ${this.offset - this.carry.length} (line ${this.lines}); is it truncated?`);
    }
  }
}
