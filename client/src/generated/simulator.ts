// Generated from the contract by `npm run generate` (openapi-typescript). Do not edit.
export type paths = {
    "/_sim/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Health and readiness
         * @description Open even with an admin token, so that probes (the Docker HEALTHCHECK) need no secret.
         */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/_sim/merchants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every merchant with its credentials */
        get: operations["listMerchants"];
        put?: never;
        /**
         * Create a merchant (so that each test can have its own)
         * @description Credentials are generated from the seed unless given. Fixed credentials (and a fixed id) let a CI
         *     job configure its application once; each must be unused by every other merchant.
         */
        post: operations["createMerchant"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/_sim/scenarios": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The catalogue of test numbers (and cards) and the outcome each one triggers */
        get: operations["listScenarios"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/_sim/keys/callback.pem": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The public key that verifies this simulator's callback signatures (PEM)
         * @description Open even with an admin token, so that a callback receiver can fetch the key it verifies with.
         */
        get: operations["getCallbackPublicKey"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/_sim/callbacks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The callback outbox, newest first, with every delivery attempt */
        get: operations["listCallbacks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/_sim/inbox/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        /** What the inbox received, oldest first */
        get: operations["listInbox"];
        put?: never;
        /**
         * A built-in callback receiver; use `<PUBLIC_URL>/_sim/inbox/{name}` as a callbackUrl
         * @description Accepts any JSON body, checks its Little Pay signature against this simulator's key and keeps it.
         *     Open even with an admin token: it stands in for a merchant's callback endpoint, which Little Pay calls
         *     with a signature, not a bearer token.
         */
        post: operations["receiveInboxCallback"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/_sim/merchants/{merchantId}/callbacks": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The merchant's id, from GET /_sim/merchants. */
                merchantId: components["parameters"]["MerchantId"];
            };
            cookie?: never;
        };
        /**
         * One merchant's callbacks, newest first, each with its delivery log
         * @description Payment and refund callbacks, replays and deliberate duplicates of one merchant. Delivered callbacks
         *     beyond CALLBACK_MEMORY_LIMIT are dropped from memory (oldest first) and no longer listed; pending and
         *     failed ones always are.
         */
        get: operations["listMerchantCallbacks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/_sim/callbacks/{id}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The callback's id (`cb_…`). */
                id: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a callback again, freshly signed
         * @description Queues a copy of the callback (`origin: replay`, `originalId` naming the first one) with the same body,
         *     due now on the merchant's clock; it is signed when it is sent and retried like any other callback.
         *     Answers at once: follow the delivery in the callback list.
         */
        post: operations["replayCallback"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/_sim/merchants/{merchantId}/callback-settings": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The merchant's id, from GET /_sim/merchants. */
                merchantId: components["parameters"]["MerchantId"];
            };
            cookie?: never;
        };
        /** How this merchant's callbacks are delivered (deliberate duplicates, reordering) */
        get: operations["getCallbackSettings"];
        put?: never;
        /**
         * Turn deliberate duplicates or reordering on or off, to test an idempotent receiver
         * @description `duplicates`: every callback answered with a 2xx is sent once more, freshly signed, a second later.
         *     `reorder`: a new callback is held for `reorderHoldMs`; held callbacks are released newest first, a
         *     second apart, once no newer one is held. Fields left out keep their value.
         */
        post: operations["updateCallbackSettings"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/_sim/merchants/{merchantId}/callback-check": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The merchant's id, from GET /_sim/merchants. */
                merchantId: components["parameters"]["MerchantId"];
            };
            cookie?: never;
        };
        /** The merchant's last receiver check */
        get: operations["getCallbackCheck"];
        put?: never;
        /**
         * Tell whether a callback receiver is safe
         * @description Sends the URL five signed callbacks marked as test data (`payload.customData.littlepaySimReceiverCheck`
         *     and the header `X-LittlePay-Sim-Check`), one after the other: a body changed after signing, a
         *     signature that does not match, a correct signature with a timestamp 10 minutes old, a valid callback
         *     and the same callback again. A safe receiver answers a 2xx to the valid one and the duplicate only,
         *     each within CALLBACK_TIMEOUT_MS. Answers when all five are graded; the report is also kept as the
         *     merchant's last check.
         */
        post: operations["checkCallbackReceiver"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/_sim/intents/{reference}/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Little Pay's reference of the intent, from create intent. */
                reference: components["parameters"]["Reference"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Answer the payment's waiting shopper step now, with any outcome
         * @description What the shopper does on the phone or at the 3-D Secure challenge, done now instead of waiting for
         *     the PIN delay or a browser. For a mobile-money attempt waiting on the PIN prompt, `outcome` is a
         *     mobile outcome of GET /_sim/scenarios (`success`, `cancelled_by_user`, `wrong_pin`,
         *     `insufficient_funds`, `no_pin_entered`, `subscriber_busy`); the attempt becomes final at once with
         *     that outcome (its `outcomeSource` is `resolved`) and its callback is queued. For a card payment
         *     waiting on its 3-D Secure challenge, `outcome` is `challenge_passed` (the shopper authenticates: it
         *     passes unless the card fails at the challenge), `challenge_rejected` or `challenge_cancelled`, as
         *     POST /_sim/intents/{reference}/challenge answers it. Anything else waiting is a 409.
         */
        post: operations["resolveAttempt"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/_sim/intents/{reference}/refund": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Little Pay's reference of the intent, from create intent. */
                reference: components["parameters"]["Reference"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Refund a payment on behalf of its merchant
         * @description The merchant's POST /api/refund/{key}, without the merchant's API key: the same rules (a COMPLETED
         *     payment only, no more than is left to refund), the same refund record and refund callback.
         */
        post: operations["refundIntent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/_sim/intents/{reference}/expire": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Little Pay's reference of the intent, from create intent. */
                reference: components["parameters"]["Reference"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Make the intent expire now
         * @description Moves the intent's expiry to now on its merchant's clock: it can no longer be paid, and the status API
         *     reports it FAILED with `expired: true` once no attempt is waiting. A COMPLETED payment does not expire (409).
         */
        post: operations["expireIntent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/_sim/intents/{reference}/challenge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Answer an intent's waiting 3-D Secure challenge, as the shopper does on the challenge page
         * @description For tests and scripts without a browser. "authenticate" passes unless the card fails at the
         *     challenge (see GET /_sim/scenarios); "fail" and "cancel" fail the authentication. A card attempt
         *     waiting on the challenge is finalised at once.
         */
        post: operations["answerChallenge"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/_sim/provider-states": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The Pact provider states this simulator can set up
         * @description Names with {environment} (sandbox or production), {PROVIDER} (MPESA, AIRTEL, MTN, TIGOPESA) and {KEY}
         *     (the merchant's own key, 1 to 64 letters, digits, "_" or "-") and {CARD} (a test card number of GET
         *     /_sim/scenarios) filled in by the pact.
         */
        get: operations["listProviderStates"];
        put?: never;
        /**
         * Set up a Pact provider state (the verifier's --state-change-url)
         * @description Sets up the named state through the simulator's own services and answers the values a pact can
         *     inject with fromProviderState (reference, key and the merchant's credentials). Every setup starts
         *     from a fresh merchant holding the fixed credentials of its environment (listed in the README), so
         *     the same state can be set up any number of times. "teardown" changes nothing.
         */
        post: operations["applyProviderState"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/checkout/{reference}/state": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What the hosted checkout page shows of an intent (no credentials, nothing secret)
         * @description Open even with an admin token, since the shopper's browser calls it.
         */
        get: operations["getCheckoutState"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/_sim/reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Forget everything and start afresh
         * @description Removes every merchant, intent, callback, inbox message, queued outcome, fault, test clock and journal
         *     entry, and restarts the id sequences, so the demo merchants come back with the credentials of a first
         *     start. Timers under way are cancelled and held long polls answered. Parallel test jobs should reset
         *     their own merchant instead.
         */
        post: operations["resetAll"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/_sim/merchants/{merchantId}/reset": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The merchant's id, from GET /_sim/merchants. */
                merchantId: components["parameters"]["MerchantId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Forget one merchant's data, keep the merchant and its credentials
         * @description Removes the merchant's intents and callbacks, its queued outcomes and faults, its journal, and puts its
         *     clock back on real time. Its timers are cancelled and its held long polls answered. Other merchants are
         *     untouched.
         */
        post: operations["resetMerchant"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/_sim/merchants/{merchantId}/intents": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The merchant's id, from GET /_sim/merchants. */
                merchantId: components["parameters"]["MerchantId"];
            };
            cookie?: never;
        };
        /** The merchant's intents, newest first, with every attempt and refund */
        get: operations["listMerchantIntents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/_sim/merchants/{merchantId}/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The merchant's id, from GET /_sim/merchants. */
                merchantId: components["parameters"]["MerchantId"];
            };
            cookie?: never;
        };
        /**
         * The merchant's saved cards (tokens), oldest first
         * @description Every token a successful card payment on an intent with `metadata.createCustomer: true` issued for
         *     this merchant, with the masked card and the outcome payments with it follow. Tokens are bound to the
         *     merchant and so to its environment (docs/decisions/0013-tokenization.md).
         */
        get: operations["listSavedCards"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/_sim/merchants/{merchantId}/tokens/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The merchant's id, from GET /_sim/merchants. */
                merchantId: components["parameters"]["MerchantId"];
                /** @description The saved card's token (32 hexadecimal characters). */
                token: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Forget a saved card
         * @description A payment with this token is then refused as an unknown token.
         */
        delete: operations["deleteSavedCard"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/_sim/merchants/{merchantId}/rotate-key": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The merchant's id, from GET /_sim/merchants. */
                merchantId: components["parameters"]["MerchantId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rotate the merchant's keys, as Merchant Settings → Security → Rotate Key does
         * @description Gives the merchant a new clientSecret and a new apiKey (docs/decisions/0106). From the moment this
         *     answers, the old ones are refused by every endpoint (401); the clientId, tokenId and appId stay. The
         *     answer is the merchant with its new credentials.
         */
        post: operations["rotateMerchantKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/_sim/merchants/{merchantId}/clock": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The merchant's id, from GET /_sim/merchants. */
                merchantId: components["parameters"]["MerchantId"];
            };
            cookie?: never;
        };
        /** The merchant's test clock */
        get: operations["getClock"];
        put?: never;
        /**
         * Freeze, resume, advance or set the merchant's test clock
         * @description The clock drives the PIN delay, long-poll timeouts, intent expiry, refund completion and the callback
         *     retry schedule of this merchant only. `advance` and `set` move forward only, firing each timer at its
         *     own time on the way (so an advance of a day runs every callback retry in order), and answer once the
         *     work they set off has finished: attempts decided, refunds finished, callbacks delivered or failed.
         */
        post: operations["controlClock"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/_sim/merchants/{merchantId}/outcomes": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The merchant's id, from GET /_sim/merchants. */
                merchantId: components["parameters"]["MerchantId"];
            };
            cookie?: never;
        };
        /** The merchant's queued outcomes, by provider */
        get: operations["listOutcomes"];
        put?: never;
        /**
         * Queue the outcomes of the merchant's next attempts
         * @description Appends to the queue of one provider, or of `any` provider. Each new attempt of the merchant takes the
         *     head of its provider's queue, else the head of `any`, else the outcome its test number or card
         *     triggers, else `success`. Names come from `GET /_sim/scenarios`; an `any` outcome must be one every
         *     payment provider has. `REFUNDS` is the queue of refund outcomes: each new refund takes its head, else
         *     the outcome its amount triggers, else `success` (`any` never serves a refund).
         */
        post: operations["queueOutcomes"];
        /** Empty every queue of the merchant */
        delete: operations["clearOutcomes"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/_sim/merchants/{merchantId}/avs": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The merchant's id, from GET /_sim/merchants. */
                merchantId: components["parameters"]["MerchantId"];
            };
            cookie?: never;
        };
        /** The address-verification (AVS) rule this merchant's card payments meet */
        get: operations["getAvsSetting"];
        /**
         * Choose when a card payment is declined by address verification
         * @description The Cards guide says the billing address feeds AVS checks and missing data causes declines. After 3-D
         *     Secure, a card payment that the issuer would approve is declined with `avs_declined` (Cybersource's
         *     reason code 200) when the intent's `payload.billingAddress` breaks the rule: `no_address` (the default)
         *     declines when there is no billing address at all; `complete_address` also declines when `address1`,
         *     `locality`, `postalCode` or `country` is missing or blank; `off` never declines. A reset restores the
         *     default.
         */
        put: operations["updateAvsSetting"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/_sim/merchants/{merchantId}/faults": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The merchant's id, from GET /_sim/merchants. */
                merchantId: components["parameters"]["MerchantId"];
            };
            cookie?: never;
        };
        /** The merchant's faults still switched on */
        get: operations["listFaults"];
        put?: never;
        /**
         * Switch on a fault for the merchant's calls to the Little Pay API
         * @description A call belongs to the merchant whose credentials it carries (`/api/...`) or whose intent it names
         *     (`/pay/{reference}/...`). `latency` delays the answer (`ms`, or a seeded draw from `ms` to `maxMs`);
         *     `error` answers `status` instead of running the operation; `drop` closes the connection without an
         *     answer; `commit_then_fail` runs the operation and stores its change, then answers 500 (`respond:
         *     error`) or closes the connection (`respond: drop`). Each applies to the next `count` calls of
         *     `operation` (an operationId of the Little Pay API, or `any`); a latency without `count` lasts until
         *     cleared. A faulted answer has the header `X-Sim-Fault`.
         */
        post: operations["addFault"];
        /** Switch off every fault of the merchant */
        delete: operations["clearFaults"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/_sim/merchants/{merchantId}/requests": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The merchant's id, from GET /_sim/merchants. */
                merchantId: components["parameters"]["MerchantId"];
            };
            cookie?: never;
        };
        /**
         * The merchant's request journal, oldest first
         * @description Every call to the Little Pay API that belongs to the merchant, with the bodies it received and sent
         *     (card numbers cut to the first six and last four digits, CVVs replaced). Kept in memory, at most
         *     JOURNAL_SIZE entries per merchant; the oldest are dropped first.
         */
        get: operations["listRequests"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/_sim/ui/merchants/{merchantId}/callbacks": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The merchant's id, from GET /_sim/merchants. */
                merchantId: components["parameters"]["MerchantId"];
            };
            cookie?: never;
        };
        /**
         * The inspector's callback panel for one merchant (an HTML fragment)
         * @description The merchant's callbacks with every delivery (time, answer, latency, a snippet of the answer body)
         *     and a replay button, its last receiver check, and the built-in inboxes its callbacks went to. Every
         *     value is escaped, so a page can place the fragment as it is.
         */
        get: operations["getInspectorCallbacks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
};
export type webhooks = Record<string, never>;
export type components = {
    schemas: {
        ProviderStateInfo: {
            name: string;
            description: string;
            /** @description The regular expression a state name must match. */
            pattern: string;
        };
        ProviderStateRequest: {
            state: string;
            /** @description Parameters the pact gives with the state; accepted and not used. */
            params?: Record<string, never>;
            /**
             * @default setup
             * @enum {string}
             */
            action: "setup" | "teardown";
        };
        /** @description Empty after a teardown. */
        ProviderStateValues: {
            merchantId?: string;
            clientId?: string;
            clientSecret?: string;
            tokenId?: string;
            apiKey?: string;
            reference?: string;
            key?: string;
            /** @description A saved card (tokenInformation.customer.id), for the states that save one. */
            token?: string;
        } & {
            [key: string]: string | number;
        };
        Health: {
            /**
             * @description `ok` (200) once ready; `starting`, `stopping`, or `down` when a check failed (503).
             * @enum {string}
             */
            status: "ok" | "starting" | "stopping" | "down";
            version: string;
            /** @description The base of checkoutUrl and of the built-in inbox (PUBLIC_URL), as the simulator sees itself. */
            publicUrl: string;
            uptimeSeconds: number;
            checks: {
                /** @enum {string} */
                store: "ok" | "down";
                /** @enum {string} */
                keys: "ok" | "down";
                /** @enum {string} */
                callbackWorker: "ok" | "down";
            };
        };
        /** @enum {string} */
        Environment: "sandbox" | "production";
        Merchant: {
            id: string;
            name: string;
            environment: components["schemas"]["Environment"];
            appId: string;
            clientId: string;
            clientSecret: string;
            /** Format: uuid */
            tokenId: string;
            apiKey: string;
            currencies: string[];
        };
        CreateMerchantRequest: {
            environment: components["schemas"]["Environment"];
            name?: string;
            currencies?: string[];
            id?: string;
            clientId?: string;
            clientSecret?: string;
            /** Format: uuid */
            tokenId?: string;
            apiKey?: string;
        };
        Scenario: {
            /** @description The outcome's name, snake_case. */
            outcome: string;
            /** @enum {string} */
            status: "COMPLETED" | "FAILED";
            description: string;
            message?: string;
            resultCode?: number;
            /**
             * @description For a test card, what enroll answers.
             * @enum {string}
             */
            enroll?: "MAKE_PAYMENT" | "AUTHENTICATE" | "FAILED";
            /**
             * @description For a refund outcome, what the refund call answers; absent when the provider decides (cards COMPLETED, mobile money PENDING).
             * @enum {string}
             */
            answer?: "COMPLETED" | "PENDING" | "FAILED";
            trigger: {
                /** @enum {string} */
                kind: "mobile" | "card" | "refund";
                provider?: string;
                mobile?: string;
                card?: string;
                brand?: string;
                /** @description For a refund outcome, the refund amount that triggers it (from any payment large enough). */
                amount?: number;
                /** @description For outcomes no number chooses, what the tester does to reach it. */
                how?: string;
            };
        };
        ChallengeResult: {
            reference: string;
            /** @enum {string} */
            action: "MAKE_PAYMENT" | "FAILED";
            message: string;
            /**
             * @description The intent's status after the answer (final when a card attempt was waiting on it).
             * @enum {string}
             */
            status: "PENDING" | "COMPLETED" | "FAILED";
        };
        CheckoutState: {
            reference: string;
            merchant: string;
            environment: components["schemas"]["Environment"];
            amount: number;
            currency: string;
            description: string;
            /** @enum {string} */
            status: "PENDING" | "COMPLETED" | "FAILED";
            expired: boolean;
            /** Format: date-time */
            expiresAt: string;
            returnUrl?: string;
            /** @description The latest attempt, if any. */
            attempt: null | {
                provider: string;
                /** @enum {string} */
                status: "PENDING" | "COMPLETED" | "FAILED";
                message: string;
            };
        };
        /** @description One attempt to deliver a callback. */
        Delivery: {
            /**
             * Format: date-time
             * @description When the attempt was made, on the merchant's clock.
             */
            at: string;
            /** @description True only for a 2xx answer within the timeout. */
            ok: boolean;
            /** @description The receiver's HTTP status (absent after a network error or a timeout). */
            statusCode?: number;
            /** @description The network error (ECONNREFUSED, ENOTFOUND, …) or `timeout`. */
            error?: string;
            /** @description Time until the answer, or until the error. */
            latencyMs?: number;
            /** @description The first 200 characters of the answer's body. */
            responseSnippet?: string;
            /**
             * @description The X-LittlePay-Timestamp and X-LittlePay-Signature headers of this attempt (each attempt is signed
             *     afresh). The signed body is the callback's `body` as compact JSON. Absent on attempts recorded before
             *     it was kept.
             */
            signature?: {
                /** @description X-LittlePay-Timestamp: Unix seconds. */
                timestamp: string;
                /** @description X-LittlePay-Signature: base64 RSA-SHA256. */
                value: string;
            };
        };
        Callback: {
            id: string;
            /** @enum {string} */
            kind: "payment" | "refund";
            /**
             * @description `event`: sent because a payment or refund became final; `replay`: asked for with POST /_sim/callbacks/{id}/replay; `duplicate`: a deliberate second delivery (callback settings).
             * @enum {string}
             */
            origin: "event" | "replay" | "duplicate";
            /** @description For a replay or a duplicate, the id of the callback it copies. */
            originalId?: string;
            merchantId: string;
            reference: string;
            url: string;
            /** @enum {string} */
            state: "pending" | "delivered" | "failed";
            /** @description The body as sent (a PaymentCallback or a RefundCallback of the Little Pay contract). */
            body: {
                [key: string]: unknown;
            };
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            nextAttemptAt: string | null;
            deliveries: components["schemas"]["Delivery"][];
        };
        InboxMessage: {
            /** Format: date-time */
            receivedAt: string;
            signatureValid: boolean;
            headers: {
                [key: string]: string;
            };
            body: unknown;
        };
        CallbackList: {
            callbacks: components["schemas"]["Callback"][];
        };
        CallbackSettings: {
            /** @description Send every callback that got a 2xx once more, a second later (same body, fresh signature). */
            duplicates: boolean;
            /** @description Hold new callbacks and release them newest first. */
            reorder: boolean;
            /** @description How long a new callback is held when reorder is on (merchant's clock). */
            reorderHoldMs: number;
        };
        CallbackSettingsUpdate: {
            duplicates?: boolean;
            reorder?: boolean;
            reorderHoldMs?: number;
        };
        CallbackCheckRequest: {
            url: components["schemas"]["HttpUrl"];
            /** @description The merchant key the test callbacks carry (default SIMCHECK_ and a random suffix); give a test order's key if the receiver refuses unknown orders. */
            key?: string;
            amount?: components["schemas"]["Amount"];
            currency?: components["schemas"]["Currency"];
        };
        CallbackCheckCase: {
            /** @enum {string} */
            name: "tampered_body" | "wrong_signature" | "stale_timestamp" | "valid" | "duplicate";
            description: string;
            /**
             * @description `accept`: a 2xx; `reject`: any other status. Both within the timeout.
             * @enum {string}
             */
            expected: "accept" | "reject";
            /** @description The X-LittlePay-Timestamp sent. */
            timestamp?: string;
            /** @description The receiver answered a 2xx. */
            ok: boolean;
            statusCode?: number;
            error?: string;
            latencyMs?: number;
            responseSnippet?: string;
            passed: boolean;
            explanation: string;
        };
        CallbackCheck: {
            id: string;
            merchantId: string;
            url: string;
            /**
             * Format: date-time
             * @description When the check started, on the merchant's clock.
             */
            checkedAt: string;
            /** @description The timeout of each request (CALLBACK_TIMEOUT_MS). */
            timeoutMs: number;
            /** @description Every case passed. */
            safe: boolean;
            summary: string;
            cases: components["schemas"]["CallbackCheckCase"][];
        };
        ResetResult: {
            merchantId: string;
            removed: {
                intents: number;
                callbacks: number;
                /** @description Saved cards (tokens). */
                tokens: number;
                /** @description Journal entries. */
                requests: number;
            };
        };
        /** @description A saved card (token, Little Pay's Customer ID). Only the masked card is kept. */
        SavedCard: {
            /** @description The token: tokenInformation.customer.id. */
            id: string;
            /** @description The only merchant whose intents the token can pay. */
            merchantId: string;
            environment: components["schemas"]["Environment"];
            card: {
                brand: string;
                first6: string;
                last4: string;
                /** @description MM/YY */
                expiry: string;
            };
            /** @description The catalogue outcome of the card's number (GET /_sim/scenarios); payments with the token follow its authorisation declines. */
            cardOutcome: string;
            /** @description The intent whose payment saved the card. */
            reference: string;
            /** Format: date-time */
            createdAt: string;
        };
        SimAttempt: {
            id: string;
            provider: string;
            /** @enum {string} */
            status: "PENDING" | "COMPLETED" | "FAILED";
            /** @description The catalogue outcome the attempt was given when it started. */
            outcome: string;
            /**
             * @description Where the outcome came from (a queued override, the test number or card, neither, or an answer given through POST /_sim/intents/{reference}/resolve).
             * @enum {string}
             */
            outcomeSource: "override" | "trigger" | "default" | "resolved";
            amount: number;
            mobile?: string;
            message: string;
            providerReference: string;
            resultCode?: number;
            /** @description The saved card this card attempt created (createCustomer) or paid with. */
            token?: {
                id: string;
                /** @enum {string} */
                use: "created" | "used";
            };
            /** Format: date-time */
            createdAt: string;
            /**
             * Format: date-time
             * @description When the attempt is (or was) due to become final, on the merchant's clock.
             */
            resolveAt: string;
            /** Format: date-time */
            finishedAt: string | null;
        };
        SimRefund: {
            id: string;
            amount: number;
            /** @enum {string} */
            status: "PENDING" | "COMPLETED" | "FAILED";
            /** @description The refund outcome (GET /_sim/scenarios) it was given when asked for. */
            outcome: string;
            /**
             * @description Where the outcome came from (a queued REFUNDS outcome, the amount, or neither).
             * @enum {string}
             */
            outcomeSource: "override" | "trigger" | "default";
            /** @description The message of its final answer or callback, once final. */
            message?: string;
            /**
             * Format: date-time
             * @description When a PENDING refund is due to become final, on the merchant's clock.
             */
            resolveAt: string | null;
            reason: string;
            callbackUrl?: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            finishedAt: string | null;
        };
        SimIntent: {
            reference: string;
            key: string;
            amount: number;
            currency: string;
            description: string;
            callbackUrl: string;
            /**
             * @description The status the payment status API reports now, on the merchant's clock.
             * @enum {string}
             */
            status: "PENDING" | "COMPLETED" | "FAILED";
            expired: boolean;
            /** Format: date-time */
            expiresAt: string;
            /** Format: date-time */
            createdAt: string;
            attempts: components["schemas"]["SimAttempt"][];
            refunds: components["schemas"]["SimRefund"][];
        };
        Clock: {
            merchantId: string;
            /**
             * Format: date-time
             * @description The merchant's time.
             */
            now: string;
            /** @description Whether the clock stands still until advanced, set or resumed. */
            frozen: boolean;
            /** @description How far ahead of the simulator's own clock this merchant's is. */
            leadMs: number;
            /** @description Attempts, refunds, callback deliveries and long polls waiting on this clock. */
            pendingTimers: number;
        };
        Duration: string;
        ClockAction: {
            /** @constant */
            action: "freeze";
        } | {
            /** @constant */
            action: "resume";
        } | {
            /** @constant */
            action: "advance";
            by: components["schemas"]["Duration"];
        } | {
            /** @constant */
            action: "set";
            /** Format: date-time */
            to: string;
        };
        /**
         * @description A payment provider, `any` payment provider, or `REFUNDS` (the outcomes of refunds).
         * @enum {string}
         */
        OutcomeProvider: "any" | "MPESA" | "AIRTEL" | "MTN" | "TIGOPESA" | "CARDS" | "REFUNDS";
        OutcomeQueues: {
            merchantId: string;
            /** @description The outcomes still queued, by provider (or `any`, or `REFUNDS`); an empty queue is left out. */
            queues: {
                [key: string]: string[];
            };
        };
        QueueOutcomesRequest: {
            provider?: components["schemas"]["OutcomeProvider"];
            outcomes: string[];
        };
        /** @enum {string} */
        AvsRule: "off" | "no_address" | "complete_address";
        AvsSetting: {
            merchantId: string;
            rule: components["schemas"]["AvsRule"];
        };
        AvsSettingUpdate: {
            rule: components["schemas"]["AvsRule"];
        };
        FaultOperation: string;
        FaultCount: number;
        FaultRequest: {
            /** @constant */
            type: "latency";
            operation?: components["schemas"]["FaultOperation"];
            ms: number;
            maxMs?: number;
            count?: components["schemas"]["FaultCount"];
        } | {
            /** @constant */
            type: "error";
            operation?: components["schemas"]["FaultOperation"];
            /** @description Default 503. */
            status?: number;
            count?: components["schemas"]["FaultCount"];
        } | {
            /** @constant */
            type: "drop";
            operation?: components["schemas"]["FaultOperation"];
            count?: components["schemas"]["FaultCount"];
        } | {
            /** @constant */
            type: "commit_then_fail";
            operation?: components["schemas"]["FaultOperation"];
            /**
             * @description Default error (a 500).
             * @enum {string}
             */
            respond?: "error" | "drop";
            count?: components["schemas"]["FaultCount"];
        };
        Fault: {
            id: string;
            /** @enum {string} */
            type: "latency" | "error" | "drop" | "commit_then_fail";
            operation: string;
            /** @description Calls it still applies to; null until cleared. */
            remaining: number | null;
            ms?: number;
            maxMs?: number;
            status?: number;
            /** @enum {string} */
            respond?: "error" | "drop";
            /** Format: date-time */
            createdAt: string;
        };
        FaultList: {
            merchantId: string;
            faults: components["schemas"]["Fault"][];
        };
        JournalEntry: {
            /** @description Numbers the merchant's requests from 1 (from 1 again after a reset). */
            seq: number;
            /**
             * Format: date-time
             * @description When the call was answered, on the merchant's clock.
             */
            at: string;
            operationId: string | null;
            method: string;
            /** @description The path and query string. */
            path: string;
            /** @description The status answered; 0 when the connection was dropped. */
            status: number;
            /** @description Real time taken to answer, added latency included. */
            durationMs: number;
            /** @description The fault applied to the call, as in X-Sim-Fault. */
            fault: string | null;
            /** @description The JSON received (card data masked), or null. */
            requestBody: unknown;
            /** @description The JSON answered, or null when nothing was. */
            responseBody: unknown;
        };
        Journal: {
            merchantId: string;
            /** @description JOURNAL_SIZE, the most entries kept. */
            limit: number;
            /** @description How many older entries were dropped to stay within the limit. */
            dropped: number;
            requests: components["schemas"]["JournalEntry"][];
        };
        /**
         * Format: date-time
         * @description Server time, ISO-8601 UTC with milliseconds.
         */
        Date: string;
        ErrorResponse: {
            date: components["schemas"]["Date"];
            data: {
                /** @description Human-readable; names the field and the rule (the official client shows data.message). */
                message: string;
                /** @description Machine-readable error code, stable across versions. */
                code: string;
                errors?: {
                    field: string;
                    rule: string;
                    message: string;
                }[];
            };
        };
        /** Format: uri */
        HttpUrl: string;
        /** @description Major units; decimals allowed (MPESA rounds to whole units). */
        Amount: number;
        /** @description ISO 4217 code; which ones a merchant takes is set per merchant. */
        Currency: string;
        RefundRequest: {
            amount: components["schemas"]["Amount"];
            callbackUrl?: components["schemas"]["HttpUrl"];
            reason?: string;
        };
    };
    responses: {
        /** @description The request is malformed; nothing was changed. */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description No merchant, callback or check has this id; nothing was changed. */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description The request named a host /_sim does not answer to (SIM_ALLOWED_HOSTS lists more), or a web page of another site asked for a change (SIM_CORS_ORIGINS lists the origins allowed); nothing was changed. */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description The simulator has an admin token and the request did not carry it. */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description No merchant has this id. */
        MerchantNotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description The body is larger than 1 MiB; nothing was changed. */
        PayloadTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description The body is not application/json; nothing was changed. */
        UnsupportedMediaType: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description The token ID, reference or key is not known (to this merchant). */
        "responses-NotFound": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description The request conflicts with the current state; nothing was changed. */
        Conflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
    };
    parameters: {
        /** @description The merchant's id, from GET /_sim/merchants. */
        MerchantId: string;
        /** @description Little Pay's reference of the intent, from create intent. */
        Reference: string;
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
};
export type $defs = Record<string, never>;
export interface operations {
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ready. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
            403: components["responses"]["Forbidden"];
            /** @description Not ready yet, shutting down, or a check failed (the store cannot write). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
        };
    };
    listMerchants: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The merchants. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        merchants: components["schemas"]["Merchant"][];
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    createMerchant: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateMerchantRequest"];
            };
        };
        responses: {
            /** @description The new merchant with its credentials. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Merchant"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description The id or a credential is already another merchant's; nothing was changed. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
        };
    };
    listScenarios: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The catalogue. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        scenarios: components["schemas"]["Scenario"][];
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    getCallbackPublicKey: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description SPKI public key in PEM. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/x-pem-file": string;
                };
            };
            403: components["responses"]["Forbidden"];
        };
    };
    listCallbacks: {
        parameters: {
            query?: {
                merchantId?: string;
                reference?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The callbacks. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        callbacks: components["schemas"]["Callback"][];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    listInbox: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The received callbacks. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        name: string;
                        messages: components["schemas"]["InboxMessage"][];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    receiveInboxCallback: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": unknown;
            };
        };
        responses: {
            /** @description Received. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        received: boolean;
                        signatureValid: boolean;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
        };
    };
    listMerchantCallbacks: {
        parameters: {
            query?: {
                state?: "pending" | "delivered" | "failed";
                reference?: string;
            };
            header?: never;
            path: {
                /** @description The merchant's id, from GET /_sim/merchants. */
                merchantId: components["parameters"]["MerchantId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The merchant's callbacks. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CallbackList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    replayCallback: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The callback's id (`cb_…`). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The replay, queued. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Callback"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    getCallbackSettings: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The merchant's id, from GET /_sim/merchants. */
                merchantId: components["parameters"]["MerchantId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The settings. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CallbackSettings"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    updateCallbackSettings: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The merchant's id, from GET /_sim/merchants. */
                merchantId: components["parameters"]["MerchantId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CallbackSettingsUpdate"];
            };
        };
        responses: {
            /** @description The settings now in force. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CallbackSettings"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
        };
    };
    getCallbackCheck: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The merchant's id, from GET /_sim/merchants. */
                merchantId: components["parameters"]["MerchantId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The last report. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CallbackCheck"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    checkCallbackReceiver: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The merchant's id, from GET /_sim/merchants. */
                merchantId: components["parameters"]["MerchantId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CallbackCheckRequest"];
            };
        };
        responses: {
            /** @description The report (also when the receiver is unsafe or unreachable). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CallbackCheck"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
        };
    };
    resolveAttempt: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Little Pay's reference of the intent, from create intent. */
                reference: components["parameters"]["Reference"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    outcome: "success" | "cancelled_by_user" | "wrong_pin" | "insufficient_funds" | "no_pin_entered" | "subscriber_busy" | "challenge_passed" | "challenge_rejected" | "challenge_cancelled";
                };
            };
        };
        responses: {
            /** @description The payment after the answer. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SimIntent"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["responses-NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
        };
    };
    refundIntent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Little Pay's reference of the intent, from create intent. */
                reference: components["parameters"]["Reference"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefundRequest"];
            };
        };
        responses: {
            /** @description The refund (PENDING for mobile money until the provider confirms it, COMPLETED for cards). */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SimRefund"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["responses-NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
        };
    };
    expireIntent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Little Pay's reference of the intent, from create intent. */
                reference: components["parameters"]["Reference"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The intent, expired. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SimIntent"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["responses-NotFound"];
            409: components["responses"]["Conflict"];
        };
    };
    answerChallenge: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Little Pay's reference of the intent, from create intent. */
                reference: components["parameters"]["Reference"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    answer: "authenticate" | "fail" | "cancel";
                };
            };
        };
        responses: {
            /** @description The challenge's result, as the challenge page posts it to its opener. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChallengeResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["responses-NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
        };
    };
    listProviderStates: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every known state. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        states: components["schemas"]["ProviderStateInfo"][];
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    applyProviderState: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProviderStateRequest"];
            };
        };
        responses: {
            /** @description The values of the state, for provider-state injected values. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProviderStateValues"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
        };
    };
    getCheckoutState: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Little Pay's reference of the intent, from create intent. */
                reference: components["parameters"]["Reference"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The intent as the shopper may see it. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CheckoutState"];
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["responses-NotFound"];
        };
    };
    resetAll: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The merchants after the reset (the demo ones). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        merchants: components["schemas"]["Merchant"][];
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
    resetMerchant: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The merchant's id, from GET /_sim/merchants. */
                merchantId: components["parameters"]["MerchantId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description What was removed. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResetResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["MerchantNotFound"];
        };
    };
    listMerchantIntents: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The merchant's id, from GET /_sim/merchants. */
                merchantId: components["parameters"]["MerchantId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The intents. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        merchantId: string;
                        intents: components["schemas"]["SimIntent"][];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["MerchantNotFound"];
        };
    };
    listSavedCards: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The merchant's id, from GET /_sim/merchants. */
                merchantId: components["parameters"]["MerchantId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The saved cards. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        merchantId: string;
                        tokens: components["schemas"]["SavedCard"][];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["MerchantNotFound"];
        };
    };
    deleteSavedCard: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The merchant's id, from GET /_sim/merchants. */
                merchantId: components["parameters"]["MerchantId"];
                /** @description The saved card's token (32 hexadecimal characters). */
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The saved card that was forgotten. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SavedCard"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
        };
    };
    rotateMerchantKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The merchant's id, from GET /_sim/merchants. */
                merchantId: components["parameters"]["MerchantId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The merchant with its new credentials. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Merchant"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["MerchantNotFound"];
        };
    };
    getClock: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The merchant's id, from GET /_sim/merchants. */
                merchantId: components["parameters"]["MerchantId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The clock. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Clock"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["MerchantNotFound"];
        };
    };
    controlClock: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The merchant's id, from GET /_sim/merchants. */
                merchantId: components["parameters"]["MerchantId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ClockAction"];
            };
        };
        responses: {
            /** @description The clock after the action. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Clock"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["MerchantNotFound"];
            /** @description The clock cannot go there (backwards); nothing was changed. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
        };
    };
    listOutcomes: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The merchant's id, from GET /_sim/merchants. */
                merchantId: components["parameters"]["MerchantId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The queues. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OutcomeQueues"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["MerchantNotFound"];
        };
    };
    queueOutcomes: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The merchant's id, from GET /_sim/merchants. */
                merchantId: components["parameters"]["MerchantId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["QueueOutcomesRequest"];
            };
        };
        responses: {
            /** @description The queues after the change. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OutcomeQueues"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["MerchantNotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
        };
    };
    clearOutcomes: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The merchant's id, from GET /_sim/merchants. */
                merchantId: components["parameters"]["MerchantId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The (empty) queues. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OutcomeQueues"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["MerchantNotFound"];
        };
    };
    getAvsSetting: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The merchant's id, from GET /_sim/merchants. */
                merchantId: components["parameters"]["MerchantId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The rule in force (no_address unless it was changed). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AvsSetting"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["MerchantNotFound"];
        };
    };
    updateAvsSetting: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The merchant's id, from GET /_sim/merchants. */
                merchantId: components["parameters"]["MerchantId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AvsSettingUpdate"];
            };
        };
        responses: {
            /** @description The rule now in force. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AvsSetting"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["MerchantNotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
        };
    };
    listFaults: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The merchant's id, from GET /_sim/merchants. */
                merchantId: components["parameters"]["MerchantId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The faults. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FaultList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["MerchantNotFound"];
        };
    };
    addFault: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The merchant's id, from GET /_sim/merchants. */
                merchantId: components["parameters"]["MerchantId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FaultRequest"];
            };
        };
        responses: {
            /** @description The fault, switched on. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Fault"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["MerchantNotFound"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
        };
    };
    clearFaults: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The merchant's id, from GET /_sim/merchants. */
                merchantId: components["parameters"]["MerchantId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The (empty) list. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FaultList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["MerchantNotFound"];
        };
    };
    listRequests: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The merchant's id, from GET /_sim/merchants. */
                merchantId: components["parameters"]["MerchantId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The journal. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Journal"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["MerchantNotFound"];
        };
    };
    getInspectorCallbacks: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The merchant's id, from GET /_sim/merchants. */
                merchantId: components["parameters"]["MerchantId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The fragment. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["MerchantNotFound"];
        };
    };
}
