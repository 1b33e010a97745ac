import { TOOL_VERSION } from '../index';

export const MAIN_HELP = `stitchscan ${TOOL_VERSION}: how ready are your customer datasets for a single customer view?

Usage
  stitchscan scan <file> <file>... [options]
  stitchscan scan --config stitchscan.config.json [options]
                                         profile every dataset, find the joins, estimate the
                                         unified customers, score readiness, list the fixes
  stitchscan schema                      print the JSON Schema of report.json
  stitchscan types <file>... --out <dir> write each dataset's row JSON Schema and TypeScript type
  stitchscan profile <file> [options]    profile one dataset (CSV, TSV, NDJSON, JSON; .gz ok;
                                         - reads standard input)
  stitchscan joins <file> <file>... [options]
                                         find the joins between datasets and estimate how
                                         many customers link up (dry-run stitch)
  stitchscan --help | --version

Scan options
  -c, --config <file>    stitchscan.config.json: datasets (name, path, role, read options,
                         region), hub, key hints, weights, thresholds, out, formats, failUnder
  -o, --out <dir>        write the reports there [stitchscan-report when --format is given]
  --format <list>        reports to write: html,json,md [all three when --out is given]
  --fail-under <score>   exit 1 when the overall score (0-100) is lower: a pipeline gate
  --region <CC>          country for phone numbers without a country code [US]
  --hub <dataset>        the dataset the others should reach [the one with most joins]
  --no-mask              show personal data in the reports unmasked
  --no-progress          no progress bars on stderr
  --quiet                no progress and no summary (exit code and reports only)
  --distinct-budget <n>  distinct values counted exactly per column [50000]
  --key-budget <n>       identity keys kept exactly per column, then sampled [100000]
  --link-budget <n>      combinations of keys in a row kept exactly, then sampled [200000]
  --now <time>           measure ages (freshness) against this ISO time [now]: reproducible reports

Types options
  -o, --out <dir>        directory for <dataset>.schema.json and <dataset>.ts (required)
  --region <CC>          as for scan

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
  --key-budget <n>       identity keys kept exactly per column, then sampled [100000]
  --link-budget <n>      combinations of keys in a row kept exactly, then sampled [200000]
  --quiet                no progress on stderr (joins too)
  --debug                print stack traces of internal errors

Joins options
  --json                 print { joins, graph } as JSON instead of the summary
  --region <CC>          country for phone numbers without a country code [US]
  --hub <dataset>        the dataset the others should reach [the one with most joins]
  --no-mask              show junk values and cluster values unmasked
  --distinct-budget <n>  as for profile
  --key-budget <n>       as for profile
  --link-budget <n>      as for profile

Exit codes: 0 success, 1 score below --fail-under, 2 user error (bad option, missing or
unreadable file, bad config), 3 internal error.
Docs: docs/cli.md`;
