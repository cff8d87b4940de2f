// The shell of every console page: a header with the navigation, one stylesheet and one script, both
// served as files so the Content-Security-Policy can forbid inline code (docs/decisions/0105).
import { escapeHtml } from '../pages/html.js';

export const CONSOLE = '/_sim/console';

/** No inline script or style, nothing from another origin, no framing, forms only to the simulator. */
export const CONSOLE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

export interface Notice {
  text: string;
  kind: 'ok' | 'error';
}

export interface LayoutOptions {
  /** Which navigation entry is the current page. */
  section: 'payments' | 'merchants' | 'sign-in';
  notice?: Notice | null;
  /** Whether the live region refreshes on server-sent events (the script looks for it). */
  live?: boolean;
  signedIn?: boolean;
}

function nav(section: LayoutOptions['section'], signedIn: boolean): string {
  // Signed out, the other pages would only lead back to the sign-in form.
  if (section === 'sign-in') return '';
  const link = (href: string, label: string, name: LayoutOptions['section']) =>
    `<a href="${href}"${section === name ? ' aria-current="page"' : ''}>${label}</a>`;
  const signOut = signedIn
    ? `<form method="post" action="${CONSOLE}/sign-out" class="sign-out"><button type="submit" class="link">Sign out</button></form>`
    : '';
  return `<nav aria-label="Console">${link(CONSOLE, 'Payments', 'payments')}${link(`${CONSOLE}/merchants`, 'Merchants', 'merchants')}${signOut}</nav>`;
}

function notice(n: Notice | null | undefined): string {
  if (!n) return '<div id="notice" role="status"></div>';
  const role = n.kind === 'error' ? 'alert' : 'status';
  return `<div id="notice" role="${role}" class="notice ${n.kind}">${escapeHtml(n.text)}</div>`;
}

export function layout(title: string, body: string, options: LayoutOptions): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)} · Little Pay console</title>
<link rel="stylesheet" href="${CONSOLE}/assets/console.css">
<script src="${CONSOLE}/assets/console.js" defer></script></head>
<body${options.live ? ' data-live-events="on"' : ''}>
<a class="skip" href="#content">Skip to content</a>
<header class="top"><a class="brand" href="${CONSOLE}">Little Pay <span>simulator console</span></a>${nav(options.section, options.signedIn ?? false)}</header>
<main id="content" tabindex="-1">${notice(options.notice)}${body}</main>
<footer><small>Little Pay sandbox simulator: no real money moves. Every action here is also a <code>/_sim</code> API call (<a href="/docs/simulator">reference</a>); the Little Pay API: <a href="/docs">reference</a>.</small></footer>
</body></html>`;
}

/** A status as a badge whose colour is never the only sign (the word is always there). */
export function statusBadge(status: string): string {
  return `<span class="badge s-${escapeHtml(status.toLowerCase())}">${escapeHtml(status)}</span>`;
}

/** A value with a copy button (added by the script; without it the value is still selectable text). */
export function copyable(value: string, label: string): string {
  return `<code class="copy-value" data-copy-label="${escapeHtml(label)}">${escapeHtml(value)}</code>`;
}

/** A secret hidden until revealed: a <details>, so it works by keyboard and without the script. */
export function secret(value: string, label: string): string {
  return `<details class="secret"><summary>Reveal <span class="visually-hidden">${escapeHtml(label)}</span></summary>${copyable(value, label)}</details>`;
}
