// Address verification (AVS) of card payments: the Cards guide says the billing address feeds AVS checks
// and that missing or incomplete data causes declines (littlepay-api.md §4.1). The rule a merchant meets is
// a /_sim setting; the default and the reasons are in docs/decisions/0081-avs-declines.md.
import type { AvsRule, BillingAddress } from './records.js';
import { cardResult, type CardResult } from './three-ds.js';

/** No billing address at all is declined; any address passes (which fields a real issuer compares is not documented). */
export const DEFAULT_AVS_RULE: AvsRule = 'no_address';

/** The fields AVS compares (street and postal code) and those that locate them: what `complete_address` asks for. */
const ADDRESS_FIELDS = ['address1', 'locality', 'postalCode', 'country'] as const;

const filled = (value: string | undefined) => value !== undefined && value.trim() !== '';

function passesAvs(rule: AvsRule, billing: BillingAddress | undefined): boolean {
  if (rule === 'off') return true;
  if (!billing || !Object.values(billing).some((v) => typeof v === 'string' && filled(v))) return false;
  return rule === 'no_address' || ADDRESS_FIELDS.every((f) => filled(billing[f]));
}

/**
 * The result of an authorisation after the AVS rule. AVS only turns an approval into a decline
 * (Cybersource's "soft decline", reason code 200): an issuer's own decline or a failed authentication
 * stands as it is.
 */
export function afterAvs(result: CardResult, rule: AvsRule, billing: BillingAddress | undefined): CardResult {
  return result.status === 'COMPLETED' && !passesAvs(rule, billing) ? cardResult('avs_declined') : result;
}
