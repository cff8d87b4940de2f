// The QA console under /_sim/console (docs/decisions/0105): server-rendered pages, one stylesheet and one
// script, live updates by server-sent events, and forms that call the /_sim operations. Registered in a
// fastify scope of its own, so its form parser never reaches the contract's routes.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { reportedStatus } from '../domain/views.js';
import { isExpired } from '../domain/intents.js';
import { hasSession } from '../http/admin-token.js';
import type { Context } from '../services/context.js';
import type { ControlPlane } from '../services/control-plane.js';
import type { Form } from './actions.js';
import { CONSOLE, CONSOLE_CSP, type Notice } from './layout.js';
import { LiveEvents } from './live-events.js';
import { PaymentIndex } from './payment-index.js';
import { registerSignIn } from './sign-in.js';
import { lazyImport } from '../runtime/lazy.js';

/** The pages, assets and actions, loaded with the first request that needs them. */
const views = lazyImport(() => import('./views.js'));

export interface ConsoleDeps {
  ctx: Context;
  control: ControlPlane;
}

/** Merchant actions that cannot be undone: their form carries a confirmation box. */
const CONFIRMED = new Set(['rotate-key', 'reset']);

const html = (reply: FastifyReply, body: string, status = 200) => reply.code(status).type('text/html; charset=utf-8').send(body);

function noticeOf(req: FastifyRequest): Notice | null {
  const q = req.query as { notice?: string; kind?: string };
  return typeof q.notice === 'string' && q.notice ? { text: q.notice.slice(0, 300), kind: q.kind === 'error' ? 'error' : 'ok' } : null;
}

function backTo(path: string, result: { ok: boolean; text: string }): string {
  return `${path}?${new URLSearchParams({ notice: result.text, kind: result.ok ? 'ok' : 'error' }).toString()}`;
}

function parseForm(app: FastifyInstance): void {
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 64 * 1024 }, (_req, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });
}

export async function registerConsole(app: FastifyInstance, { ctx, control }: ConsoleDeps): Promise<{ index: PaymentIndex }> {
  const index = new PaymentIndex(ctx.store);
  const live = new LiveEvents(ctx.store);
  const token = ctx.config.adminToken;
  app.addHook('preClose', async () => {
    live.close();
    index.close();
  });
  await app.register(async (scope) => {
    parseForm(scope);
    scope.addHook('onRequest', (req, reply, done) => {
      void reply.header('content-security-policy', CONSOLE_CSP).header('x-content-type-options', 'nosniff').header('referrer-policy', 'same-origin');
      const open = req.url.startsWith(`${CONSOLE}/assets/`) || req.url.startsWith(`${CONSOLE}/sign-in`);
      if (open || hasSession(req, token)) return done();
      if (req.method === 'GET') void reply.redirect(`${CONSOLE}/sign-in?next=${encodeURIComponent(req.url)}`, 303);
      else void html(reply, 'Sign in first.', 401);
    });
    const signedIn = token !== undefined;
    const payments = async (query: Record<string, unknown>, notice: Notice | null) => {
      const { listPage, listPayments, readFilter } = await views();
      const filter = readFilter(query);
      const page = listPayments(index, ctx.store, ctx.clockFor, filter);
      return listPage(page, filter, [...ctx.store.all('merchants')], index.size, { notice, signedIn });
    };
    registerSignIn(scope, token);

    scope.get(`${CONSOLE}/assets/console.css`, async (_req, reply) =>
      reply
        .type('text/css; charset=utf-8')
        .header('cache-control', 'no-cache')
        .send((await views()).CONSOLE_CSS),
    );
    scope.get(`${CONSOLE}/assets/console.js`, async (_req, reply) =>
      reply
        .type('text/javascript; charset=utf-8')
        .header('cache-control', 'no-cache')
        .send((await views()).CONSOLE_JS),
    );
    scope.get(`${CONSOLE}/events`, (_req, reply) => {
      reply.hijack();
      live.attach(reply.raw);
    });

    // The old inspector's address: bookmarks and links lead here now.
    scope.get('/_sim/ui', (_req, reply) => reply.redirect(CONSOLE, 302));
    scope.get(CONSOLE, async (req, reply) => html(reply, await payments(req.query as Record<string, unknown>, noticeOf(req))));

    scope.get(`${CONSOLE}/payments/:reference`, async (req, reply) => {
      const { reference } = req.params as { reference: string };
      const intent = ctx.store.get('intents', reference);
      if (!intent) return html(reply, await payments({}, { kind: 'error', text: `No payment has the reference ${reference}.` }), 404);
      const { buildTimeline, detailPage } = await views();
      const now = ctx.clockFor(intent.merchantId).now();
      const merchant = ctx.store.get('merchants', intent.merchantId);
      const callbacks = index.callbacksOf(reference).flatMap((id) => ctx.store.get('callbacks', id) ?? []);
      const journal = control.journal.about(intent.merchantId, intent.id, intent.key);
      const events = buildTimeline({ intent, merchant, callbacks, journal, publicUrl: ctx.publicUrl(), now });
      const view = {
        intent,
        merchant,
        status: reportedStatus(intent, now),
        expired: isExpired(intent, now),
        events,
        check: ctx.store.get('callbackChecks', intent.merchantId)?.report,
        now: new Date(now).toISOString(),
      };
      return html(reply, detailPage(view, { notice: noticeOf(req), signedIn }));
    });

    scope.post(`${CONSOLE}/payments/:reference/:action`, async (req, reply) => {
      const { reference, action } = req.params as { reference: string; action: string };
      const { paymentCall, perform } = await views();
      const intent = ctx.store.get('intents', reference);
      const page = `${CONSOLE}/payments/${encodeURIComponent(reference)}`;
      const call = intent ? paymentCall(action, reference, (req.body ?? {}) as Form, intent) : null;
      if (!call)
        return reply.redirect(
          backTo(intent ? page : CONSOLE, { ok: false, text: intent ? `No action "${action}".` : `No payment has the reference ${reference}.` }),
          303,
        );
      return reply.redirect(backTo(page, await perform(app, call, token, req.headers.host)), 303);
    });

    scope.get(`${CONSOLE}/merchants`, async (req, reply) =>
      html(reply, (await views()).merchantsPage([...ctx.store.all('merchants')], { notice: noticeOf(req), signedIn })),
    );

    scope.get(`${CONSOLE}/merchants/:id`, async (req, reply) => {
      const { id } = req.params as { id: string };
      const { merchantPage, merchantsPage } = await views();
      const merchant = ctx.store.get('merchants', id);
      if (!merchant)
        return html(reply, merchantsPage([...ctx.store.all('merchants')], { notice: { kind: 'error', text: `No merchant has the id ${id}.` }, signedIn }), 404);
      const callbacks = [...ctx.store.all('callbacks')]
        .filter((cb) => cb.merchantId === id)
        .slice(-20)
        .reverse();
      const tokens = [...ctx.store.all('tokens')].filter((t) => t.merchantId === id);
      const view = { merchant, clock: control.clocks.view(id), queues: control.controls.outcomes(id), faults: control.controls.faults(id), tokens, callbacks };
      return html(reply, merchantPage(view, { notice: noticeOf(req), signedIn }));
    });

    scope.post(`${CONSOLE}/merchants/:id/:action`, async (req, reply) => {
      const { id, action } = req.params as { id: string; action: string };
      const page = `${CONSOLE}/merchants/${encodeURIComponent(id)}`;
      const form = (req.body ?? {}) as Form;
      const { merchantCall, perform, rotatedPage } = await views();
      // The box a browser makes the tester tick is checked here too: a scripted or crafted post must confirm as well.
      if (CONFIRMED.has(action) && form.confirm !== 'yes') return reply.redirect(backTo(page, { ok: false, text: 'Tick the box to confirm first.' }), 303);
      const call = merchantCall(action, id, form);
      if (!call) return reply.redirect(backTo(page, { ok: false, text: `No action "${action}".` }), 303);
      const result = await perform(app, call, token, req.headers.host);
      const merchant = ctx.store.get('merchants', id);
      // The new keys are shown once, on this answer, and never put in a URL.
      if (action === 'rotate-key' && result.ok && merchant) return html(reply.header('cache-control', 'no-store'), rotatedPage(merchant, { signedIn }));
      return reply.redirect(backTo(page, result), 303);
    });
  });
  return { index };
}
