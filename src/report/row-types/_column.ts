import type { ColumnProfile, ValueType } from '../../model/profile';
import { describeColumn, coveringPatterns } from './_describe';
import { enumOf } from './_enum';
import { formatOf } from './_format';
import type { ColumnFacts, JsonSchemaNode, JsonSchemaType } from './_json-schema';
import { jsonValueTypes, patternOf } from './_value-types';

export interface ColumnContext {
  /** CSV: cells are text, whatever they hold */
  textual: boolean;
  rowCount: number;
}

/** One column's schema, before it is placed in the (possibly nested) row object. */
export interface ColumnSchema {
  /** the property's schema, without description and facts */
  schema: JsonSchemaNode;
  /** the schema of one scalar value (the items of an array) */
  item: JsonSchemaNode;
  description: string;
  facts: ColumnFacts;
  /** a usable value in every row (completeness 1, never missing) */
  required: boolean;
  /** every row that has the field holds an array (an array of objects, perhaps) */
  arrayOnly: boolean;
}

/**
 * The schema of one column: its JSON type(s) (`string` for CSV cells), `format`, `pattern` or
 * `enum` for columns of strings, `null` where JSON nulls occur, and `array` for multi-valued
 * columns (a union with the scalar when some rows hold a single value).
 */
export function columnSchemaOf(column: ColumnProfile, context: ColumnContext): ColumnSchema {
  const types: JsonSchemaType[] = context.textual ? ['string'] : jsonValueTypes(column);
  const strings = types.length === 1 && types[0] === 'string';
  const format = strings ? formatOf(column) : null;
  const values = strings ? enumOf(column) : null;
  const pattern = strings && format === null && values === null ? patternOf(column) : null;
  const nullable = column.nulls.jsonNull > 0;

  const item: JsonSchemaNode = {};
  if (types.length > 0) item.type = types.length === 1 ? types[0] : types;
  if (format !== null) item.format = format;
  if (pattern !== null) item.pattern = pattern;
  if (values !== null) item.enum = values;

  const multi = column.multiValued;
  let schema: JsonSchemaNode;
  let arrayOnly = false;
  if (multi === null) {
    schema = withNull(item, nullable);
  } else {
    // Rows holding one value rather than an array: present, not null, not an array.
    const scalarRows = context.rowCount - column.nulls.missing - column.nulls.jsonNull - multi.rows;
    if (scalarRows > 0) {
      schema = { anyOf: [withNull(item, nullable), { type: 'array', items: item }] };
    } else {
      arrayOnly = !nullable;
      schema = { type: nullable ? ['array', 'null'] : 'array', items: item };
    }
  }
  return {
    schema,
    item,
    description: describeColumn(column, { textual: context.textual, rowCount: context.rowCount, format, enumerated: values !== null }),
    facts: factsOf(column),
    required: column.completeness === 1 && column.nulls.missing === 0,
    arrayOnly,
  };
}

/** The scalar schema, also accepting JSON null when the column holds nulls. */
function withNull(item: JsonSchemaNode, nullable: boolean): JsonSchemaNode {
  if (!nullable) return { ...item };
  if (item.type === undefined) return item.enum === undefined ? { type: 'null' } : { ...item, enum: [...item.enum, null] };
  const types = Array.isArray(item.type) ? item.type : [item.type];
  const out: JsonSchemaNode = { ...item, type: [...types, 'null'] };
  if (item.enum !== undefined) out.enum = [...item.enum, null];
  return out;
}

function factsOf(column: ColumnProfile): ColumnFacts {
  const valueTypes: Partial<Record<ValueType, number>> = {};
  for (const [type, count] of Object.entries(column.typeCounts) as [ValueType, number][]) if (count > 0) valueTypes[type] = count;
  const facts: ColumnFacts = {
    column: column.name,
    inferredType: column.inferredType,
    semanticType: column.semanticType,
    nullCount: column.nullCount,
    distinctCount: column.distinctCount,
    distinctExact: column.distinctExact,
    valueTypes,
    flags: [...column.flags],
  };
  if (column.dateFormats.length > 0) facts.dateFormats = column.dateFormats.map((f) => f.format);
  const patterns = coveringPatterns(column);
  if (patterns !== null) facts.patterns = patterns;
  if (column.multiValued !== null) facts.multiValued = { ...column.multiValued };
  return facts;
}
