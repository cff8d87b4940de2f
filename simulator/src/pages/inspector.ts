// The inspector page at /_sim/ui: plain HTML served by the simulator, with no data of its own (so it
// needs no token to load); its script reads the /_sim operations and redraws itself.
import { INSPECTOR_SCRIPT } from './inspector-script.js';

const STYLE = `
body{font-family:system-ui,sans-serif;margin:1rem 2rem;color:#1b1b1b;font-size:14px}
h1{font-size:1.4rem;margin-bottom:.2rem}h2{font-size:1.1rem;margin-top:1.6rem;border-bottom:1px solid #ddd}
table{border-collapse:collapse;width:100%;margin:.3rem 0}th,td{border:1px solid #e2e2e2;padding:.25rem .4rem;text-align:left;vertical-align:top}
th{background:#f6f6f6;font-weight:600}td table{margin:0}tr.current{background:#eef6ff}
code{font-size:.85em}pre{margin:.2rem 0;max-height:20rem;overflow:auto;background:#fafafa;padding:.3rem}
.status.COMPLETED,.state.delivered{color:#137333}.status.FAILED,.state.failed{color:#b3261e}.status.PENDING,.state.pending{color:#8a5a00}
.empty{color:#777;margin:.2rem 0}#error{color:#b3261e}#bar{color:#555}
.callback-log ol,.inbox ol{padding-left:1.2rem}.callback h4{margin:.6rem 0 .2rem;font-size:.95rem}
.deliveries tr.failed,.callback-check tr.failed,.signature-invalid{color:#b3261e}.callback-check.unsafe h3{color:#b3261e}
form{background:#fff8e1;border:1px solid #f0d77a;padding:.6rem;margin:.6rem 0}
`;

export function inspectorPage(): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Inspector · Little Pay simulator</title><style>${STYLE}</style></head>
<body>
<h1>Little Pay simulator — inspector</h1>
<p id="bar"><span id="updated">loading…</span> · refreshes every 2 s · <label><input type="checkbox" id="pause"> pause</label></p>
<p id="error" role="alert"></p>
<form id="token-form" hidden>
  <label>This simulator has an admin token (SIM_ADMIN_TOKEN). Token: <input type="password" id="token-input" autocomplete="off" required></label>
  <button type="submit">Use it</button> <small>Kept for this tab only.</small>
</form>
<h2>Merchants</h2><div id="merchants"></div>
<h2>Merchant: <span id="merchant-name"></span></h2><div id="controls"></div>
<h2>Intents and their attempts</h2><div id="intents"></div>
<h2>Callbacks and their deliveries</h2><div id="callbacks"></div>
<h2>Delivery log, receiver check and inboxes</h2><div id="callback-panel"></div>
<h2>Request journal (newest first)</h2><div id="journal"></div>
<footer><small>Little Pay sandbox simulator: no real money moves. The JSON behind this page is the /_sim API (<a href="/docs/simulator">reference</a>); the Little Pay API: <a href="/docs">reference</a>.</small></footer>
<script>${INSPECTOR_SCRIPT}</script>
</body></html>`;
}
