// `tam agenda` output: the agenda (agenda/agenda.ts) as text for a terminal, GitHub Markdown for a
// wiki or a chat message, and the JSON object docs/cli.md fixes as a contract. Formatting only:
// every item, its order and its wording come from the agenda.

import { AGENDA_TYPES, type Agenda, type AgendaItem, type AgendaItemType } from '../agenda/agenda';
import { formatMinutes } from '../time/duration';
import { wallClock } from '../time/zone';
import type { Places } from '../workspace/place';
import { markdownText, plainText as shown } from '../text/shown';
import { table } from './markdown';

/** Who the agenda is for, as the header names them. */
export interface AgendaAudience {
  /** The person of --tam, with their name. */
  person?: { id: string; name: string };
  /** The project of --project. */
  project?: string;
}

// ---------------------------------------------------------------------------------------
// JSON (docs/cli.md: a contract)

export interface AgendaJsonItem {
  type: AgendaItemType;
  project: string;
  id: string;
  /** Workspace-relative path. */
  file: string;
  /** 1-based. */
  line: number;
  /** An instant in UTC (SLA and postmortem items) or a YYYY-MM-DD date. */
  at?: string;
  message: string;
  /** A few words for a narrow list. */
  summary: string;
  clock?: 'response' | 'resolution';
  priority?: string;
  leftMinutes?: number;
  overByMinutes?: number;
  department?: string;
  postmortem?: string;
  overdue?: boolean;
}

export interface AgendaJson {
  now: string;
  items: AgendaJsonItem[];
  timezone: string;
  today: string;
  tam: string | null;
  projects: string[];
  slaHorizonMinutes: number;
  days: number;
}

export function agendaJson(agenda: Agenda, places: Places, audience: AgendaAudience = {}): AgendaJson {
  return {
    now: new Date(agenda.now).toISOString(),
    items: agenda.items.map((item) => {
      // Keys in the order of the contract: type, project, id, file, line, at, message, then the rest.
      const out = { type: item.type, project: item.project, id: item.id, file: item.at.file, line: places.line(item.at) } as AgendaJsonItem;
      if (item.when !== undefined) out.at = typeof item.when === 'number' ? new Date(item.when).toISOString() : item.when;
      out.message = item.message;
      out.summary = item.summary;
      for (const key of ['clock', 'priority', 'leftMinutes', 'overByMinutes', 'department', 'postmortem', 'overdue'] as const) {
        if (item[key] !== undefined) (out as unknown as Record<string, unknown>)[key] = item[key];
      }
      return out;
    }),
    timezone: agenda.zone,
    today: agenda.today,
    tam: audience.person?.id ?? null,
    projects: agenda.projects,
    slaHorizonMinutes: agenda.settings.slaHorizonMinutes,
    days: agenda.settings.days,
  };
}

// ---------------------------------------------------------------------------------------
// What each section is called

/** What a section of the agenda is called, in the CLI and the editor alike. */
export function sectionTitle(type: AgendaItemType, agenda: Pick<Agenda, 'settings'>): string {
  const days = plural(agenda.settings.days, 'day');
  switch (type) {
    case 'sla-due':
      return `SLA clocks due within ${formatMinutes(agenda.settings.slaHorizonMinutes)} of working time`;
    case 'sla-breach':
      return 'Open SLA breaches';
    case 'postmortem-due':
      return `Postmortems due within ${days} or overdue`;
    case 'chain-at-risk':
      return 'Chains at risk of missing their deadline';
    case 'task-blocked':
      return 'Blocked tasks';
    case 'task-ready':
      return 'Tasks that can start now';
    case 'task-due':
      return `Tasks due within ${days} or overdue`;
    case 'doc-review-due':
      return `Document reviews due within ${days} or overdue`;
    case 'decision-waiting':
      return `Waiting for the customer's decision for more than ${plural(agenda.settings.decisionWaitDays, 'day')}`;
  }
}

function sections(agenda: Agenda): { type: AgendaItemType; items: AgendaItem[] }[] {
  return AGENDA_TYPES.map((type) => ({ type, items: agenda.items.filter((i) => i.type === type) })).filter((s) => s.items.length);
}

function headline(agenda: Agenda, audience: AgendaAudience): string {
  const who = audience.person ? ` of ${audience.person.name} (${audience.person.id})` : audience.project ? ` of project ${audience.project}` : '';
  return `Agenda${who} — ${wallClock(agenda.now, agenda.zone)} ${agenda.zone}`;
}

function coverage(agenda: Agenda): string {
  const projects = agenda.projects.length ? agenda.projects.join(', ') : 'no projects';
  return `${plural(agenda.projects.length, 'project')}: ${projects}`;
}

// ---------------------------------------------------------------------------------------
// Text

export interface AgendaTextOptions {
  color: boolean;
  /** How a workspace file is named: relative to the current folder, as the terminal opens it. */
  displayPath(file: string): string;
}

export function renderAgendaText(agenda: Agenda, places: Places, audience: AgendaAudience, options: AgendaTextOptions): string {
  const paint = (code: [number, number], text: string) => (options.color ? `\u001b[${code[0]}m${text}\u001b[${code[1]}m` : text);
  const bold = (t: string) => paint([1, 22], t);
  const dim = (t: string) => paint([2, 22], t);
  const red = (t: string) => paint([31, 39], t);
  const lines = [bold(shown(headline(agenda, audience))), dim(shown(coverage(agenda))), ''];
  const list = sections(agenda);
  if (list.length === 0) {
    lines.push(`Nothing needs you now: no SLA clock due within ${formatMinutes(agenda.settings.slaHorizonMinutes)} of working time, no open breach, nothing due within ${plural(agenda.settings.days, 'day')}.`);
    return lines.join('\n') + '\n';
  }
  for (const { type, items } of list) {
    lines.push(bold(`${sectionTitle(type, agenda)} (${items.length})`));
    for (const item of items) {
      const urgent = item.type === 'sla-breach' || item.overdue === true;
      const what = `${shown(item.id)} (${shown(item.project)})`;
      lines.push(`  ${urgent ? red(what) : what}  ${shown(item.message)}`);
      lines.push(`      ${dim(shown(`${options.displayPath(item.at.file)}:${places.line(item.at)}`))}`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------
// Markdown

export function renderAgendaMarkdown(agenda: Agenda, places: Places, audience: AgendaAudience): string {
  const lines = [`## ${markdownText(headline(agenda, audience))}`, '', markdownText(coverage(agenda)), ''];
  const list = sections(agenda);
  if (list.length === 0) {
    lines.push('_Nothing needs you now._');
    return lines.join('\n') + '\n';
  }
  for (const { type, items } of list) {
    lines.push(`### ${markdownText(sectionTitle(type, agenda))} (${items.length})`, '');
    const rows = items.map((item) => [markdownText(item.project), markdownText(item.id), markdownText(item.message), markdownText(`${item.at.file}:${places.line(item.at)}`)]);
    lines.push(...table(['Project', 'Id', 'What', 'Where'], rows), '');
  }
  return lines.join('\n');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
