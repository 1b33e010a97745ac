// stitchscan public API. Every export is listed by name: internal helpers never become API by accident.

// profile
export { profileDataset, stripSketches } from './profile/dataset';
export { mergeProfiles } from './profile/merge';
export { ProfileOptionsSchema, DEFAULT_DISTINCT_BUDGET, DEFAULT_REGION } from './profile/options';

// sources
export { openSource, readCsv, readNdjson, readJson, fromRows, readRecords, datasetName } from './sources';

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

// scan, score and findings
export { scan } from './scan';
export { ScanOptionsSchema, DatasetOptionsSchema } from './scan-options';
export { assessReadiness } from './score/readiness';
export { DEFAULT_WEIGHTS, DEFAULT_THRESHOLDS, ScoreOptionsSchema } from './score/options';
export { FINDING_CODES } from './score/findings/codes';
export { KeyHintsSchema } from './keys/key-hints';
export {
  ScanReportSchema,
  ScoreSchema,
  FindingSchema,
  DimensionSchema,
  DatasetRoleSchema,
  SCAN_REPORT_SCHEMA_VERSION,
} from './model';
export { scanReportJsonSchema } from './model/json-schema';
export type { ScanInput, ScanOptions } from './scan-options';
export type { ScoreOptions } from './score/options';
export type { FindingCode } from './score/findings/codes';
export type { KeyHints } from './keys/key-hints';
export type { ScanReport, Score, Finding, Dimension, DimensionScore, DatasetScore, Grade, Severity, DatasetRole, ScoreWeights, ScoreThresholds } from './model';

// reports
export { renderJson } from './report/json';
export { renderHtml } from './report/html';
export type { RenderHtmlOptions } from './report/html';
export { renderMarkdown } from './report/markdown';
export { renderTerminalSummary } from './report/terminal';
export type { TerminalSummaryOptions } from './report/terminal';
export { shouldUseColour } from './report/colour';
export { rowSchemaOf } from './report/row-schema';
export type { JsonSchemaObject, RowSchemaOptions } from './report/row-schema';
export { rowTypesOf } from './report/row-types';
export type { RowTypesOptions } from './report/row-types';
export { configToScan, ScanConfigSchema, REPORT_FORMATS } from './config';
export type { ScanConfig, ConfiguredScan, ReportFormat } from './config';
