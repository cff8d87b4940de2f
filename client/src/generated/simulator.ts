// Generated from the contract by `npm run generate` (openapi-typescript). Do not edit.
export type paths = {
    "/_sim/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Health and readiness */
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
        /** Create a merchant (so that each test can have its own) */
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
        /** The public key that verifies this simulator's callback signatures (PEM) */
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
         */
        post: operations["receiveInboxCallback"];
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
        /** What the hosted checkout page shows of an intent (no credentials, nothing secret) */
        get: operations["getCheckoutState"];
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
        } & {
            [key: string]: string | number;
        };
        Health: {
            /** @enum {string} */
            status: "ok" | "starting" | "stopping";
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
            trigger: {
                /** @enum {string} */
                kind: "mobile" | "card";
                provider?: string;
                mobile?: string;
                card?: string;
                brand?: string;
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
        Delivery: {
            /** Format: date-time */
            at: string;
            ok: boolean;
            statusCode?: number;
            error?: string;
            latencyMs?: number;
            responseSnippet?: string;
        };
        Callback: {
            id: string;
            /** @enum {string} */
            kind: "payment" | "refund";
            merchantId: string;
            reference: string;
            url: string;
            /** @enum {string} */
            state: "pending" | "delivered" | "failed";
            body: Record<string, never>;
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
        NotFound: {
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
            /** @description Not ready yet (or shutting down). */
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
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
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
            404: components["responses"]["NotFound"];
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
            404: components["responses"]["NotFound"];
        };
    };
}
