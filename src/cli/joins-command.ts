import { buildIdentityGraph, findJoins, findJunkIdentifiers, profileDataset, renderJoinsSummary, type DatasetProfile } from '../index';
import type { Command } from './args';
import { EXIT, type ExitCode } from './exit-codes';
import type { Io } from './main';
import { createProgress } from './progress';

type JoinsCommand = Extract<Command, { kind: 'joins' }>;

/** `stitchscan joins <files...>`: profile each file, find the joins, stitch, print. */
export async function runJoins(command: JoinsCommand, io: Io): Promise<ExitCode> {
  const profiles: DatasetProfile[] = [];
  const progress = createProgress(io.stderr, !command.quiet);
  try {
    for (const file of command.files) profiles.push(await profileDataset(file, { ...command.options, onProgress: (e) => progress.update(e) }));
  } finally {
    progress.stop();
  }
  const junk = findJunkIdentifiers(profiles);
  const joins = findJoins(profiles, { junk });
  const graph = buildIdentityGraph(profiles, joins, { junk, ...(command.hub === undefined ? {} : { hub: command.hub }) });
  io.stdout.write(command.json ? `${JSON.stringify({ joins, graph }, null, 2)}\n` : `${renderJoinsSummary(joins, graph)}\n`);
  return EXIT.OK;
}
