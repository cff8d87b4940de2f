// One operation (or webhook) of a contract as HTML: method and path, what it does, who may call it, its
// parameters, its body's fields with the contract's examples, and every answer with its examples.
import { resolve, schemaView, type Doc, type Json, type SchemaView } from './schema.js';
import { escapeHtml, prose } from './text.js';

type Node = { [key: string]: Json };

export interface OperationRef {
  id: string;
  method: string;
  path: string;
  summary: string;
  tags: string[];
  node: Node;
  /** A webhook: a request the simulator sends, not one it answers. */
  webhook?: boolean;
}

const asNode = (value: Json | undefined): Node => (typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {});

function fieldsTable(view: SchemaView, caption: string): string {
  const parts: string[] = [];
  if (view.description) parts.push(prose(view.description));
  if (view.rows.length > 0) {
    const rows = view.rows.map(
      (r) =>
        `<tr><th scope="row"><code>${escapeHtml(r.path)}</code>${r.required ? ' <span class="req">required</span>' : ''}</th>` +
        `<td>${escapeHtml(r.type)}${r.rules.map((rule) => `<br><span class="rule">${escapeHtml(rule)}</span>`).join('')}</td>` +
        `<td>${prose(r.description, true)}</td></tr>`,
    );
    parts.push(
      `<table><caption>${escapeHtml(caption)}</caption><thead><tr><th scope="col">field</th><th scope="col">type and rules</th><th scope="col">meaning</th></tr></thead><tbody>${rows.join('')}</tbody></table>`,
    );
  }
  for (const alt of view.alternatives)
    parts.push(
      `<div class="alt"><p class="alt-title">One of: <strong>${escapeHtml(alt.title)}</strong></p>${fieldsTable(alt.view, `${caption}: ${alt.title}`)}</div>`,
    );
  return parts.join('\n');
}

function examples(media: Node): string {
  const out: string[] = [];
  const named = asNode(media.examples);
  for (const [name, raw] of Object.entries(named)) {
    const example = asNode(raw);
    const title = typeof example.summary === 'string' ? example.summary : name;
    out.push(exampleBlock(title, example.value));
  }
  if (media.example !== undefined) out.push(exampleBlock('example', media.example));
  return out.join('\n');
}

function exampleBlock(title: string, value: Json | undefined): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value, null, 2);
  return `<figure class="example"><figcaption>Example: ${escapeHtml(title)}</figcaption><pre><code>${escapeHtml(text ?? '')}</code></pre></figure>`;
}

function parameters(doc: Doc, op: Node, pathItem: Node): string {
  const list = [...(Array.isArray(pathItem.parameters) ? pathItem.parameters : []), ...(Array.isArray(op.parameters) ? op.parameters : [])];
  if (list.length === 0) return '';
  const rows = list.map((raw) => {
    const p = resolve(doc, raw).schema;
    const schema = resolve(doc, p.schema).schema;
    const type = [schema.type, schema.format].filter(Boolean).join(', ');
    const rules = [schema.pattern ? `matches ${String(schema.pattern)}` : '', Array.isArray(schema.enum) ? `one of ${schema.enum.join(', ')}` : ''].filter(
      Boolean,
    );
    return `<tr><th scope="row"><code>${escapeHtml(String(p.name))}</code>${p.required ? ' <span class="req">required</span>' : ''}</th><td>${escapeHtml(String(p.in))}, ${escapeHtml(type)}${rules.map((r) => `<br><span class="rule">${escapeHtml(r)}</span>`).join('')}</td><td>${prose(String(p.description ?? ''), true)}</td></tr>`;
  });
  return `<table><caption>Parameters</caption><thead><tr><th scope="col">name</th><th scope="col">where and type</th><th scope="col">meaning</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function security(doc: Doc, op: Node, webhook: boolean): string {
  if (webhook) return '';
  const list = Array.isArray(op.security) ? op.security : Array.isArray(doc.security) ? doc.security : [];
  const names = list.flatMap((s) => Object.keys(asNode(s)));
  if (names.length === 0) return '<p class="auth">No credentials.</p>';
  const schemes = asNode(asNode(doc.components).securitySchemes);
  const described = names.map((n) => {
    const s = asNode(schemes[n]);
    return `<strong>${escapeHtml(n)}</strong>${typeof s.description === 'string' ? `: ${prose(s.description, true)}` : ''}`;
  });
  return `<p class="auth">Credentials: ${described.join('; ')}</p>`;
}

function body(doc: Doc, op: Node): string {
  const request = resolve(doc, op.requestBody).schema;
  const content = asNode(request.content);
  return Object.entries(content)
    .map(([type, raw]) => {
      const media = asNode(raw);
      return `<h4>Body <code>${escapeHtml(type)}</code>${request.required ? '' : ' (optional)'}</h4>\n${fieldsTable(schemaView(doc, media.schema), 'Body fields')}\n${examples(media)}`;
    })
    .join('\n');
}

function responses(doc: Doc, op: Node): string {
  const out: string[] = [];
  for (const [status, raw] of Object.entries(asNode(op.responses))) {
    const response = resolve(doc, raw).schema;
    const content = asNode(response.content);
    const parts = Object.entries(content).map(([type, m]) => {
      const media = asNode(m);
      const success = status.startsWith('2');
      const view = schemaView(doc, media.schema);
      const hasFields = view.rows.length > 0 || view.alternatives.length > 0;
      const fields =
        success && hasFields ? `<details><summary>Fields of the answer</summary>${fieldsTable(view, `Fields of the ${status} answer`)}</details>` : '';
      return `<p class="media"><code>${escapeHtml(type)}</code></p>${fields}${examples(media)}`;
    });
    const kind = status.startsWith('2') ? 'ok' : 'err';
    out.push(
      `<div class="response"><h5><span class="status ${kind}">${escapeHtml(status)}</span> ${prose(String(response.description ?? ''), true)}</h5>${parts.join('\n')}</div>`,
    );
  }
  return out.length ? `<h4>Answers</h4>\n${out.join('\n')}` : '';
}

/** An operation's section, with its operationId as the anchor. */
export function operationHtml(doc: Doc, ref: OperationRef, pathItem: Node): string {
  const op = ref.node;
  const verb = ref.webhook ? `${ref.method.toUpperCase()} to your URL` : ref.method.toUpperCase();
  return [
    `<section class="op" id="${escapeHtml(ref.id)}" aria-labelledby="${escapeHtml(ref.id)}-title">`,
    `<h3 id="${escapeHtml(ref.id)}-title"><span class="method m-${ref.method}">${escapeHtml(verb)}</span> <code class="path">${escapeHtml(ref.path)}</code></h3>`,
    `<p class="summary">${escapeHtml(ref.summary)} <a class="anchor" href="#${escapeHtml(ref.id)}">#${escapeHtml(ref.id)}</a></p>`,
    typeof op.description === 'string' ? prose(op.description) : '',
    security(doc, op, Boolean(ref.webhook)),
    parameters(doc, op, pathItem),
    body(doc, op),
    responses(doc, op),
    '</section>',
  ]
    .filter(Boolean)
    .join('\n');
}
