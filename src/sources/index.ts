// sources/: the only stage that touches the file system (DESIGN.md).
export { openSource } from './open';
export { readCsv } from './csv';
export { readNdjson } from './ndjson';
export { readJson } from './json';
export { fromRows } from './memory';
export { readRecords } from './records';
export { flattenRecord } from './flatten';
export { detectFormat, formatFromPath, datasetName } from './detect';
export { detectEncoding } from './decode';

export type { OpenSourceOptions, SourceInput } from './_options';
export type { FromRowsOptions } from './memory';
export type { TextFormat } from './detect';
export type { EncodingGuess } from './decode';
