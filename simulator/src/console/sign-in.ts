// Signing in to the console when the simulator has SIM_ADMIN_TOKEN (docs/decisions/0108): a form posts the
// token once; the answer sets an HttpOnly, SameSite=Strict cookie derived from it and scoped to /_sim.
// The token never appears in a URL, and the page's script never sees the cookie.
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { SESSION_COOKIE, sessionValue } from '../http/admin-token.js';
import { escapeHtml } from '../pages/html.js';
import { CONSOLE, layout, type Notice } from './layout.js';

/** Only a console page may be the place to go back to (no open redirect). */
function safeNext(next: unknown): string {
  return typeof next === 'string' && next.startsWith(`${CONSOLE}`) && !next.startsWith(`${CONSOLE}/sign-in`) && !next.includes('//') ? next : CONSOLE;
}

function form(next: string, notice: Notice | null): string {
  const body = `<h1>Sign in</h1><section class="panel"><p>This simulator is protected by an admin token (<code>SIM_ADMIN_TOKEN</code>). Enter it once: the browser keeps a session cookie for <code>/_sim</code>.</p>
<form method="post" action="${CONSOLE}/sign-in"><input type="hidden" name="next" value="${escapeHtml(next)}">
<label for="token">Admin token</label><input id="token" name="token" type="password" autocomplete="current-password" required autofocus>
<p><button type="submit">Sign in</button></p></form></section>`;
  return layout('Sign in', body, { section: 'sign-in', notice });
}

function secure(req: FastifyRequest): string {
  return req.protocol === 'https' ? '; Secure' : '';
}

export function registerSignIn(app: FastifyInstance, token: string | undefined): void {
  const expected = token === undefined ? undefined : Buffer.from(token);
  app.get(`${CONSOLE}/sign-in`, (req, reply) => {
    if (expected === undefined) return reply.redirect(CONSOLE, 303);
    return reply.type('text/html; charset=utf-8').send(form(safeNext((req.query as { next?: string }).next), null));
  });
  app.post(`${CONSOLE}/sign-in`, (req, reply) => {
    const body = (req.body ?? {}) as { token?: string; next?: string };
    const next = safeNext(body.next);
    if (token === undefined || expected === undefined) return reply.redirect(next, 303);
    const given = Buffer.from(body.token ?? '');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      return reply
        .code(401)
        .type('text/html; charset=utf-8')
        .send(form(next, { kind: 'error', text: "That is not this simulator's admin token." }));
    }
    void reply.header('set-cookie', `${SESSION_COOKIE}=${sessionValue(token)}; Path=/_sim; HttpOnly; SameSite=Strict${secure(req)}`);
    return reply.redirect(next, 303);
  });
  app.post(`${CONSOLE}/sign-out`, (req, reply) => {
    void reply.header('set-cookie', `${SESSION_COOKIE}=; Path=/_sim; HttpOnly; SameSite=Strict; Max-Age=0${secure(req)}`);
    return reply.redirect(`${CONSOLE}/sign-in`, 303);
  });
}
