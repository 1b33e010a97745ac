/** Name of the tool, as written into every report. */
export const TOOL_NAME = 'stitchscan';
/** Version of the package; kept in step with package.json by tests/version.test.ts. */
export const TOOL_VERSION = '0.1.0';
/** Version of the profile JSON layout; bump on any breaking change to field names or meaning. */
export const PROFILE_SCHEMA_VERSION = 1;
