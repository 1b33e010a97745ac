export type LineEnding = 'lf' | 'crlf' | 'cr';

const CR = 0x0d;

/** The line ending of the first line break in `text`; `lf` when there is none. */
export function detectLineEnding(text: string): LineEnding {
  const lf = text.indexOf('\n');
  if (lf === -1) return text.indexOf('\r') === -1 ? 'lf' : 'cr';
  const cr = text.indexOf('\r');
  if (cr !== -1 && cr < lf - 1) return 'cr';
  return cr === lf - 1 ? 'crlf' : 'lf';
}

/**
 * Rewrites line breaks to `\n` chunk by chunk, so that parsers split on one character and
 * count each physical line once: `\r\n` becomes `\n` (a `\r` ending a chunk waits for the next
 * one), and in files using bare `\r` (classic Mac exports) every `\r` becomes `\n`.
 */
export class NewlineNormalizer {
  private pendingCr = false;

  constructor(private readonly ending: LineEnding) {}

  /** Whether `write` would leave this chunk as it is: no `\r` in it, and none waiting from the last chunk. */
  leavesAsIs(bytes: Uint8Array): boolean {
    return !this.pendingCr && bytes.indexOf(CR) === -1;
  }

  write(chunk: string): string {
    let text = this.pendingCr ? '\r' + chunk : chunk;
    this.pendingCr = false;
    if (text.indexOf('\r') === -1) return text;
    if (text.endsWith('\r')) {
      this.pendingCr = true;
      text = text.slice(0, -1);
    }
    text = text.replaceAll('\r\n', '\n');
    return this.ending === 'cr' ? text.replaceAll('\r', '\n') : text;
  }

  end(): string {
    if (!this.pendingCr) return '';
    this.pendingCr = false;
    return this.ending === 'cr' ? '\n' : '\r';
  }
}
