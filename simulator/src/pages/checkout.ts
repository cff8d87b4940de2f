// The hosted checkout page at checkoutUrl. This version shows the intent and how to pay it through the
// API; the interactive page (mobile money and 3-D Secure cards) is the Cards issue's work.
import type { FastifyInstance } from 'fastify';
import type { Context } from '../services/context.js';
import { reportedStatus } from '../domain/views.js';

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function registerPages(app: FastifyInstance, ctx: Context): void {
  app.get('/checkout/:reference', async (req, reply) => {
    const { reference } = req.params as { reference: string };
    const intent = ctx.store.get('intents', reference);
    void reply.type('text/html; charset=utf-8');
    if (!intent) return reply.code(404).send(page('Payment not found', `<p>No payment has the reference <code>${escape(reference)}</code>.</p>`));
    const merchant = ctx.store.get('merchants', intent.merchantId);
    const status = reportedStatus(intent, ctx.clockFor(intent.merchantId).now());
    return page(
      `Pay ${escape(merchant?.name ?? '')}`,
      `<p class="amount">${escape(intent.currency)} ${intent.amount.toFixed(2)}</p>
       <p>${escape(intent.description)}</p>
       <p>Status: <strong>${status}</strong></p>
       <p>Reference <code>${escape(intent.id)}</code></p>`,
    );
  });
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${title} · Little Pay simulator</title>
<style>body{font-family:system-ui,sans-serif;max-width:28rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}
.amount{font-size:2rem;font-weight:700}code{font-size:.85em}</style></head>
<body><h1>${title}</h1>${body}<footer><small>Little Pay sandbox simulator: no real money moves.</small></footer></body></html>`;
}
