import { isUtf8 } from 'node:buffer';
import { TextDecoder } from 'node:util';
import type { Encoding } from '../model/source';
import type { IssueCollector } from './_issues';
import { countByte, scanUtf8 } from './_utf8';

/** The encoding chosen for an input and whether it started with a byte order mark. */
export interface EncodingGuess {
  encoding: Encoding;
  bom: boolean;
}

const NEWLINE = 0x0a;

/** Which byte order mark, if any, starts `head`. */
export function detectBom(head: Uint8Array): Encoding | null {
  const [a, b, c] = head;
  if (a === 0xef && b === 0xbb && c === 0xbf) return 'utf-8';
  if (a === 0xff && b === 0xfe) return 'utf-16le';
  if (a === 0xfe && b === 0xff) return 'utf-16be';
  return null;
}

/** UTF-16 without a BOM: mostly-ASCII text leaves a zero in every other byte. */
function sniffUtf16(head: Uint8Array): Encoding | null {
  const n = Math.min(head.length, 4096) & ~1;
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (head[i] === 0) evenZeros++;
    if (head[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (evenZeros >= pairs * 0.3 && oddZeros <= pairs * 0.05) return 'utf-16be';
  if (oddZeros >= pairs * 0.3 && evenZeros <= pairs * 0.05) return 'utf-16le';
  return null;
}

/**
 * Guesses the encoding of an input from its first bytes: a BOM wins; then UTF-16 by its zero
 * bytes; then UTF-8 if the bytes are valid UTF-8 (or mostly so); otherwise the text is taken
 * for a single-byte export and read as windows-1252, the superset of Latin-1 that Excel and
 * most Western ERP and CRM exports use.
 *
 * @param head the first bytes of the input (64 KB is plenty)
 * @param complete whether `head` is the whole input (an unfinished sequence at its end is an error)
 * @returns the encoding to decode with and whether a BOM was found
 * @example
 * detectEncoding(Buffer.from('Jos\xe9', 'latin1'), true); // { encoding: 'windows-1252', bom: false }
 */
export function detectEncoding(head: Uint8Array, complete = false): EncodingGuess {
  const bom = detectBom(head);
  if (bom !== null) return { encoding: bom, bom: true };
  const utf16 = sniffUtf16(head);
  if (utf16 !== null) return { encoding: utf16, bom: false };
  const scan = scanUtf8(head, complete);
  // A UTF-8 file with a few stray bytes still shows more well-formed multi-byte sequences
  // than errors; a windows-1252 file shows (almost) none.
  if (scan.errors.length === 0 || scan.multibyte >= scan.errors.length) {
    return { encoding: 'utf-8', bom: false };
  }
  return { encoding: 'windows-1252', bom: false };
}

/**
 * Streaming decoder from bytes to text. Strips a BOM of the chosen encoding. For UTF-8 it
 * counts invalid sequences as TEXT_INVALID_UTF8 issues with their line numbers (decoded as
 * U+FFFD), including sequences split across chunks, at little cost: the exact scan runs only
 * on chunks whose text holds a U+FFFD.
 */
export class TextChunkDecoder {
  private readonly decoder: TextDecoder;
  private readonly track: boolean;
  /** Bytes of an unfinished UTF-8 sequence at the end of the previous chunk. */
  private tail: Uint8Array = new Uint8Array(0);
  /** 1-based line number at which the next chunk starts. */
  private line = 1;

  constructor(
    readonly encoding: Encoding,
    private readonly issues: IssueCollector | null = null,
  ) {
    this.decoder = new TextDecoder(encoding);
    this.track = encoding === 'utf-8' && issues !== null;
  }

  /** Decodes one chunk; an unfinished sequence at its end is kept for the next call. */
  write(bytes: Uint8Array): string {
    const text = this.decoder.decode(bytes, { stream: true });
    if (this.track) this.check(bytes, text, false);
    return text;
  }

  /**
   * Whether a chunk can go on as bytes, undecoded: UTF-8 that is valid on its own, with no
   * sequence of the previous chunk left to finish. Its lines are counted as if it were decoded.
   * (A parser that reads bytes skips a decode here and the encode back to bytes inside it.)
   */
  passesThrough(bytes: Uint8Array): boolean {
    if (!this.track || this.tail.length > 0 || !isUtf8(bytes)) return false;
    this.line += countByte(bytes, NEWLINE);
    return true;
  }

  /** Flushes the decoder; an unfinished sequence left at the end of the input is invalid. */
  end(): string {
    const text = this.decoder.decode();
    if (this.track && this.tail.length > 0) this.check(new Uint8Array(0), '\ufffd', true);
    return text;
  }

  private check(bytes: Uint8Array, text: string, final: boolean): void {
    if (text.indexOf('\ufffd') === -1 && !final) {
      this.tail = unfinishedTail(this.tail, bytes);
    } else {
      const joined = this.tail.length === 0 ? bytes : concat(this.tail, bytes);
      const scan = scanUtf8(joined, final);
      for (const offset of scan.errors) {
        this.issues?.add('TEXT_INVALID_UTF8', this.line + countByte(joined, NEWLINE, 0, offset));
      }
      this.tail = joined.slice(joined.length - scan.tail);
    }
    this.line += countByte(bytes, NEWLINE);
  }
}

/** The bytes of a UTF-8 sequence left unfinished at the end of `previous` + `bytes`. */
function unfinishedTail(previous: Uint8Array, bytes: Uint8Array): Uint8Array {
  const joined = bytes.length >= 4 || previous.length === 0 ? bytes : concat(previous, bytes);
  const n = joined.length;
  for (let back = 1; back <= 4 && back <= n; back++) {
    const b = joined[n - back] ?? 0;
    if (b < 0x80) return new Uint8Array(0);
    if (b >= 0xc0) {
      const length = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      return length > back ? joined.slice(n - back) : new Uint8Array(0);
    }
  }
  return new Uint8Array(0);
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}
