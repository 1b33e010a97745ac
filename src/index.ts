// stitchscan public API. Every export is listed by name: internal helpers never become API by accident.

// profile
export { profileDataset, stripSketches } from './profile/dataset';
export { mergeProfiles } from './profile/merge';
export { ProfileOptionsSchema, DEFAULT_DISTINCT_BUDGET, DEFAULT_REGION } from './profile/options';

// sources
export { openSource, readCsv, readNdjson, readJson, fromRows, readRecords } from './sources';

// identity
export { normaliseEmail, normalisePhone, normaliseHandle, normaliseIdentifier, normaliseHash, hashAlgorithmOf } from './identity/normalize';
export { maskValue, isPersonalType } from './identity/mask';
export { semanticFromName } from './identity/column-name';

// render
export { renderProfileSummary } from './report/profile-summary';

// schemas
export {
  DatasetProfileSchema,
  ColumnProfileSchema,
  CandidateKeySchema,
  SourceInfoSchema,
  ReadIssueSchema,
  SemanticTypeSchema,
  InferredTypeSchema,
  ValueTypeSchema,
  IDENTITY_TYPES,
  PERSONAL_TYPES,
} from './model';

// errors and version
export { StitchscanError, ERROR_CODES, isStitchscanError } from './errors';
export { TOOL_NAME, TOOL_VERSION, PROFILE_SCHEMA_VERSION } from './version';

export type {
  DatasetProfile,
  ColumnProfile,
  CandidateKey,
  SourceInfo,
  ReadIssue,
  ReadIssueCode,
  SemanticType,
  InferredType,
  ValueType,
  HashAlgorithm,
  Format,
  Encoding,
  Cell,
  Scalar,
  Source,
} from './model';
export type { ProfileOptions, ProgressEvent } from './profile/options';
export type { SourceInput, OpenSourceOptions } from './sources';
export type { ErrorCode } from './errors';

// joins and the identity graph
export { findJoins, FindJoinsOptionsSchema } from './keys/find-joins';
export { findJunkIdentifiers } from './keys/junk';
export { buildIdentityGraph, BuildIdentityGraphOptionsSchema } from './graph/identity-graph';
export { JoinCandidateSchema, JunkReportSchema, IdentityGraphSchema, KeyKindSchema } from './model';
export { canonicalKey } from './identity/key-canon';
export { keyKindOf } from './identity/key-kind';
export type { FindJoinsOptions } from './keys/find-joins';
export type { BuildIdentityGraphOptions } from './graph/identity-graph';
export type { JoinCandidate, JunkReport, JunkValue, IdentifierCap, IdentityGraph, StitchEstimate, ColumnRef } from './model';
export type { KeyKind } from './identity/key-kind';
export { renderJoinsSummary } from './report/joins-summary';
