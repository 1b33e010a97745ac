import { Writable } from 'node:stream';
import type { Io } from '../../src/cli/main';

export interface FakeIo {
  io: Io;
  out: () => string;
  err: () => string;
}

/**
 * In-memory stdout and stderr for `main(argv, io)`; stderr claims to be a terminal when `tty` is
 * set (to exercise the progress bar).
 */
export function fakeIo({ tty = false } = {}): FakeIo {
  const sink = (chunks: string[]): Writable =>
    new Writable({
      write(chunk: Buffer | string, _encoding, callback) {
        chunks.push(chunk.toString());
        callback();
      },
    });
  const out: string[] = [];
  const err: string[] = [];
  const stderr = Object.assign(sink(err), { isTTY: tty, columns: 120, rows: 40 });
  // cli-progress moves the cursor through readline helpers, which call these on a real tty.WriteStream.
  const ttyMethods = {
    cursorTo: (_x: number, _y?: number | (() => void), cb?: () => void) => (cb?.(), true),
    moveCursor: (_dx: number, _dy: number, cb?: () => void) => (cb?.(), true),
    clearLine: (_dir: number, cb?: () => void) => (cb?.(), true),
    clearScreenDown: (cb?: () => void) => (cb?.(), true),
    getWindowSize: () => [120, 40],
  };
  if (tty) Object.assign(stderr, ttyMethods);
  return {
    io: { stdout: sink(out), stderr: stderr as unknown as NodeJS.WriteStream },
    out: () => out.join(''),
    err: () => err.join(''),
  };
}
