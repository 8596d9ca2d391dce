// `tam validate --format sarif`: SARIF 2.1.0 with the rules' metadata, as GitHub code
// scanning accepts it. URIs are relative to the folder CI runs in (the repository root).
// Messages are shown to people by SARIF viewers, so they go through sarifText (core/text/shown);
// the fingerprint is taken from the message as the rule wrote it.

import type { Diagnostic } from '../diagnostic';
import { sarifText } from '../text/shown';
import type { Rule } from '../rules/rule';

export interface SarifOptions {
  version: string;
  rules: readonly Rule[];
  /** Path of a diagnostic's file relative to the repository root, with forward slashes. */
  uriOf: (file: string) => string;
  helpUri: (ruleId: string) => string;
}

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

export function diagnosticsSarif(diagnostics: readonly Diagnostic[], options: SarifOptions): object {
  const index = new Map(options.rules.map((r, i) => [r.id, i]));
  const region = (range: Diagnostic['range']) => ({
    startLine: range.start.line + 1,
    startColumn: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  });
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'tam',
            fullName: 'TAM Workbench',
            version: options.version,
            semanticVersion: options.version,
            informationUri: options.helpUri(''),
            rules: options.rules.map((r) => ({
              id: r.id,
              name: r.id.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase()),
              shortDescription: { text: r.description },
              fullDescription: { text: r.description },
              helpUri: options.helpUri(r.id),
              help: { text: `${r.description} See ${options.helpUri(r.id)}` },
              defaultConfiguration: { level: LEVEL[r.defaultSeverity] },
              properties: { tags: ['tam'] },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: diagnostics.map((d) => ({
          ruleId: d.code,
          ruleIndex: index.get(d.code) ?? -1,
          level: LEVEL[d.severity],
          message: { text: sarifText(d.message) },
          locations: [{ physicalLocation: { artifactLocation: { uri: options.uriOf(d.file) }, region: region(d.range) } }],
          ...(d.related?.length
            ? {
                relatedLocations: d.related.map((r, i) => ({
                  id: i + 1,
                  message: { text: sarifText(r.message) },
                  physicalLocation: { artifactLocation: { uri: options.uriOf(r.file) }, region: region(r.range) },
                })),
              }
            : {}),
          partialFingerprints: { 'tamDiagnostic/v1': fingerprint(`${d.file}|${d.code}|${d.message}`) },
        })),
      },
    ],
  };
}

/** A stable short hash (FNV-1a) so code scanning can follow a result across commits. */
function fingerprint(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}
