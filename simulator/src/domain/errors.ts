// Every error the simulator answers, declared once as data and rendered one way
// ({ date, data: { message, code, errors? } }). The official client reads data.message.

export const errorCatalogue = {
  VALIDATION_ERROR: { status: 400, summary: 'The request does not match the contract' },
  INVALID_JSON: { status: 400, summary: 'The body is not valid JSON' },
  MISSING_CONTACT: { status: 400, summary: 'A billing address needs an email or a phone number' },
  CURRENCY_NOT_ENABLED: { status: 400, summary: 'The merchant does not take this currency' },
  AMOUNT_TOO_SMALL: { status: 400, summary: 'The amount rounds to nothing for this provider' },
  INVALID_CARD: { status: 400, summary: 'The card fails a rule: Luhn check digit, expiry in the past, CVV length, blank name' },
  CARD_REQUIRED: { status: 400, summary: 'No card was given, in this call or to cspaToken/enroll before it' },
  TOKEN_WITH_CARD_DETAILS: { status: 400, summary: 'A payment carries both a saved card token and card fields' },
  UNAUTHORIZED: { status: 401, summary: 'Missing or wrong credentials' },
  TOKEN_ID_MISMATCH: { status: 401, summary: 'The Token ID belongs to another merchant than the credentials' },
  TOKEN_OTHER_MERCHANT: { status: 403, summary: 'The saved card token belongs to another merchant account (tokens are merchant specific)' },
  TOKEN_WRONG_ENVIRONMENT: {
    status: 403,
    summary: 'The saved card token was created in the other environment (sandbox tokens are not valid in production, and vice versa)',
  },
  FORBIDDEN: { status: 403, summary: '/_sim refused the Host the request was sent to, or a state change asked by a page of another site' },
  TOKEN_ID_NOT_FOUND: { status: 404, summary: 'No merchant has this Token ID' },
  INTENT_NOT_FOUND: { status: 404, summary: 'No intent has this reference' },
  PAYMENT_NOT_FOUND: { status: 404, summary: 'No payment of this merchant has this reference or key' },
  TOKEN_NOT_FOUND: { status: 404, summary: 'No saved card has this token (customer.id)' },
  ROUTE_NOT_FOUND: { status: 404, summary: 'No such endpoint' },
  MERCHANT_NOT_FOUND: { status: 404, summary: 'No merchant has this id (/_sim)' },
  CALLBACK_NOT_FOUND: { status: 404, summary: 'No callback in memory has this id (/_sim)' },
  CALLBACK_CHECK_NOT_FOUND: { status: 404, summary: 'The merchant has not run a receiver check yet (/_sim)' },
  METHOD_NOT_ALLOWED: { status: 405, summary: 'The path exists but does not take this method (the Allow header lists those it takes)' },
  DUPLICATE_KEY: { status: 409, summary: 'The key was used before with a different request' },
  INTENT_COMPLETED: { status: 409, summary: 'The intent has already been paid' },
  INTENT_EXPIRED: { status: 409, summary: 'The intent expired before it was paid' },
  PAYMENT_IN_PROGRESS: { status: 409, summary: 'An attempt on this intent is still pending' },
  PAYMENT_NOT_COMPLETED: { status: 409, summary: 'Only a completed payment can be refunded' },
  REFUND_EXCEEDS_BALANCE: { status: 409, summary: 'The refund is more than what is left to refund' },
  CHALLENGE_NOT_PENDING: { status: 409, summary: 'The intent has no 3-D Secure challenge waiting for an answer' },
  NOTHING_TO_RESOLVE: { status: 409, summary: 'The payment has no attempt waiting on the shopper that this outcome can answer (/_sim)' },
  MALFORMED_REQUEST: { status: 400, summary: 'The bytes received are not a valid HTTP/1.1 request (a Content-Length shorter than the body, say)' },
  REQUEST_TIMEOUT: { status: 408, summary: 'The client took longer than HEADERS_TIMEOUT_MS or REQUEST_TIMEOUT_MS to send its request' },
  PAYLOAD_TOO_LARGE: { status: 413, summary: 'The body is too large' },
  URI_TOO_LONG: { status: 414, summary: 'The URL is longer than the server takes' },
  HEADERS_TOO_LARGE: { status: 431, summary: 'The headers are larger than the server takes' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, summary: 'The body must be application/json' },
  INTERNAL_ERROR: { status: 500, summary: 'The simulator failed; this is a bug' },
  // The /_sim control API (docs/decisions/0020-0025).
  UNKNOWN_OUTCOME: { status: 400, summary: 'The outcome is not in the catalogue for this provider' },
  UNKNOWN_OPERATION: { status: 400, summary: 'A fault names an operation the Little Pay API does not have' },
  CREDENTIALS_IN_USE: { status: 409, summary: "The id or a credential is already another merchant's" },
  CLOCK_BACKWARDS: { status: 409, summary: 'A test clock only moves forward' },
  SIMULATED_FAULT: { status: 503, summary: "A fault switched on through /_sim (the status is the fault's)" },
  UNKNOWN_PROVIDER_STATE: { status: 400, summary: 'POST /_sim/provider-states was given a state name it does not know' },
} as const;

export type ErrorCode = keyof typeof errorCatalogue;

export interface FieldError {
  field: string;
  rule: string;
  message: string;
}

export class ApiError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly errors?: FieldError[],
  ) {
    super(message);
    this.status = errorCatalogue[code].status;
  }
}

export function fieldError(code: ErrorCode, field: string, rule: string, message: string): ApiError {
  return new ApiError(code, `${field}: ${message}`, [{ field, rule, message }]);
}
