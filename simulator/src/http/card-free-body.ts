// What is stored of a body a client sent: its card data masked (runtime/card-masking.ts). A card number in
// a description, metadata or a refund reason would otherwise be kept in the store and shown by /_sim. The
// JSON text is looked at first (one regular expression), so most bodies are taken as they are, uncopied.
import type { FastifyRequest } from 'fastify';
import { maskCardData, mayHoldCardData } from '../runtime/card-masking.js';

export function cardFreeBody<T>(req: FastifyRequest): T {
  const text = req.simBodyText;
  return (text !== undefined && !mayHoldCardData(text) ? req.body : maskCardData(req.body)) as T;
}
