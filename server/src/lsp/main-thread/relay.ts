// What the analysis thread says, passed on to the editor: diagnostics, log lines, the
// `tam/indexed` notification, and the progress of reading a root, shown as work-done progress
// when the editor can show it (one progress per root, from its begin to its end). What shows
// that the index changed also asks the editor for fresh inlay hints and code lenses.

import type { Connection, WorkDoneProgressServerReporter } from 'vscode-languageserver/node';
import { INDEXED_NOTIFICATION, type FromWorker } from '../protocol';
import type { ViewRefresh } from './refresh';
import type { Session } from './session';

type ProgressMessage = Extract<FromWorker, { type: 'progress' }>;

/** A handler for the analysis thread's messages (other than responses). */
export function relayToEditor(connection: Connection, session: Session, refresh?: ViewRefresh): (m: FromWorker) => void {
  const progress = new Map<string, Promise<WorkDoneProgressServerReporter | undefined>>();

  const reportProgress = (m: ProgressMessage): void => {
    if (m.kind === 'begin') session.indexing.add(m.root);
    if (m.kind === 'end') session.indexing.delete(m.root);
    if (!session.capabilities.window?.workDoneProgress) return;
    if (m.kind === 'begin') {
      const created = connection.window.createWorkDoneProgress().then(
        (reporter) => {
          reporter.begin('Indexing TAM workspace', 0, m.message, false);
          return reporter;
        },
        () => undefined,
      );
      progress.set(m.root, created);
      return;
    }
    const reporter = progress.get(m.root);
    if (!reporter) return;
    void reporter.then((r) => {
      if (!r) return;
      if (m.kind === 'report') r.report(m.percentage ?? 0, m.message ?? '');
      else {
        r.done();
        progress.delete(m.root);
      }
    });
  };

  return (m) => {
    switch (m.type) {
      case 'diagnostics':
        void connection.sendDiagnostics({ uri: m.uri, version: m.version, diagnostics: m.diagnostics });
        refresh?.soon(); // a file was checked: the index changed
        break;
      case 'log':
        session.log(m.level, m.message);
        break;
      case 'indexed':
        void connection.sendNotification(INDEXED_NOTIFICATION, { root: m.root, files: m.files, entities: m.entities, ms: m.ms });
        session.log('info', `indexed ${m.root}: ${m.files} files, ${m.entities} entities in ${m.ms} ms`);
        refresh?.soon();
        break;
      case 'progress':
        reportProgress(m);
        break;
    }
  };
}
