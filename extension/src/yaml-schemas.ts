// Optionally hands the TAM JSON schemas to the YAML extension (redhat.vscode-yaml), for its
// hovers, folding and outline. Off by default (`tam.schemas.registerWithYamlExtension`):
// the TAM server already validates every entity against its schema, so with the YAML
// extension validating too, each schema error would be reported twice. Nothing is contributed
// statically (`yamlValidation` in package.json cannot be switched off by a setting).
//
// The schema is chosen by the document's `kind:`, as the TAM server chooses it, never by
// the file's name; documents of other YAML files are left alone.

import * as vscode from 'vscode';

const YAML_EXTENSION = 'redhat.vscode-yaml';
const SCHEME = 'tam-schema';
const KINDS = ['workspace', 'department', 'person', 'calendar', 'sla-policy', 'project', 'chain', 'incident', 'postmortem', 'proposal'];
const KIND_LINE = /^kind:[ \t]*["']?([a-z-]+)["']?[ \t]*(#.*)?$/m;

interface YamlExtensionApi {
  registerContributor(
    schema: string,
    requestSchema: (resource: string) => string | undefined,
    requestSchemaContent: (uri: string) => Promise<string | undefined> | string | undefined,
    label?: string,
  ): boolean;
}

let registered = false;
let enabled = false;

/** Registers once the setting is on; later changes of the setting switch the contributor off and on. */
export async function registerSchemasWithYamlExtension(context: vscode.ExtensionContext, on: boolean): Promise<void> {
  enabled = on;
  if (!on || registered) return;
  const extension = vscode.extensions.getExtension<YamlExtensionApi>(YAML_EXTENSION);
  if (!extension) {
    void vscode.window.showInformationMessage('tam.schemas.registerWithYamlExtension is on, but the YAML extension (redhat.vscode-yaml) is not installed.');
    return;
  }
  const api = extension.isActive ? extension.exports : await extension.activate();
  if (!api?.registerContributor) return;
  registered = api.registerContributor(
    SCHEME,
    (resource) => {
      if (!enabled) return undefined;
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === resource);
      const kind = doc ? KIND_LINE.exec(doc.getText())?.[1] : undefined;
      return kind && KINDS.includes(kind) ? `${SCHEME}://schemas/${kind}.schema.json` : undefined;
    },
    async (uri) => {
      const name = /([a-z-]+\.schema\.json)$/.exec(vscode.Uri.parse(uri).path)?.[1];
      if (!name) return undefined;
      const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, 'dist', 'schemas', name));
      return new TextDecoder().decode(bytes);
    },
  );
}
