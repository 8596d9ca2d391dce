// The language service: pure functions of (document text, position, workspace index) that
// the language server wires to LSP requests and tests call with strings of YAML. Nothing
// here knows about the LSP connection, URIs or threads.

export { TextModel } from './text-model';
export { parseTree, hitAt, nodeAtPath, type Tree, type TreeDoc, type TreeNode } from './yaml-tree';
export { cursorContext, type CursorContext } from './cursor';
export { complete, type CompleteOptions } from './complete';
export { hover, type HoverResult } from './hover';
export { definition } from './definition';
export { references } from './references';
export { prepareRename, rename, type PrepareRenameResult, type RenameResult } from './rename';
export { documentSymbols } from './document-symbols';
export { workspaceSymbols, type WorkspaceSymbolResult } from './workspace-symbols';
export { codeActions, type QuickFix } from './code-actions';
export { codeLenses, type Lens, type LensAction } from './code-lenses';
export { inlayHints, ALL_HINTS, type InlayHint, type HintFamilies } from './inlay-hints';
export { documentLinks, type DocLink } from './document-links';
export { routineEdits, type RoutineEdit, type RoutineOptions } from './routine-edits';
export { createPostmortem, type PostmortemCreation } from './create-postmortem';
export { dateHover } from './date-hover';
export { targetAt, type Target } from './target';
export { locate } from './locate';
export type { ModelOf, Place } from './navigation';
