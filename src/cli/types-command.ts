import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { datasetName, profileDataset, rowSchemaOf, rowTypesOf, StitchscanError } from '../index';
import { EXIT, type ExitCode } from './exit-codes';
import type { Io } from './main';
import { createProgress } from './progress';
import type { TypesCommand } from './scan-args';
import { readablePath } from './write-reports';

/** A file name from a dataset name: letters, digits, `-` and `_` only. */
const fileStem = (name: string): string => {
  const stem = name.replace(/[^\w-]+/g, '_');
  let start = 0;
  let end = stem.length;
  while (stem[start] === '_') start++;
  while (end > start && stem[end - 1] === '_') end--;
  return stem.slice(start, end) || 'dataset';
};

/** `stitchscan types <files...> --out <dir>`: per dataset, `<name>.schema.json` and `<name>.ts`. */
export async function runTypes(command: TypesCommand, io: Io): Promise<ExitCode> {
  // Two datasets writing one pair of files: the second would silently replace the first. types
  // takes no --name, so each profile is named datasetName(file): checked here, before anything is
  // profiled or written.
  const stems = new Set<string>();
  for (const file of command.files) {
    const dataset = datasetName(file);
    const stem = fileStem(dataset);
    if (stems.has(stem)) throw new StitchscanError('E_DUPLICATE_DATASET', `Two datasets would write ${stem}.schema.json and ${stem}.ts`, { details: { dataset } });
    stems.add(stem);
  }
  const dir = resolve(command.out);
  mkdirSync(dir, { recursive: true });
  for (const file of command.files) {
    const progress = createProgress(io.stderr, !command.quiet);
    let profile;
    try {
      profile = await profileDataset(file, { ...command.options, onProgress: (e) => progress.update(e) });
    } finally {
      progress.stop();
    }
    const stem = fileStem(profile.name);
    const schemaPath = join(dir, `${stem}.schema.json`);
    const typesPath = join(dir, `${stem}.ts`);
    writeFileSync(schemaPath, `${JSON.stringify(rowSchemaOf(profile), null, 2)}\n`);
    writeFileSync(typesPath, await rowTypesOf(profile));
    if (!command.quiet) io.stdout.write(`wrote ${readablePath(schemaPath)}\nwrote ${readablePath(typesPath)}\n`);
  }
  return EXIT.OK;
}
