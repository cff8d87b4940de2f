// The request sequences each connection repeats. Keys are unique per run, so every create is a new intent.
import type autocannon from 'autocannon';
import { createBody } from './bodies.js';

export const WORKLOADS = ['create', 'status', 'journey', 'mixed'] as const;
export type Workload = (typeof WORKLOADS)[number];

export interface Credentials {
  clientId: string;
  clientSecret: string;
  tokenId: string;
  apiKey: string;
}

export interface SimTarget {
  merchant: Credentials;
  /** Where the simulator posts callbacks (the bench's own sink). */
  callbackUrl: string;
  /** References of intents that exist, for status reads. */
  pool: string[];
  keyPrefix: string;
}

interface Ctx {
  reference?: string;
  key?: string;
}

const PAY_BODY = JSON.stringify({ type: 'MPESA', payment: { mobile: '254712345678' } });
const pick = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)]!;

function steps(t: SimTarget) {
  let n = 0;
  const basic = `Basic ${Buffer.from(`${t.merchant.clientId}:${t.merchant.clientSecret}`).toString('base64')}`;
  const create: autocannon.Request = {
    method: 'POST',
    path: `/api/payments/${t.merchant.tokenId}/pay`,
    headers: { authorization: basic, 'content-type': 'application/json' },
    setupRequest: (req, context) => {
      const ctx = context as Ctx;
      ctx.key = `${t.keyPrefix}_${n++}`;
      return { ...req, body: JSON.stringify(createBody(ctx.key, t.callbackUrl)) };
    },
    onResponse: (status, body, context) => {
      if (status === 200) (context as Ctx).reference = (JSON.parse(body) as { data: { reference: string } }).data.reference;
    },
  };
  const pay: autocannon.Request = {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: PAY_BODY,
    setupRequest: (req, context) => ({ ...req, path: `/pay/${(context as Ctx).reference}/process` }),
  };
  const statusOf = (which: (ctx: Ctx) => string | undefined): autocannon.Request => ({
    method: 'GET',
    headers: { 'x-api-key': t.merchant.apiKey },
    setupRequest: (req, context) => ({ ...req, path: `/api/payments-v2/${which(context as Ctx)}` }),
  });
  return {
    create,
    pay,
    statusOwn: statusOf((ctx) => ctx.reference),
    statusByKey: statusOf((ctx) => ctx.key),
    statusPool: statusOf(() => pick(t.pool)),
  };
}

/**
 * create: new intents. status: status by reference of existing intents. journey: create, pay by M-Pesa
 * (the PIN delay is 0, so the payment completes and its callback is sent at once), status. mixed: create,
 * pay, status by reference, status by key, status of an older intent: 40 % writes, 60 % reads.
 */
export function simRequests(workload: Workload, t: SimTarget): autocannon.Request[] {
  const s = steps(t);
  switch (workload) {
    case 'create':
      // Nothing reads the reference: the answer is left unparsed, as the Map reference's is (the bench's
      // client shares the machine's two cores with the server it loads).
      return [{ ...s.create, onResponse: undefined }];
    case 'status':
      return [s.statusPool];
    case 'journey':
      return [s.create, s.pay, s.statusOwn];
    case 'mixed':
      return [s.create, s.pay, s.statusOwn, s.statusByKey, s.statusPool];
  }
}

/** The Map reference's create: the same body, validated against the same schema. */
export function mapCreateRequests(keyPrefix: string, callbackUrl: string): autocannon.Request[] {
  let n = 0;
  return [
    {
      method: 'POST',
      path: '/intents',
      headers: { 'content-type': 'application/json' },
      setupRequest: (req) => ({ ...req, body: JSON.stringify(createBody(`${keyPrefix}_${n++}`, callbackUrl)) }),
    },
  ];
}

export const bareRequests = (): autocannon.Request[] => [{ method: 'GET', path: '/' }];
