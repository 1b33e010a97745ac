import type { DatasetProfile } from '../model/profile';
import type { Format } from '../model/source';
import { TOOL_NAME, TOOL_VERSION } from '../version';
import { formatCount } from './_format';
import { columnSchemaOf } from './row-types/_column';
import { JSON_SCHEMA_DIALECT, type JsonSchemaObject } from './row-types/_json-schema';
import { flatColumns, nestColumns, type PlacedColumn } from './row-types/_nest';

export type { JsonSchemaNode, JsonSchemaObject } from './row-types/_json-schema';

export interface RowSchemaOptions {
  /** The schema's `title` [the dataset name]. */
  title?: string;
}

const FORMAT_LABELS = {
  csv: 'CSV rows',
  ndjson: 'NDJSON records',
  json: 'JSON records',
  memory: 'in-memory records',
} as const satisfies Record<Format, string>;

/**
 * The JSON Schema (draft 2020-12) of a dataset's rows, inferred from its profile. Types follow
 * the source: CSV cells are strings (with a `pattern` when every value reads as a number, and a
 * description of dates and other forms), JSON values keep their JSON types (a union for mixed
 * columns, `null` added where nulls occur). Formats (`email`, `uuid`, `uri`, `ipv4`, `ipv6`,
 * `date`, `date-time`) and enums are asserted only where no profiled value contradicts them;
 * enums never list personal data. JSON dot-path columns are rebuilt into nested objects; CSV
 * names stay flat. A property is required when every row has a usable value in it. Objects
 * are closed (`additionalProperties: false`): the profile saw every field of every row.
 * Extra facts sit under `x-stitchscan`. Pure: profile in, plain JSON out.
 *
 * @param profile a dataset profile (from `profileDataset`)
 * @param options `title` [the dataset name]
 * @returns the schema, plain JSON (property names such as `__proto__` are own properties)
 * @example
 * const schema = rowSchemaOf(await profileDataset('customers.csv'));
 * schema.properties.customer_id; // { type: 'string', description: 'Identifier, 90% confidence. ...', ... }
 */
export function rowSchemaOf(profile: DatasetProfile, options: RowSchemaOptions = {}): JsonSchemaObject {
  const textual = profile.format === 'csv';
  const context = { textual, rowCount: profile.rowCount };
  const columns: PlacedColumn[] = [...profile.columns]
    .sort((a, b) => a.index - b.index)
    .map((column) => ({ path: column.name, ...columnSchemaOf(column, context) }));
  const { properties, required } = textual ? flatColumns(columns) : nestColumns(columns);
  return {
    $schema: JSON_SCHEMA_DIALECT,
    title: options.title ?? profile.name,
    description: datasetDescription(profile),
    type: 'object',
    properties,
    required,
    additionalProperties: false,
    'x-stitchscan': {
      dataset: profile.name,
      format: profile.format,
      rowCount: profile.rowCount,
      profiledAt: profile.profiledAt,
      generator: `${TOOL_NAME} ${TOOL_VERSION}`,
    },
  };
}

function datasetDescription(profile: DatasetProfile): string {
  const rows = `${formatCount(profile.rowCount)} ${FORMAT_LABELS[profile.format]}`;
  const head = `Rows of ${profile.name} (${rows}, profiled ${profile.profiledAt}), inferred by ${TOOL_NAME} from the profile.`;
  const required = 'A property is required when every row has a usable value in it; no other properties were seen.';
  if (profile.format === 'csv') {
    const renamed = profile.source.headerChanges.map((c) => `${JSON.stringify(c.original)} -> ${JSON.stringify(c.renamed)} (${c.reason})`);
    return [
      head,
      'CSV cells are text, so every property is a string; patterns, formats, enums and descriptions say how the values read.',
      required,
      ...(renamed.length === 0 ? [] : [`Header cells renamed by the reader: ${renamed.join(', ')}.`]),
    ].join(' ');
  }
  return [
    head,
    'Nested objects are rebuilt from dot-path columns.',
    'The profile reads values as text, so numbers and true/false written as JSON strings ("42", "true") are typed as JSON numbers and booleans.',
    `${required} Fields that only ever held an empty object or array are unknown to the profile.`,
  ].join(' ');
}
