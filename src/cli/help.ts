import { TOOL_VERSION } from '../index';

export const MAIN_HELP = `stitchscan ${TOOL_VERSION}: profile customer datasets and find the keys that join them

Usage
  stitchscan profile <file> [options]    profile one dataset (CSV, TSV, NDJSON, JSON; .gz ok;
                                         - reads standard input)
  stitchscan --help | --version

Profile options
  --json                 print the profile as JSON on stdout instead of the summary table
  --with-sketches        keep the mergeable sketch state in the JSON (for mergeProfiles)
  --region <CC>          country for phone numbers without a country code [US]
  --no-mask              show personal data (emails, phones, names) unmasked
  --format <f>           csv | ndjson | json [detected]
  --delimiter <c>        CSV delimiter [sniffed among , ; tab |]
  --encoding <e>         utf-8 | utf-16le | utf-16be | windows-1252 [detected]
  --name <name>          dataset name [file name]
  --distinct-budget <n>  distinct values counted exactly per column [50000]
  --quiet                no progress on stderr
  --debug                print stack traces of internal errors

Exit codes: 0 success, 2 user error (bad option, missing or unreadable file), 3 internal error.
Docs: docs/cli.md`;
