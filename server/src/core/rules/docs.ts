// Where each rule is explained: docs/rules/<id>.md in the repository. The CLI's SARIF output
// and the language server's codeDescription link there.

import pkg from '../../../../package.json';

const REPOSITORY = pkg.repository.url.replace(/\.git$/, '');

export function ruleDocUrl(ruleId: string): string {
  return ruleId ? `${REPOSITORY}/blob/main/docs/rules/${ruleId}.md` : REPOSITORY;
}
