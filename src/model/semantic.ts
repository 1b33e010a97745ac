import { z } from 'zod';

/** Meaning of a column, decided from its values with its name as supporting evidence. */
export const SemanticTypeSchema = z.enum([
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
]);
export type SemanticType = z.infer<typeof SemanticTypeSchema>;

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

export const HashAlgorithmSchema = z.enum(['md5', 'sha1', 'sha256']);
export type HashAlgorithm = z.infer<typeof HashAlgorithmSchema>;
