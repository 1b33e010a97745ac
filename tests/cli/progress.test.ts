import { describe, expect, it } from 'vitest';
import { createMultiProgress, createProgress } from '../../src/cli/progress';
import { fakeIo } from '../helpers/fake-io';

function fakeStderr(tty: boolean): { stream: NodeJS.WriteStream; text: () => string } {
  const { io, err } = fakeIo({ tty });
  return { stream: io.stderr, text: err };
}

describe('createProgress', () => {
  it('draws bytes read of total and rows per second on a terminal', () => {
    const { stream, text } = fakeStderr(true);
    const progress = createProgress(stream, true);
    progress.update({ dataset: 'customers', rows: 1000, bytesRead: 512 * 1024, totalBytes: 2 * 1024 * 1024 });
    progress.update({ dataset: 'customers', rows: 4000, bytesRead: 2 * 1024 * 1024, totalBytes: 2 * 1024 * 1024 });
    progress.stop();
    expect(text()).toMatch(/customers .*\| 0\.5\/2\.0 MB \| 1,000 rows \| [\d,]+ rows\/s/);
  });

  it('stays silent when stderr is not a terminal or progress is off', () => {
    for (const [tty, enabled] of [[false, true], [true, false]] as const) {
      const { stream, text } = fakeStderr(tty);
      const progress = createProgress(stream, enabled);
      progress.update({ dataset: 'x', rows: 1, bytesRead: 1, totalBytes: 2 });
      progress.stop();
      expect(text()).toBe('');
    }
  });
});

describe('createMultiProgress', () => {
  it('draws one bar per dataset of a scan on a terminal', () => {
    const { stream, text } = fakeStderr(true);
    const progress = createMultiProgress(stream, true);
    progress.update({ dataset: 'customers', rows: 1000, bytesRead: 100, totalBytes: 400, index: 0, of: 2 });
    progress.update({ dataset: 'events', rows: 2000, bytesRead: 300, totalBytes: 300, index: 1, of: 2 });
    progress.update({ dataset: 'customers', rows: 4000, bytesRead: 400, totalBytes: 400, index: 0, of: 2 });
    progress.stop();
    expect(text()).toMatch(/customers +\[[^\]]*\] 100% \| 4,000 rows/);
    expect(text()).toMatch(/events +\[[^\]]*\] 100% \| 2,000 rows/);
  });

  it('stays silent with --no-progress or without a terminal', () => {
    for (const [tty, enabled] of [[false, true], [true, false]] as const) {
      const { stream, text } = fakeStderr(tty);
      const progress = createMultiProgress(stream, enabled);
      progress.update({ dataset: 'x', rows: 1, bytesRead: 1, totalBytes: 2, index: 0, of: 1 });
      progress.stop();
      expect(text()).toBe('');
    }
  });
});
