import { z } from 'zod';
import { IDENTITY_TYPES, PERSONAL_TYPES, SEMANTIC_TYPES, type SemanticType } from './kinds';

export { IDENTITY_TYPES, PERSONAL_TYPES, type SemanticType };

/** Meaning of a column, decided from its values with its name as supporting evidence. */
export const SemanticTypeSchema = z.enum(SEMANTIC_TYPES);

export const HashAlgorithmSchema = z.enum(['md5', 'sha1', 'sha256']);
export type HashAlgorithm = z.infer<typeof HashAlgorithmSchema>;
