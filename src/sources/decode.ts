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
 * on text that holds a U+FFFD.
 *
 * UTF-8 is decoded a chunk at a time without TextDecoder's `stream` option, the bytes of a
 * sequence the chunk leaves unfinished held for the next: Node's TextDecoder takes its fast
 * native UTF-8 path only when not streaming, and NDJSON is decoded before it is parsed. The
 * text is a streaming decoder's (a property test holds the two to each other).
 */
export class TextChunkDecoder {
  private readonly decoder: TextDecoder;
  private readonly track: boolean;
  /** 1-based line number at which the next bytes start. */
  private line = 1;
  /** UTF-8: the bytes of a sequence the last chunk left unfinished, decoded with the next */
  private held: Uint8Array = new Uint8Array(0);
  /** UTF-8: text has been given out (a BOM is stripped only before it) */
  private started = false;

  constructor(
    readonly encoding: Encoding,
    private readonly issues: IssueCollector | null = null,
  ) {
    // UTF-8 strips its BOM itself (see decodeUtf8): each chunk is decoded as if the first.
    this.decoder = new TextDecoder(encoding, { ignoreBOM: encoding === 'utf-8' });
    this.track = encoding === 'utf-8' && issues !== null;
  }

  /** Decodes one chunk; an unfinished sequence at its end is kept for the next call. */
  write(bytes: Uint8Array): string {
    return this.encoding === 'utf-8' ? this.decodeUtf8(bytes, false) : this.decoder.decode(bytes, { stream: true });
  }

  /**
   * Whether a chunk can go on as bytes, undecoded: UTF-8 that is valid on its own, with no
   * sequence of the previous chunk left to finish. Its lines are counted as if it were decoded.
   * (A parser that reads bytes skips a decode here and the encode back to bytes inside it.)
   */
  passesThrough(bytes: Uint8Array): boolean {
    if (!this.track || this.held.length > 0 || !isUtf8(bytes)) return false;
    this.line += countByte(bytes, NEWLINE);
    return true;
  }

  /** Flushes the decoder; an unfinished sequence left at the end of the input is invalid. */
  end(): string {
    return this.encoding === 'utf-8' ? this.decodeUtf8(new Uint8Array(0), true) : this.decoder.decode();
  }

  /**
   * Decodes the held bytes and `bytes` up to a sequence they leave unfinished (unless `final`:
   * then that sequence is invalid), counting the invalid sequences of what it decodes.
   */
  private decodeUtf8(bytes: Uint8Array, final: boolean): string {
    const joined = this.held.length === 0 ? bytes : concat(this.held, bytes);
    const complete = final ? joined.length : joined.length - unfinishedLength(joined);
    const part = joined.subarray(0, complete);
    this.held = joined.slice(complete);
    let text = this.decoder.decode(part);
    if (this.track) {
      if (text.indexOf('\ufffd') !== -1) {
        for (const offset of scanUtf8(part, true).errors) this.issues!.add('TEXT_INVALID_UTF8', this.line + countByte(part, NEWLINE, 0, offset));
      }
      this.line += countByte(part, NEWLINE);
    }
    if (!this.started && text.length > 0) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    return text;
  }
}

/**
 * How many bytes at the end of `bytes` begin a UTF-8 sequence they do not finish: what a
 * streaming decoder holds for the next chunk. A sequence is at most four bytes, so an unfinished
 * one starts within the last three; scanUtf8 reads them by the decoder's rules (continuation
 * bytes cut from an earlier sequence are errors to it, never a beginning).
 */
function unfinishedLength(bytes: Uint8Array): number {
  return scanUtf8(bytes.subarray(Math.max(0, bytes.length - 3)), false).tail;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}
