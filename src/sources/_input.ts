import { open, type FileHandle } from 'node:fs/promises';
import { Readable, pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { StitchscanError, isStitchscanError } from '../errors';

/** Size of file reads and decompressed chunks: one batch of rows per chunk. */
export const CHUNK_BYTES = 64 * 1024;
/** Bytes read before detection (encoding, format, delimiter). */
export const HEAD_BYTES = 64 * 1024;

/**
 * A byte input opened for reading: its first bytes already read (for detection) and an
 * iterator over the rest, decompressed when gzip.
 */
export interface ByteInput {
  readonly path: string | null;
  readonly totalBytes: number | null;
  readonly compression: 'gzip' | null;
  /** The first bytes (decompressed), at least HEAD_BYTES unless the input is shorter. */
  readonly head: Uint8Array;
  /** True when `head` is the whole input. */
  readonly ended: boolean;
  /** The chunks after `head`. */
  readonly rest: AsyncIterator<Uint8Array>;
  /** Input bytes consumed so far (compressed bytes for gzip). */
  bytesRead(): number;
  /** Stops reading and releases the file. */
  close(): Promise<void>;
}

/** Opens a file, mapping the file system's errors to StitchscanError. */
export async function openFileInput(path: string): Promise<ByteInput> {
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw fileError(error, path);
  }
  let size: number;
  try {
    const stat = await handle.stat();
    if (stat.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    size = stat.size;
  } catch (error) {
    await handle.close().catch(() => undefined);
    throw fileError(error, path);
  }
  const stream = handle.createReadStream({ highWaterMark: CHUNK_BYTES });
  return openByteInput(stream[Symbol.asyncIterator](), { path, totalBytes: size });
}

/**
 * Wraps an iterator of byte chunks (Buffer, Uint8Array or string) as a ByteInput: counts bytes,
 * gunzips when the input starts with the gzip magic bytes, and reads the head.
 *
 * @param chunks the raw chunks; `first` (if given) was already taken from it
 */
export async function openByteInput(
  chunks: AsyncIterator<unknown>,
  meta: { path: string | null; totalBytes: number | null; first?: unknown },
): Promise<ByteInput> {
  let read = 0;
  const where = meta.path ?? 'the input stream';
  const raw = rawBytes(chunks, meta.first, where, (n) => (read += n));
  const peeked = await raw.next();
  const first = peeked.done === true ? undefined : peeked.value;
  const gzip = first !== undefined && first.length >= 2 && first[0] === 0x1f && first[1] === 0x8b;
  const body: AsyncGenerator<Uint8Array> = gzip ? gunzip(prepend(first, raw), where) : prepend(first, raw);

  const parts: Uint8Array[] = [];
  let size = 0;
  let ended = false;
  try {
    while (size < HEAD_BYTES) {
      const next = await body.next();
      if (next.done === true) {
        ended = true;
        break;
      }
      parts.push(next.value);
      size += next.value.length;
    }
  } catch (error) {
    await body.return(undefined).catch(() => undefined);
    throw error;
  }
  return {
    path: meta.path,
    totalBytes: meta.totalBytes,
    compression: gzip ? 'gzip' : null,
    head: parts.length === 1 && parts[0] !== undefined ? parts[0] : Buffer.concat(parts),
    ended,
    rest: body,
    bytesRead: () => read,
    close: async () => {
      await body.return(undefined).catch(() => undefined);
    },
  };
}

async function* rawBytes(
  chunks: AsyncIterator<unknown>,
  first: unknown,
  where: string,
  count: (n: number) => void,
): AsyncGenerator<Uint8Array> {
  let done = false;
  try {
    if (first !== undefined) {
      const bytes = toBytes(first, where);
      count(bytes.length);
      yield bytes;
    }
    for (;;) {
      let next: IteratorResult<unknown>;
      try {
        next = await chunks.next();
      } catch (error) {
        throw readError(error, where);
      }
      if (next.done === true) break;
      const bytes = toBytes(next.value, where);
      if (bytes.length === 0) continue;
      count(bytes.length);
      yield bytes;
    }
    done = true;
  } finally {
    // Stopped early (or failed): let the source release its file or socket.
    if (!done) {
      try {
        await chunks.return?.(undefined);
      } catch {
        // the source failed while closing; nothing more to read from it anyway
      }
    }
  }
}

async function* prepend(first: Uint8Array | undefined, rest: AsyncGenerator<Uint8Array>): AsyncGenerator<Uint8Array> {
  try {
    if (first !== undefined) yield first;
    yield* rest;
  } finally {
    await rest.return(undefined);
  }
}

async function* gunzip(compressed: AsyncGenerator<Uint8Array>, where: string): AsyncGenerator<Uint8Array> {
  const unzip = createGunzip({ chunkSize: CHUNK_BYTES });
  pipeline(Readable.from(compressed, { objectMode: false }), unzip, () => undefined);
  try {
    for await (const chunk of unzip as AsyncIterable<Buffer>) yield chunk;
  } catch (error) {
    if (isStitchscanError(error)) throw error;
    throw new StitchscanError('E_INVALID_GZIP', `Invalid gzip data in ${where}: ${messageOf(error)}`, {
      cause: error,
    });
  }
}

function toBytes(chunk: unknown, where: string): Uint8Array {
  if (chunk instanceof Uint8Array) return chunk;
  if (typeof chunk === 'string') return Buffer.from(chunk, 'utf8');
  throw new StitchscanError(
    'E_INVALID_OPTION',
    `Invalid input: ${where} must yield bytes or strings, got ${chunk === null ? 'null' : typeof chunk}`,
  );
}

function fileError(error: unknown, path: string): StitchscanError {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    return new StitchscanError('E_FILE_NOT_FOUND', `File not found: ${path}`, { cause: error, details: { path } });
  }
  return new StitchscanError('E_FILE_UNREADABLE', `Cannot read ${path}: ${describeFsCode(code, error)}`, {
    cause: error,
    details: { path },
  });
}

function readError(error: unknown, where: string): StitchscanError {
  if (isStitchscanError(error)) return error;
  return new StitchscanError('E_FILE_UNREADABLE', `Reading ${where} failed: ${messageOf(error)}`, { cause: error });
}

function describeFsCode(code: unknown, error: unknown): string {
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return messageOf(error);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
