import type { ColumnSchema } from './_column';
import type { JsonSchemaNode } from './_json-schema';

/** A column's schema with its path in the row. */
export interface PlacedColumn extends ColumnSchema {
  path: string;
}

/** Properties and required names of one object. */
export interface ObjectParts {
  properties: Record<string, JsonSchemaNode>;
  required: string[];
}

interface TreeNode {
  leaf: PlacedColumn | null;
  /** keyed by field name; a Map, so `__proto__` and `constructor` are plain keys */
  children: Map<string, TreeNode>;
}

/**
 * Sets an own, enumerable data property, so that a key such as `__proto__` is an ordinary
 * property rather than the prototype setter.
 */
function setOwn<T>(target: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** One property per column, named as in the source (CSV: `customer.email` stays one name). */
export function flatColumns(columns: readonly PlacedColumn[]): ObjectParts {
  const properties: Record<string, JsonSchemaNode> = {};
  const required: string[] = [];
  for (const column of columns) {
    setOwn(properties, column.path, annotated(column.schema, column));
    if (column.required) required.push(column.path);
  }
  return { properties, required };
}

/**
 * Rebuilds nested objects from dot-path columns (JSON): `context.page.url` becomes
 * `context: { page: { url } }`. An object is required when one of its fields is. A path that is
 * both a value and an object in different rows (`a` and `a.b`) becomes a union of the two. An
 * object whose every field holds arrays may be an object of arrays or an array of objects (the
 * flattened profile cannot tell `{a: {b: [1, 2]}}` from `{a: [{b: 1}, {b: 2}]}`): it becomes
 * a union of both readings. A key that itself contains a dot (`{"a.b": 1}`) is read as nesting.
 */
export function nestColumns(columns: readonly PlacedColumn[]): ObjectParts {
  const root: TreeNode = { leaf: null, children: new Map() };
  for (const column of columns) {
    let node = root;
    for (const key of column.path.split('.')) {
      let child = node.children.get(key);
      if (child === undefined) {
        child = { leaf: null, children: new Map() };
        node.children.set(key, child);
      }
      node = child;
    }
    node.leaf = column;
  }
  return objectParts(root);
}

function objectParts(node: TreeNode): ObjectParts {
  const properties: Record<string, JsonSchemaNode> = {};
  const required: string[] = [];
  for (const [key, child] of node.children) {
    const placed = placeNode(child);
    setOwn(properties, key, placed.schema);
    if (placed.required) required.push(key);
  }
  return { properties, required };
}

function placeNode(node: TreeNode): { schema: JsonSchemaNode; required: boolean } {
  const leaf = node.leaf;
  if (node.children.size === 0) {
    // Every node is a column or has children: a leaf is always set here.
    return { schema: annotated(leaf!.schema, leaf!), required: leaf!.required };
  }
  const parts = objectParts(node);
  const object = objectSchema(parts);
  const group: JsonSchemaNode = allArrays(node) ? { anyOf: [object, { type: 'array', items: itemObject(node) }] } : object;
  const groupRequired = parts.required.length > 0;
  if (leaf === null) return { schema: group, required: groupRequired };
  // `a` holds only nulls where it is not an object: a nullable object.
  if (leaf.schema.type === 'null' && group === object) {
    return { schema: annotated({ ...object, type: ['object', 'null'] }, leaf), required: groupRequired || leaf.required };
  }
  return { schema: annotated({ anyOf: [{ ...leaf.schema }, group] }, leaf), required: groupRequired || leaf.required };
}

function objectSchema(parts: ObjectParts): JsonSchemaNode {
  const schema: JsonSchemaNode = { type: 'object', properties: parts.properties };
  if (parts.required.length > 0) schema.required = parts.required;
  schema.additionalProperties = false;
  return schema;
}

/** Whether every column under a node holds arrays only (and the node itself is no column). */
function allArrays(node: TreeNode): boolean {
  for (const child of node.children.values()) {
    if (child.leaf !== null && !child.leaf.arrayOnly) return false;
    // allArrays is false for a child that is itself a column
    if (child.children.size > 0 && !allArrays(child)) return false;
  }
  return node.leaf === null;
}

/** The array-of-objects reading: each object holds one item of every array column below. */
function itemObject(node: TreeNode): JsonSchemaNode {
  const properties: Record<string, JsonSchemaNode> = {};
  for (const [key, child] of node.children) {
    setOwn(properties, key, child.children.size > 0 ? itemObject(child) : annotated(child.leaf!.item, child.leaf!));
  }
  return { type: 'object', properties, additionalProperties: false };
}

function annotated(schema: JsonSchemaNode, column: ColumnSchema): JsonSchemaNode {
  return { ...schema, description: column.description, 'x-stitchscan': { ...column.facts } };
}
