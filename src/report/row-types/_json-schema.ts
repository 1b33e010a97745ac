import type { Format } from '../../model/source';
import type { InferredType, ValueType } from '../../model/profile';
import type { SemanticType } from '../../model/semantic';

/** The JSON Schema dialect of every row schema. */
export const JSON_SCHEMA_DIALECT = 'https://json-schema.org/draft/2020-12/schema';

/** JSON Schema instance types. */
export type JsonSchemaType = 'string' | 'number' | 'integer' | 'boolean' | 'null' | 'array' | 'object';

/** The `format` values a row schema asserts (each only where every value checked conforms). */
export type JsonSchemaFormat = 'email' | 'uuid' | 'date' | 'date-time' | 'ipv4' | 'ipv6' | 'uri';

/** A JSON scalar, as found in an `enum`. */
export type JsonScalar = string | number | boolean | null;

/** Profile facts behind one property, under the `x-stitchscan` keyword (validators ignore it). */
export type ColumnFacts = {
  /** the column in the profile: its name as in the source (a dot path for nested JSON) */
  column: string;
  inferredType: InferredType;
  semanticType: SemanticType | null;
  /** rows with no usable value (missing, null, empty, whitespace or a null token) */
  nullCount: number;
  distinctCount: number;
  distinctExact: boolean;
  /** non-zero counts of the physical value types, read from each value's text */
  valueTypes: Partial<Record<ValueType, number>>;
  /** date-fns formats of date values, most frequent first */
  dateFormats?: string[];
  /** character patterns (`A999999`) when they cover every value */
  patterns?: string[];
  multiValued?: { rows: number; maxItems: number };
  flags: string[];
};

/** Profile facts behind the whole schema, under the root `x-stitchscan` keyword. */
export type DatasetFacts = {
  dataset: string;
  format: Format;
  rowCount: number;
  profiledAt: string;
  generator: string;
};

/**
 * The subset of JSON Schema (draft 2020-12) that row schemas use. A type alias rather than an
 * interface, so that it is assignable to index-signature types such as json-schema-to-typescript's.
 */
export type JsonSchemaNode = {
  type?: JsonSchemaType | JsonSchemaType[];
  description?: string;
  format?: JsonSchemaFormat;
  pattern?: string;
  enum?: JsonScalar[];
  items?: JsonSchemaNode;
  anyOf?: JsonSchemaNode[];
  properties?: Record<string, JsonSchemaNode>;
  required?: string[];
  additionalProperties?: boolean;
  'x-stitchscan'?: ColumnFacts;
};

/** A row schema: the root object that `rowSchemaOf` returns. */
export type JsonSchemaObject = {
  $schema: typeof JSON_SCHEMA_DIALECT;
  title: string;
  description: string;
  type: 'object';
  /** own data properties, so names such as `__proto__` are ordinary keys */
  properties: Record<string, JsonSchemaNode>;
  required: string[];
  additionalProperties: false;
  'x-stitchscan': DatasetFacts;
};
