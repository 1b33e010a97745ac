import { isStitchscanError, profileDataset, renderProfileSummary, scanReportJsonSchema, stripSketches, TOOL_VERSION } from '../index';
import { parseCommand } from './args';
import { runJoins } from './joins-command';
import { runScan } from './scan-command';
import { runTypes } from './types-command';
import { EXIT, type ExitCode } from './exit-codes';
import { MAIN_HELP } from './help';
import { createProgress } from './progress';

export interface Io {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WriteStream;
  /** read when the file is `-` */
  stdin?: NodeJS.ReadableStream;
}

/** Runs the command; returns the exit code and never calls process.exit (testable in-process). */
export async function main(argv: readonly string[], io: Io): Promise<ExitCode> {
  const debug = argv.includes('--debug');
  try {
    const command = parseCommand(argv);
    if (command.kind === 'help') {
      io.stdout.write(`${MAIN_HELP}\n`);
      return EXIT.OK;
    }
    if (command.kind === 'version') {
      io.stdout.write(`${TOOL_VERSION}\n`);
      return EXIT.OK;
    }
    if (command.kind === 'joins') return await runJoins(command, io);
    if (command.kind === 'scan') return await runScan(command, io);
    if (command.kind === 'types') return await runTypes(command, io);
    if (command.kind === 'schema') {
      io.stdout.write(`${JSON.stringify(scanReportJsonSchema(), null, 2)}\n`);
      return EXIT.OK;
    }
    const progress = createProgress(io.stderr, !command.quiet);
    let profile;
    try {
      const input = command.file === '-' && io.stdin !== undefined ? io.stdin : command.file;
      const name = command.options.name ?? (command.file === '-' ? 'stdin' : undefined);
      profile = await profileDataset(input, { ...command.options, ...(name === undefined ? {} : { name }), onProgress: (e) => progress.update(e) });
    } finally {
      progress.stop();
    }
    if (command.json) {
      const output = command.options.sketches === true ? profile : stripSketches(profile);
      io.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
    } else {
      io.stdout.write(`${renderProfileSummary(profile)}\n`);
    }
    return EXIT.OK;
  } catch (error) {
    if (isStitchscanError(error)) {
      io.stderr.write(`error [${error.code}]: ${error.message}\nhint: ${error.hint}\n`);
      return EXIT.USER_ERROR;
    }
    io.stderr.write(
      debug
        ? `internal error: ${(error as Error)?.stack ?? String(error)}\n`
        : `internal error: ${(error as Error)?.message ?? String(error)} (re-run with --debug for the stack)\n`,
    );
    return EXIT.INTERNAL;
  }
}
