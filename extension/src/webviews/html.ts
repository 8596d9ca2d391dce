// The HTML shell of every TAM webview, after the webview sample: one bundled script and its
// stylesheets from the extension (asWebviewUri), a fresh nonce per load, and a Content
// Security Policy that allows nothing else — no inline script, no eval, no network.
//
// Styles: stylesheets from the extension and <style> elements carrying the nonce (Mermaid's
// own <style> gets it in the webview script). Mermaid also writes `style` attributes on nodes
// and edges (link styles, the critical path) while it lays the diagram out, and DOMPurify
// parses them again when it sanitizes; those are allowed by `style-src-attr 'unsafe-inline'`
// alone (CSP level 3). A style attribute cannot run script, Mermaid (securityLevel 'strict')
// escapes the text of the YAML, and our own DOM is built with textContent only.

import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';

export function makeNonce(): string {
  return randomBytes(18).toString('base64');
}

export interface ShellOptions {
  title: string;
  /** File name in dist/webview/. */
  script: string;
  /** File names in media/. */
  styles: string[];
}

export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return {
    enableScripts: true,
    enableCommandUris: false,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(extensionUri, 'media')],
  };
}

export function webviewHtml(webview: vscode.Webview, extensionUri: vscode.Uri, options: ShellOptions): string {
  const nonce = makeNonce();
  const script = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', options.script));
  const styles = options.styles.map((s) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', s)));
  const csp = [
    "default-src 'none'",
    `img-src ${webview.cspSource} data:`,
    `font-src ${webview.cspSource}`,
    `style-src ${webview.cspSource} 'nonce-${nonce}'`,
    `style-src-elem ${webview.cspSource} 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${styles.map((s) => `<link rel="stylesheet" href="${s}">`).join('\n')}
<title>${escapeHtml(options.title)}</title>
</head>
<body>
<main id="app" aria-live="polite"></main>
<script nonce="${nonce}" src="${script}"></script>
</body>
</html>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
