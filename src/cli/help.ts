import { TOOL_VERSION } from '../index';

export const MAIN_HELP = `stitchscan ${TOOL_VERSION}: profile customer datasets and find the keys that join them

Usage
  stitchscan profile <file> [options]    profile one dataset (CSV, TSV, NDJSON, JSON; .gz ok;
                                         - reads standard input)
  stitchscan joins <file> <file>... [options]
                                         find the joins between datasets and estimate how
                                         many customers link up (dry-run stitch)
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
  --quiet                no progress on stderr (joins too)
  --debug                print stack traces of internal errors

Joins options
  --json                 print { joins, graph } as JSON instead of the summary
  --region <CC>          country for phone numbers without a country code [US]
  --hub <dataset>        the dataset the others should reach [the one with most joins]
  --no-mask              show junk values and cluster values unmasked
  --distinct-budget <n>  as for profile

Exit codes: 0 success, 2 user error (bad option, missing or unreadable file), 3 internal error.
Docs: docs/cli.md`;
