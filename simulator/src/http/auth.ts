// Credentials are checked before the body is validated, on every merchant call, by the scheme the
// contract names for the operation: basicAuth (Client ID / Client Secret, plus the Token ID in the path
// must be the same merchant's) or apiKeyAuth (X-API-KEY, the merchant's secret key).
import type { FastifyRequest } from 'fastify';
import { ApiError } from '../domain/errors.js';
import type { MerchantRecord } from '../domain/records.js';
import type { Merchants } from '../services/merchants.js';

/** Returns the merchant the credentials belong to (undefined for a scheme that names none, the admin token). */
export type Authenticator = (req: FastifyRequest) => MerchantRecord | undefined;

/** Decodes and checks a Basic Authorization header; remembers it once it named a merchant's credentials. */
function checkBasic(header: string, merchants: Merchants): MerchantRecord {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
  if (!match) throw new ApiError('UNAUTHORIZED', 'Authorization header must be "Basic base64(clientId:clientSecret)"');
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const merchant = colon > 0 ? merchants.byClientCredentials(decoded.slice(0, colon), decoded.slice(colon + 1)) : undefined;
  if (!merchant) throw new ApiError('UNAUTHORIZED', 'Invalid Client ID or Client Secret');
  merchants.rememberHeader(header, merchant);
  return merchant;
}

export function authenticators(merchants: Merchants): Record<string, Authenticator> {
  return {
    basicAuth(req) {
      const header = req.headers.authorization ?? '';
      const merchant = merchants.byCheckedHeader(header) ?? checkBasic(header, merchants);
      const tokenId = (req.params as { tokenId?: string }).tokenId ?? '';
      const owner = merchants.byTokenId(tokenId);
      if (!owner) throw new ApiError('TOKEN_ID_NOT_FOUND', `No merchant has the Token ID "${tokenId}"`);
      if (owner.id !== merchant.id) {
        throw new ApiError('TOKEN_ID_MISMATCH', 'The Token ID in the path belongs to another merchant than the Client ID and Client Secret');
      }
      return merchant;
    },
    apiKeyAuth(req) {
      const raw = req.headers['x-api-key'];
      const key = Array.isArray(raw) ? raw[0] : raw;
      if (!key) throw new ApiError('UNAUTHORIZED', "The X-API-KEY header with the merchant's secret key is required");
      const merchant = merchants.byApiKey(key);
      if (!merchant) throw new ApiError('UNAUTHORIZED', 'Invalid X-API-KEY');
      return merchant;
    },
  };
}
