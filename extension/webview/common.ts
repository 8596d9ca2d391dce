// Helpers shared by the webview scripts: the typed VS Code API, building DOM from data with
// textContent only (every string that reaches a webview comes from someone's YAML), and the
// theme. No innerHTML anywhere in the webviews.

interface RawVsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): RawVsCodeApi;

export interface VsCodeApi<State, Out> {
  post(message: Out): void;
  getState(): State | undefined;
  setState(state: State): void;
}

export function vscodeApi<State, Out>(): VsCodeApi<State, Out> {
  const api = acquireVsCodeApi();
  return {
    post: (m) => api.postMessage(m),
    getState: () => (api.getState() as State | undefined) ?? undefined,
    setState: (s) => api.setState(s),
  };
}

type Child = Node | string | number | null | undefined | false;

/** An HTML element with attributes (never `style`, never event handler attributes) and children as text. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string | number | boolean | undefined> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    el.setAttribute(name, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

export const SVG_NS = 'http://www.w3.org/2000/svg';

/** An SVG element with attributes and text children. */
export function s<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number | undefined> = {}, ...children: Child[]): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attrs)) if (value !== undefined) el.setAttribute(name, String(value));
  append(el, children);
  return el;
}

function append(el: Element, children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
}

/** The nonce of the script tag that loaded us: Mermaid's <style> elements need it under the CSP. */
export function scriptNonce(): string {
  const script = (document.currentScript as HTMLScriptElement | null) ?? document.querySelector<HTMLScriptElement>('script[nonce]');
  return script?.nonce || script?.getAttribute('nonce') || '';
}

export function isDarkTheme(): boolean {
  const c = document.body.classList;
  return c.contains('vscode-dark') || (c.contains('vscode-high-contrast') && !c.contains('vscode-high-contrast-light'));
}

/** Calls back when VS Code switches the color theme (it changes the body's classes). */
export function onThemeChange(callback: () => void): void {
  let dark = isDarkTheme();
  new MutationObserver(() => {
    const now = isDarkTheme();
    if (now !== dark) {
      dark = now;
      callback();
    }
  }).observe(document.body, { attributes: true, attributeFilter: ['class'] });
}

/**
 * Counts Content Security Policy violations on `body[data-csp-violations]` and in the console:
 * the end-to-end tests check that there are none.
 */
export function watchCspViolations(): void {
  let count = 0;
  document.addEventListener('securitypolicyviolation', (e) => {
    count++;
    document.body.dataset.cspViolations = String(count);
    console.warn(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
  });
}
