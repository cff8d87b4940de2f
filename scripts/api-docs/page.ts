// A contract as one HTML page: contents, every operation by tag, the callbacks (webhooks) and the error
// codes. No script and no inline style, so the page runs under a Content-Security-Policy that allows only
// its own stylesheet; everything is in the page, nothing comes from another host.
import { errorCatalogue, type ErrorCode } from '../../simulator/src/domain/errors.js';
import { operationHtml, type OperationRef } from './operation.js';
import type { Doc, Json } from './schema.js';
import { escapeHtml, prose } from './text.js';

type Node = { [key: string]: Json };
const asNode = (value: Json | undefined): Node => (typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {});

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

/** Codes only the /_sim control API answers; the others are the Little Pay API's (and /_sim's too). */
const SIM_ONLY = new Set<ErrorCode>([
  'UNKNOWN_OUTCOME',
  'UNKNOWN_OPERATION',
  'CREDENTIALS_IN_USE',
  'CLOCK_BACKWARDS',
  'UNKNOWN_PROVIDER_STATE',
  'CHALLENGE_NOT_PENDING',
  'MERCHANT_NOT_FOUND',
  'CALLBACK_NOT_FOUND',
  'CALLBACK_CHECK_NOT_FOUND',
]);

export interface PageSpec {
  /** The contract file, for the page's footer. */
  file: string;
  /** Where this page is served, and the other reference. */
  href: string;
  errors: 'api' | 'sim';
}

const REFERENCES = [
  { href: '/docs', label: 'Little Pay API' },
  { href: '/docs/simulator', label: 'Simulator control API (/_sim)' },
];

function operations(doc: Doc): { ref: OperationRef; pathItem: Node }[] {
  const out: { ref: OperationRef; pathItem: Node }[] = [];
  const add = (group: Node, webhook: boolean) => {
    for (const [path, raw] of Object.entries(group)) {
      const pathItem = asNode(raw);
      for (const method of METHODS) {
        const node = asNode(pathItem[method]);
        if (Object.keys(node).length === 0) continue;
        const id = String(node.operationId ?? `${method}-${path}`);
        const tags = Array.isArray(node.tags) ? node.tags.map(String) : [];
        out.push({ ref: { id, method, path: webhook ? `${path} callback` : path, summary: String(node.summary ?? ''), tags, node, webhook }, pathItem });
      }
    }
  };
  add(asNode(doc.paths), false);
  add(asNode(doc.webhooks), true);
  return out;
}

function errorTable(kind: PageSpec['errors']): string {
  const codes = (Object.keys(errorCatalogue) as ErrorCode[]).filter((c) => (kind === 'sim' ? SIM_ONLY.has(c) : !SIM_ONLY.has(c)));
  const rows = codes.map(
    (c) => `<tr><td>${errorCatalogue[c].status}</td><th scope="row"><code>${c}</code></th><td>${escapeHtml(errorCatalogue[c].summary)}</td></tr>`,
  );
  const intro =
    kind === 'sim'
      ? 'The codes only the control API answers; it answers the Little Pay API\'s codes too (<a href="/docs#errors">listed there</a>).'
      : "Every error answers <code>{ date, data: { message, code, errors? } }</code>: <code>message</code> names the field and the rule, <code>code</code> is stable, <code>errors</code> lists every broken field. The real API documents no codes: these are the simulator's.";
  return `<p>${intro}</p><table><caption>Error codes</caption><thead><tr><th scope="col">status</th><th scope="col">code</th><th scope="col">meaning</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function groupByTag(doc: Doc, ops: ReturnType<typeof operations>): { id: string; title: string; items: typeof ops }[] {
  const tags = (Array.isArray(doc.tags) ? doc.tags : []).map((t) => asNode(t));
  const groups = tags.map((t) => ({
    id: `tag-${String(t.name)}`,
    title: String(t.description ?? t.name),
    items: ops.filter((o) => !o.ref.webhook && o.ref.tags[0] === t.name),
  }));
  const other = ops.filter((o) => !o.ref.webhook && !tags.some((t) => t.name === o.ref.tags[0]));
  if (other.length) groups.push({ id: 'tag-other', title: 'Other operations', items: other });
  const hooks = ops.filter((o) => o.ref.webhook);
  if (hooks.length) groups.push({ id: 'webhooks', title: 'Callbacks the simulator sends (webhooks)', items: hooks });
  return groups.filter((g) => g.items.length > 0);
}

function contents(groups: ReturnType<typeof groupByTag>): string {
  const lists = groups.map(
    (g) =>
      `<li><a href="#${g.id}">${escapeHtml(g.title)}</a><ul>${g.items
        .map(
          (o) =>
            `<li><a href="#${escapeHtml(o.ref.id)}"><span class="method m-${o.ref.method}">${o.ref.method.toUpperCase()}</span> ${escapeHtml(o.ref.summary || o.ref.path)}</a></li>`,
        )
        .join('')}</ul></li>`,
  );
  return `<nav class="toc" aria-label="Contents"><h2 class="toc-title">Contents</h2><ul>${lists.join('')}<li><a href="#errors">Error codes</a></li></ul></nav>`;
}

/** The whole page for one contract. */
export function referencePage(doc: Doc, spec: PageSpec): string {
  const info = asNode(doc.info);
  const title = String(info.title ?? spec.file);
  const ops = operations(doc);
  const groups = groupByTag(doc, ops);
  const switcher = REFERENCES.map((r) => `<a href="${r.href}"${r.href === spec.href ? ' aria-current="page"' : ''}>${escapeHtml(r.label)}</a>`).join('');
  const sections = groups.map(
    (g) =>
      `<section class="group" aria-labelledby="${g.id}"><h2 id="${g.id}">${escapeHtml(g.title)}</h2>\n${g.items.map((o) => operationHtml(doc, o.ref, o.pathItem)).join('\n')}\n</section>`,
  );
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}: reference</title>
<link rel="stylesheet" href="/docs/reference.css">
</head>
<body>
<a class="skip" href="#main">Skip to the reference</a>
<header class="top"><p class="brand">littlepay-sim reference</p><nav class="switch" aria-label="References">${switcher}</nav></header>
<main id="main">
<div class="intro">
<h1>${escapeHtml(title)}</h1>
<p class="meta">Version ${escapeHtml(String(info.version ?? ''))} · OpenAPI ${escapeHtml(String(doc.openapi ?? ''))} · <code>contracts/${escapeHtml(spec.file)}</code></p>
${typeof info.summary === 'string' ? `<p class="lead">${escapeHtml(info.summary)}</p>` : ''}
${typeof info.description === 'string' ? prose(info.description) : ''}
</div>
<div class="layout">
${contents(groups)}
<div class="content">
${sections.join('\n')}
<section class="group" aria-labelledby="errors"><h2 id="errors">Error codes</h2>${errorTable(spec.errors)}</section>
</div>
</div>
</main>
<footer class="foot"><p>Built from <code>contracts/${escapeHtml(spec.file)}</code> by <code>npm run generate</code>; CI fails when it is stale.</p></footer>
</body>
</html>
`;
}
