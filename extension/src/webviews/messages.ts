// The messages between the extension host and the webviews, both ways, and the state a webview
// keeps across hide/show and window reloads (getState/setState, WebviewPanelSerializer). Types
// only: the webview bundles import this file too.

import type { ChainGraph, GraphFormat, SlaGroupBy, SlaReportAnswer } from '../../../server/src/protocol/tam-protocol';

// ---------------------------------------------------------------------------------------
// Task Chain Graph

export type GraphToWebview =
  | { type: 'graph'; graph: ChainGraph }
  | { type: 'error'; message: string; format: GraphFormat; chainId?: string }
  | { type: 'exported'; path: string };

export type GraphFromWebview =
  | { type: 'ready' }
  | { type: 'reveal'; nodeId: string }
  | { type: 'format'; format: GraphFormat }
  | { type: 'export'; svg: string }
  | { type: 'pickChain' }
  | { type: 'rendered'; nodeCount: number; ms: number }
  | { type: 'renderError'; message: string };

export interface GraphState {
  /** The chain file the panel shows, and the chain in it. */
  uri?: string;
  chainId?: string;
  format: GraphFormat;
  /** Show the diagram at its own size (scrolled) instead of fitting the panel's width. */
  actualSize?: boolean;
  /** The last graph, drawn at once when the panel comes back, before the server answers. */
  graph?: ChainGraph;
}

// ---------------------------------------------------------------------------------------
// SLA Summary

export interface SlaFilter {
  by: SlaGroupBy;
  /** YYYY-MM-DD or empty. */
  from?: string;
  to?: string;
  /** Only this project's incidents (the summary opened from a project's or an incident's code lens). */
  project?: string;
}

export type SlaToWebview =
  | { type: 'report'; answer: SlaReportAnswer; filter: SlaFilter }
  | { type: 'error'; message: string; filter: SlaFilter };

export type SlaFromWebview =
  | { type: 'ready' }
  | { type: 'filter'; filter: SlaFilter }
  | { type: 'openIncident'; id: string }
  | { type: 'refresh' };

export interface SlaState {
  filter: SlaFilter;
  answer?: SlaReportAnswer;
}

export const DEFAULT_SLA_FILTER: SlaFilter = { by: 'project' };
