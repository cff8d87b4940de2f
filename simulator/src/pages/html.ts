// The shell of every page the simulator serves to a browser: plain HTML, inline CSS, no external assets,
// readable on a phone. Every value put into a page goes through escapeHtml or jsonForScript.
import { minorUnitDigits } from '../domain/amounts.js';

export function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** JSON safe to place inside <script type="application/json"> (no "</script>" can close it early). */
function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

/**
 * "1,500.00": an amount with as many decimals as its currency's minor unit has (KES 2, UGX 0, BHD 3), the
 * same way whatever the browser's locale. The amount rule (domain/amounts.ts) keeps every stored amount on
 * that unit, so nothing is rounded here.
 */
export function formatAmount(amount: number, currency: string): string {
  const [whole, fraction] = amount.toFixed(minorUnitDigits(currency)).split('.') as [string, string?];
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

/** "1,500.00 KES": an amount with its currency as the console writes it (the API's own messages put the currency after, too). */
export function formatMoney(amount: number, currency: string): string {
  return `${formatAmount(amount, currency)} ${currency}`;
}

const CSS = `
*{box-sizing:border-box}
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;background:#f4f5f7;color:#1b1b1b;line-height:1.45}
main{max-width:30rem;margin:0 auto;padding:1rem}
.card{background:#fff;border-radius:12px;padding:1.1rem;margin:0 0 1rem;box-shadow:0 1px 3px rgba(0,0,0,.08)}
h1{font-size:1.3rem;margin:.2rem 0 .6rem}h2{font-size:1.05rem;margin:.2rem 0 .6rem}
.amount{font-size:2rem;font-weight:700;margin:.2rem 0}
.muted{color:#5f6670;font-size:.9rem}
.badge{display:inline-block;font-size:.75rem;font-weight:600;padding:.1rem .5rem;border-radius:999px;background:#fff3cd;color:#7a5b00}
.badge.production{background:#fde2e1;color:#8a1c14}
label{display:block;font-weight:600;font-size:.9rem;margin:.7rem 0 .25rem}
input,select{width:100%;font-size:1rem;padding:.65rem;border:1px solid #c9ced6;border-radius:8px;background:#fff}
.row{display:flex;gap:.6rem}.row>div{flex:1}
button{font-size:1rem;padding:.75rem 1rem;border:0;border-radius:8px;background:#0b6e4f;color:#fff;font-weight:600;cursor:pointer;width:100%;margin-top:.9rem}
button.secondary{background:#e9ecef;color:#1b1b1b}button.danger{background:#b42318}
button:disabled{opacity:.6;cursor:wait}
.tabs{display:flex;gap:.5rem}.tabs button{margin:0;background:#e9ecef;color:#1b1b1b}.tabs button[aria-selected=true]{background:#0b6e4f;color:#fff}
.result{font-size:1.1rem;font-weight:700}.ok{color:#0b6e4f}.bad{color:#b42318}
.phone{border:2px solid #1b1b1b;border-radius:18px;padding:1rem;background:#111;color:#f4f5f7;margin-top:.8rem}
.error{color:#b42318;font-size:.9rem;margin-top:.5rem}
iframe.challenge{width:100%;height:32rem;border:1px solid #c9ced6;border-radius:8px;background:#fff}
details{margin-top:.8rem}summary{cursor:pointer;font-size:.9rem;color:#0b4f8a}
table{border-collapse:collapse;width:100%;font-size:.85rem}td,th{text-align:left;padding:.25rem .3rem;border-bottom:1px solid #eceef1}
code{font-size:.85em;word-break:break-all}
[hidden]{display:none!important}
footer{text-align:center;margin:1rem 0 2rem}footer a{white-space:nowrap}`;

export interface PageOptions {
  /** Inline script (trusted, written by us) run at the end of the body. */
  script?: string;
  /** Data for the script, as <script type="application/json" id="page-data">. */
  data?: unknown;
}

export function page(title: string, body: string, options: PageOptions = {}): string {
  const data = options.data === undefined ? '' : `<script type="application/json" id="page-data">${jsonForScript(options.data)}</script>`;
  const script = options.script ? `<script>${options.script}</script>` : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)} · Little Pay simulator</title><style>${CSS}</style></head>
<body><main>${body}<footer><small class="muted">Little Pay sandbox simulator: no real money moves. <a href="/docs">API reference</a></small></footer></main>${data}${script}</body></html>`;
}
