// 404 or 405 (docs/guides/security.md). A path no route has is
// a 404 ROUTE_NOT_FOUND; a path that exists, asked with a method it does not take (DELETE on a refund,
// QUERY, PROPFIND, or a method the HTTP parser does not even know), is a 405 METHOD_NOT_ALLOWED with an
// Allow header listing the methods it takes, as RFC 9110 §15.5.6 asks. Both are answered before any body
// is read: a wrong method's body has nothing to tell.
import type { FastifyInstance } from 'fastify';
import { ApiError } from '../domain/errors.js';

interface RouteShape {
  pattern: RegExp;
  method: string;
}

/** The methods each registered path takes, collected as routes are added. */
export class RouteMethods {
  private readonly routes: RouteShape[] = [];

  /** Registers the collector: call before any route is added. */
  collect(app: FastifyInstance): void {
    app.addHook('onRoute', (route) => {
      // The catch-all OPTIONS route answers CORS preflights; it says nothing about a path.
      if (route.url === '*') return;
      const methods = Array.isArray(route.method) ? route.method : [route.method];
      const pattern = new RegExp(
        `^${route.url
          .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
          .replace(/:\w+/g, '[^/]+')
          .replace(/\*/g, '.*')}$`,
      );
      for (const method of methods) this.routes.push({ pattern, method });
    });
  }

  /** The methods `path` (without its query) takes, in a stable order; empty when no route has the path. */
  allowed(path: string): string[] {
    const found = new Set<string>();
    for (const r of this.routes) if (r.pattern.test(path)) found.add(r.method);
    if (found.size > 0) found.add('OPTIONS');
    return [...found].sort();
  }

  /** The answer for a request no route takes: 405 with Allow when the path exists, else 404. */
  refusal(method: string, url: string): { error: ApiError; allow?: string } {
    const path = url.split('?')[0]!;
    const allow = this.allowed(path);
    if (allow.length === 0) return { error: new ApiError('ROUTE_NOT_FOUND', `No endpoint ${method} ${path}`) };
    return { error: new ApiError('METHOD_NOT_ALLOWED', `${path} does not take ${method}; it takes ${allow.join(', ')}`), allow: allow.join(', ') };
  }
}
