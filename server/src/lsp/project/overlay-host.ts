// The files of a workspace root as the analysis thread's index reads them: the text of a
// document open in the editor in front of the file on disk, so that the index always holds
// what the user sees, saved or not.

import { FileSystemHost, type FileStamp, type ListedProblem, type ReadResult, type WorkspaceHost } from '../../core/workspace/host';
import type { TextModel } from '../../service/text-model';

/** A document open in the editor, by its workspace-relative path. */
export interface OpenDocument {
  uri: string;
  version: number;
  model: TextModel;
}

/** The file system, with the texts of open documents in front of it. */
export class OverlayHost implements WorkspaceHost {
  private readonly disk: FileSystemHost;

  constructor(
    root: string,
    private readonly open: ReadonlyMap<string, OpenDocument>,
  ) {
    this.disk = new FileSystemHost(root);
  }

  listFiles(ignore: readonly string[]): { files: string[]; problems: ListedProblem[] } {
    return this.disk.listFiles(ignore);
  }

  readFile(file: string): ReadResult {
    const doc = this.open.get(file);
    return doc ? { text: doc.model.text } : this.disk.readFile(file);
  }

  /** An open document's time on disk says nothing of its text. */
  stat(file: string): FileStamp | undefined {
    return this.open.has(file) ? undefined : this.disk.stat(file);
  }
}
