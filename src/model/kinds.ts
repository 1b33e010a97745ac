// The kinds of values and columns, as plain constants: the zod schemas in semantic.ts and
// profile.ts are built from them, and code that runs in the profile worker imports them from
// here, so the worker does not load zod (about 10 MB resident per thread).

/** Meaning of a column, decided from its values with its name as supporting evidence. */
export const SEMANTIC_TYPES = [
  'email',
  'phone',
  'uuid',
  'hashed',
  'ga_client_id',
  'ip',
  'url',
  'postal_code',
  'country',
  'first_name',
  'last_name',
  'full_name',
  'handle',
  'identifier',
] as const;
export type SemanticType = (typeof SEMANTIC_TYPES)[number];

/** Semantic types that identify a person or a device, and so can link records across datasets. */
export const IDENTITY_TYPES = [
  'email',
  'phone',
  'uuid',
  'hashed',
  'ga_client_id',
  'handle',
  'identifier',
] as const satisfies readonly SemanticType[];

/** Semantic types whose raw values are personal data and are masked in reports by default. */
export const PERSONAL_TYPES = [
  'email',
  'phone',
  'ip',
  'first_name',
  'last_name',
  'full_name',
  'handle',
  'postal_code',
] as const satisfies readonly SemanticType[];

/** Physical type of one value, decided by its text alone. */
export const VALUE_TYPES = [
  'boolean',
  'integer',
  'decimal',
  'date',
  'datetime',
  /** digits that must stay text: leading zeros, or more digits than a double holds exactly */
  'code',
  'string',
] as const;
export type ValueType = (typeof VALUE_TYPES)[number];
