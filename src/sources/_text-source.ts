import type { Cell, Source, SourceInfo } from '../model/source';
import type { ByteInput } from './_input';
import type { IssueCollector } from './_issues';
import type { TextChunkDecoder } from './decode';
import { heldRows } from './_held-rows';
import { onceOnly } from './_once';

/** A format's parser: text (or, if it takes them, valid UTF-8 bytes) in, rows out, synchronously per chunk. */
export interface RowParser {
  /** True once the columns are known (CSV header read, JSON records array found). */
  readonly ready: boolean;
  /** Parses one chunk of decoded text; returns the rows completed by it. */
  push(text: string): Cell[][];
  /** Whether it can parse this chunk as bytes, undecoded (a parser that reads bytes says so). */
  takesBytes?(bytes: Uint8Array): boolean;
  /** Parses one chunk of valid UTF-8 bytes that it takes (see TextChunkDecoder.passesThrough). */
  pushBytes?(bytes: Uint8Array): Cell[][];
  /** Ends the input; returns the last rows. */
  end(): Promise<Cell[][]>;
}

export interface TextSourceParts {
  name: string;
  info: SourceInfo;
  columns: string[];
  input: ByteInput;
  decoder: TextChunkDecoder;
  parser: RowParser;
  issues: IssueCollector;
  /** Text decoded from `input.head`, not yet given to the parser. */
  headText: string;
}

/**
 * Builds a Source over a decoded text input. The head is parsed now, and more chunks are read
 * until the parser is ready, so that the columns are known and structural errors (no JSON
 * records) are thrown when the source is opened; the rest is parsed as `batches()` is iterated,
 * one batch per input chunk.
 */
export async function createTextSource(parts: TextSourceParts): Promise<Source> {
  const { input, decoder, parser, info, issues } = parts;
  const pending: Cell[][][] = [];
  let finished = false;

  const finish = async (): Promise<void> => {
    pending.push(heldRows(parser.push(decoder.end())), heldRows(await parser.end()));
    finished = true;
    if (info.bytes === null) info.bytes = input.bytesRead();
  };

  try {
    pending.push(heldRows(parser.push(parts.headText)));
    if (input.ended) await finish();
    else {
      while (!parser.ready) {
        const next = await input.rest.next();
        if (next.done === true) {
          await finish();
          break;
        }
        pending.push(heldRows(parser.push(decoder.write(next.value))));
      }
    }
  } catch (error) {
    await input.close();
    throw error;
  }

  let iterated = false;
  async function* batches(): AsyncGenerator<readonly (readonly Cell[])[]> {
    try {
      for (const rows of pending.splice(0)) if (rows.length > 0) yield rows;
      if (finished) return;
      for (;;) {
        const next = await input.rest.next();
        if (next.done === true) break;
        const chunk = next.value;
        // takesBytes first: passesThrough counts the chunk's lines when it lets it through
        const rows = parser.takesBytes?.(chunk) === true && decoder.passesThrough(chunk) ? parser.pushBytes!(chunk) : parser.push(decoder.write(chunk));
        if (rows.length > 0) yield rows;
      }
      await finish();
      for (const rows of pending.splice(0)) if (rows.length > 0) yield rows;
    } finally {
      await input.close();
    }
  }

  return {
    name: parts.name,
    info,
    columns: parts.columns,
    totalBytes: input.totalBytes,
    bytesRead: () => input.bytesRead(),
    batches: () => {
      if (iterated) throw onceOnly();
      iterated = true;
      return batches();
    },
    issues: () => issues.list(),
  };
}
