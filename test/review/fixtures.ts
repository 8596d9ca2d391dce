// A small TAM workspace before and after a pull request that touches every kind of thing a
// review reports: a chain re-planned, incidents resolved and opened, a postmortem published, a
// proposal accepted, documents reviewed and gone stale, a reference broken.

import { BASE } from '../helpers/workspace';

export const NOW = ['--now', '2026-11-25T12:00:00+03:00'];

export const BEFORE: Record<string, string> = {
  ...BASE,
  'projects/acme/project.yaml': `kind: project
id: acme
name: ACME landing
client: ACME
tam: anna
departments: [network, unix]
docs:
  - { path: docs/runbook.md, title: Runbook, owner: anna, reviewed: 2026-11-01, review_every: 90d }
  - { path: docs/network.md, title: Network overview, owner: oleg, reviewed: 2026-01-10 }
`,
  'projects/acme/chains/landscape.yaml': `kind: chain
id: landscape
project: acme
title: Landscape for ACME
deadline: 2026-12-04
tasks:
  - { id: vlan, title: VLAN, department: network, status: done, started: 2026-11-20, finished: 2026-11-20 }
  - { id: os, title: OS install, department: unix, status: todo, estimate: 3d, depends_on: [vlan], assignee: anna }
  - { id: web, title: Web server, department: unix, status: todo, estimate: 1d, depends_on: [os] }
  - { id: old, title: Old task, department: network, status: todo, estimate: 1d }
`,
  'projects/acme/incidents/INC-0.yaml': `kind: incident
id: INC-0
project: acme
title: Uplink flapping
priority: P2
opened: 2026-11-20T10:00:00+03:00
postmortem: pm-1
timeline:
  - { at: 2026-11-20T10:10:00+03:00, status: acknowledged }
  - { at: 2026-11-20T12:00:00+03:00, status: resolved }
`,
  'projects/acme/incidents/INC-1.yaml': `kind: incident
id: INC-1
project: acme
title: Slow checkout
priority: P2
opened: 2026-11-25T09:00:00+03:00
timeline:
  - { at: 2026-11-25T09:20:00+03:00, status: acknowledged }
`,
  'projects/acme/postmortems/pm-1.yaml': `kind: postmortem
id: pm-1
incident: INC-0
summary: The uplink flapped.
root_cause: A faulty optic.
action_items:
  - { id: a1, title: Replace optics, owner: oleg, due: 2026-11-30, status: open }
  - { id: a2, title: Alert on flaps, owner: oleg, due: 2026-12-10, status: open }
`,
  'projects/acme/proposals/cdn.yaml': `kind: proposal
id: cdn
project: acme
title: Put a CDN in front of the shop
type: improvement
proposed_by: oleg
proposed_on: 2026-11-01
status: proposed
`,
};

/** The pull request: every file of BEFORE that changes, with its new text (null: deleted). */
export const CHANGES: Record<string, string | null> = {
  'projects/acme/project.yaml': BEFORE['projects/acme/project.yaml']!
    .replace('reviewed: 2026-11-01, review_every: 90d', 'reviewed: 2026-11-01, review_every: 14d')
    .replace('reviewed: 2026-01-10', 'reviewed: 2026-11-20'),
  'projects/acme/chains/landscape.yaml': `kind: chain
id: landscape
project: acme
title: Landscape for ACME
deadline: 2026-11-27
tasks:
  - { id: vlan, title: VLAN, department: network, status: done, started: 2026-11-20, finished: 2026-11-20 }
  - { id: os, title: OS install, department: unix, status: in_progress, started: 2026-11-25, estimate: 2d, depends_on: [vlan], assignee: oleg, due: 2026-11-27 }
  - { id: web, title: Web server, department: unix, status: todo, estimate: 1d, depends_on: [os, db] }
  - { id: db, title: "DB | <script>alert(1)</script> \`x\`", department: network, status: todo, estimate: 4d, depends_on: [vlan], assignee: ghost }
`,
  'projects/acme/incidents/INC-1.yaml': `${BEFORE['projects/acme/incidents/INC-1.yaml']}  - { at: 2026-11-25T11:00:00+03:00, status: resolved }
`,
  'projects/acme/incidents/INC-2.yaml': `kind: incident
id: INC-2
project: acme
title: "Shop down | <img src=x onerror=alert(1)>"
priority: P1
opened: 2026-11-25T10:00:00+03:00
timeline: []
`,
  'projects/acme/postmortems/pm-1.yaml': `kind: postmortem
id: pm-1
incident: INC-0
summary: The uplink flapped.
root_cause: A faulty optic.
published: 2026-11-21T10:00:00+03:00
action_items:
  - { id: a1, title: Replace optics, owner: oleg, due: 2026-11-30, status: done }
  - { id: a2, title: Alert on flaps, owner: oleg, due: 2026-12-10, status: open }
  - { id: a3, title: Spare optics on site, owner: anna, due: 2026-12-15, status: open }
`,
  'projects/acme/proposals/cdn.yaml': BEFORE['projects/acme/proposals/cdn.yaml']!.replace('status: proposed', 'status: accepted\ndecided_on: 2026-11-24'),
};

/** The fenced Mermaid blocks of a Markdown text. */
export function mermaidBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```mermaid\n([\s\S]*?)^```$/gm)].map((m) => m[1]!);
}
