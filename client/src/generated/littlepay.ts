// Generated from the contract by `npm run generate` (openapi-typescript). Do not edit.
export type paths = {
    "/api/payments/{tokenId}/pay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a payment intent
         * @description Creates a payment intent for the merchant whose Token ID is in the path, authenticated with that
         *     merchant's Client ID and Client Secret. The merchant `key` is unique per merchant: sending the same
         *     key with an identical body answers the original intent again (a safe retry); a different body is a 409.
         */
        post: operations["createIntent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/pay/{reference}/process": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Pay an intent by mobile money or card
         * @description Starts a payment attempt. Mobile money answers `PENDING` at once (the shopper gets a PIN prompt); the
         *     final result comes by callback and by status. With `longPoll=true` the answer is held until the
         *     payment is final, or until the long-poll window closes (then `PENDING`).
         *     A card is authorised at once when 3-D Secure is already decided (enroll, then any challenge);
         *     otherwise the attempt waits for enroll and the challenge (a long-polled card answer is held until
         *     then, up to the 3-D Secure timeout). After enroll or cspaToken `{ "type": "CARDS" }` alone is enough.
         *     A saved card (Tokenization Guide) pays with `{ "type": "CARDS", "payment": { "customer": { "id" } } }`
         *     on any intent of the merchant whose card payment saved it: no card details, no 3-D Secure, final at
         *     once. A token of another merchant (403 `TOKEN_OTHER_MERCHANT`), of the other environment (403
         *     `TOKEN_WRONG_ENVIRONMENT`), unknown (404 `TOKEN_NOT_FOUND`) or sent with card fields (400
         *     `TOKEN_WITH_CARD_DETAILS`) is refused and changes nothing.
         */
        post: operations["processPayment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/pay/{reference}/cspaToken": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 3-D Secure step 1, the device-data-collection token
         * @description Checks the card (Luhn, expiry, CVV length) and starts its 3-D Secure session. `accessToken` is a JWT
         *     signed RS256 by the simulator; form-POST it as `JWT` to `deviceDataCollectionUrl` in a hidden iframe,
         *     which posts a `profile.completed` message back to its parent, as Cardinal's page does.
         */
        post: operations["createPaToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/pay/{reference}/enroll": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 3-D Secure step 3, check enrollment and get the step-up decision
         * @description Takes the browser's device information, with the card (as the official client sends it) or without
         *     it after cspaToken. The test card decides the action: MAKE_PAYMENT (frictionless), AUTHENTICATE
         *     (form-POST `JWT` = accessToken and `MD` = the reference to stepUpUrl) or FAILED. A card `process`
         *     already waiting is finalised as soon as authentication is decided.
         */
        post: operations["checkEnrollment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/payments-v2/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Payment status by reference or merchant key
         * @description Looks the intent up by Little Pay's `reference` or the merchant's own `key`, only within the merchant that owns the secret key.
         */
        get: operations["getPaymentStatus"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/refund/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Refund a completed payment (fully or in part)
         * @description Refunds part or all of a COMPLETED payment, by reference or merchant key. Several partial refunds
         *     may be made until the paid amount is used up. The answer is `COMPLETED` or `FAILED` when the refund
         *     is final at once (a card refund, a declined refund), else `PENDING`, and the result is posted later
         *     to this request's `callbackUrl` (only ever after a `PENDING` answer). A `FAILED` refund, at once or
         *     later, leaves the amount refundable. In the simulator a refund of 901 fails at once, 902 fails after
         *     the refund delay, 903 stays `PENDING` for a day of the merchant's clock; `GET /_sim/scenarios` lists them.
         */
        post: operations["refundPayment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
};
export type webhooks = {
    paymentCallback: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The payment result, posted to the intent's callbackUrl
         * @description Sent once per attempt that reaches a final state. The body is compact JSON (no spaces) and is signed:
         *     `X-LittlePay-Signature` is the base64 RSA-SHA256 signature of `X-LittlePay-Timestamp + "." + body`.
         */
        post: operations["paymentCallback"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    refundCallback: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The refund result, posted to the refund request's callbackUrl (only after a PENDING answer) */
        post: operations["refundCallback"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
};
export type components = {
    schemas: {
        /**
         * Format: date-time
         * @description Server time, ISO-8601 UTC with milliseconds.
         */
        Date: string;
        /** @description ISO 4217 code; which ones a merchant takes is set per merchant. */
        Currency: string;
        /** @description Major units; decimals allowed (MPESA rounds to whole units). */
        Amount: number;
        /** @enum {string} */
        Provider: "MPESA" | "AIRTEL" | "MTN" | "TIGOPESA" | "CARDS";
        /** @enum {string} */
        PaymentStatus: "PENDING" | "COMPLETED" | "FAILED";
        /** @enum {string} */
        FinalStatus: "COMPLETED" | "FAILED";
        /** Format: uri */
        HttpUrl: string;
        /** @description All optional; with a billing address at least one of email and phoneNumber is required. */
        BillingAddress: {
            firstName?: string;
            lastName?: string;
            address1?: string;
            locality?: string;
            administrativeArea?: string;
            postalCode?: string;
            country?: string;
            email?: string;
            phoneNumber?: string;
        };
        IntentPayload: {
            billingAddress?: components["schemas"]["BillingAddress"];
            /** @description Free-form merchant data, stored and echoed as given. */
            customData?: unknown;
        };
        IntentMetadata: {
            authenticationRedirectUrl?: components["schemas"]["HttpUrl"];
            /** @description Save the card as a token (Customer ID) when the card payment succeeds. */
            createCustomer?: boolean;
        };
        CreateIntentRequest: {
            amount: components["schemas"]["Amount"];
            currency?: components["schemas"]["Currency"];
            description: string;
            callbackUrl: components["schemas"]["HttpUrl"];
            key: string;
            returnUrl?: components["schemas"]["HttpUrl"];
            /** @description Minutes until the intent expires (default 30). */
            expiresAt?: number;
            payload?: components["schemas"]["IntentPayload"];
            metadata?: components["schemas"]["IntentMetadata"];
        };
        PaToken: {
            accessToken: string;
            /** Format: uri */
            deviceDataCollectionUrl: string;
            referenceId: string;
            token: string;
        };
        CreateIntentResponse: {
            date: components["schemas"]["Date"];
            data: {
                /** Format: uuid */
                reference: string;
                /** Format: uri */
                checkoutUrl: string;
                message: string;
                paToken?: components["schemas"]["PaToken"];
            };
        };
        MobilePayment: {
            mobile: string;
        };
        CardDetails: {
            cc_number: string;
            cc_cvv: string;
            cc_exp: string;
            cc_name: string;
        };
        SavedCustomer: {
            id: string;
        };
        /** @description Either the four card fields, or a saved card's `customer`; never both. */
        CardProcessPayment: {
            cc_number?: components["schemas"]["CardDetails"]["cc_number"];
            cc_cvv?: components["schemas"]["CardDetails"]["cc_cvv"];
            cc_exp?: components["schemas"]["CardDetails"]["cc_exp"];
            cc_name?: components["schemas"]["CardDetails"]["cc_name"];
            customer?: components["schemas"]["SavedCustomer"];
        };
        MobileMoneyProcessRequest: {
            /** @enum {string} */
            type: "MPESA" | "AIRTEL" | "MTN" | "TIGOPESA";
            payment: components["schemas"]["MobilePayment"];
        };
        /** @description `payment` may be left out after enrollment (the card given to cspaToken or enroll is used). */
        CardProcessRequest: {
            /** @constant */
            type: "CARDS";
            payment?: components["schemas"]["CardProcessPayment"];
        };
        ProcessPaymentRequest: components["schemas"]["MobileMoneyProcessRequest"] | components["schemas"]["CardProcessRequest"];
        CardPaymentRequest: {
            /** @constant */
            type: "CARDS";
            payment: components["schemas"]["CardDetails"];
        };
        DeviceInformation: {
            httpBrowserColorDepth: number;
            httpBrowserJavaEnabled: boolean;
            httpBrowserJavaScriptEnabled: boolean;
            httpBrowserLanguage: string;
            httpBrowserScreenHeight: number;
            httpBrowserScreenWidth: number;
            httpBrowserTimeDifference: number;
        };
        EnrollRequest: {
            deviceInformation: components["schemas"]["DeviceInformation"];
            /** @constant */
            type?: "CARDS";
            payment?: components["schemas"]["CardDetails"];
        };
        PaTokenResponse: {
            date: components["schemas"]["Date"];
            data: {
                reference: string;
                message: string;
                paToken: components["schemas"]["PaToken"];
            };
        };
        EnrollResponse: {
            date: components["schemas"]["Date"];
            data: {
                /** @enum {string} */
                action: "MAKE_PAYMENT" | "AUTHENTICATE" | "FAILED";
                /** @description Why enroll decided as it did. Not in the official client's types and not required, so do not depend on it (docs/decisions/0085). */
                message?: string;
                accessToken?: string;
                /** Format: uri */
                stepUpUrl?: string;
            };
        };
        /** @description The M-Pesa leg's raw result, as integrators read it after a long-polled payment. */
        MpesaResponse: {
            MobileNumber: string;
            TrxID: string;
            ResultCode: number;
            ResultDesc: string;
        };
        ProcessMeta: {
            provider: components["schemas"]["Provider"];
            providerReference: string;
            stepUpUrl: string | null;
            accessToken: string | null;
            amount: number;
            currency: string;
            description: string;
            reference: string;
            mpesaResponse?: components["schemas"]["MpesaResponse"];
        };
        ProcessPaymentResponse: {
            date: components["schemas"]["Date"];
            data: {
                status: components["schemas"]["PaymentStatus"];
                message: string;
                meta: components["schemas"]["ProcessMeta"];
            };
        };
        /** @description What is kept of a card; never the full number or the CVV. */
        MaskedCard: {
            brand: string;
            first6: string;
            last4: string;
            expiry: string;
        };
        TokenInformation: {
            customer: {
                id: string;
            };
        };
        Attempt: {
            /** @description The intent's reference (as in the documented example). */
            reference: string;
            provider: components["schemas"]["Provider"];
            status: components["schemas"]["PaymentStatus"];
            message?: string;
            providerReference?: string;
            date?: components["schemas"]["Date"];
        };
        Refund: {
            amount: number;
            status: components["schemas"]["PaymentStatus"];
            reason?: string;
            date: components["schemas"]["Date"];
        };
        PaymentStatusResponse: {
            date: components["schemas"]["Date"];
            data: {
                reference: string;
                status: components["schemas"]["PaymentStatus"];
                payload: {
                    billingAddress: components["schemas"]["BillingAddress"];
                    customData?: unknown;
                };
                amount: number;
                currency?: string;
                description?: string;
                payment: {
                    provider: components["schemas"]["Provider"] | null;
                    details: components["schemas"]["MaskedCard"] | null;
                };
                key: string;
                /** @description True once the intent is past its expiry without a completed payment. */
                expired?: boolean;
                attempts: components["schemas"]["Attempt"][];
                refunds?: components["schemas"]["Refund"][];
                tokenInformation?: components["schemas"]["TokenInformation"];
            };
        };
        RefundRequest: {
            amount: components["schemas"]["Amount"];
            callbackUrl?: components["schemas"]["HttpUrl"];
            reason?: string;
        };
        RefundResponse: {
            date: components["schemas"]["Date"];
            data: {
                status: components["schemas"]["PaymentStatus"];
                message: string;
            };
        };
        PaymentCallback: {
            reference: string;
            status: components["schemas"]["FinalStatus"];
            payload: {
                billingAddress: components["schemas"]["BillingAddress"];
                customData?: unknown;
            };
            amount: number;
            key: string;
            currency: string;
            provider: components["schemas"]["Provider"];
            date: components["schemas"]["Date"];
            /** @description Card payments only; the card as the status answer shows it (never the number or CVV). */
            payment?: {
                provider: components["schemas"]["Provider"];
                details: components["schemas"]["MaskedCard"];
            };
            tokenInformation?: components["schemas"]["TokenInformation"];
        };
        RefundCallback: {
            status: components["schemas"]["FinalStatus"];
            message: string;
            amount: number;
            reason: string;
            date: components["schemas"]["Date"];
            reference: string;
            key: string;
        };
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
        /** @description The request is malformed or breaks a rule; nothing was changed. */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"];
            };
        };
        /** @description Missing or wrong credentials. */
        Unauthorized: {
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
        /** @description The saved card's token may not pay this intent (Tokenization Guide, Security & Compliance); nothing was changed. */
        TokenForbidden: {
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
    };
    parameters: {
        /** @description Little Pay's reference of the intent, from create intent. */
        Reference: string;
        /** @description The intent's reference or the merchant's own key. */
        ReferenceOrKey: string;
        /** @description Base64 RSA-SHA256 (PKCS#1 v1.5) signature of `timestamp + "." + body`. */
        SignatureHeader: string;
        /** @description UNIX time in seconds when the callback was signed. */
        TimestampHeader: string;
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
};
export type $defs = Record<string, never>;
export interface operations {
    createIntent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The merchant's Token ID. */
                tokenId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateIntentRequest"];
            };
        };
        responses: {
            /** @description The intent was created (or, for a repeated identical request, the original intent). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreateIntentResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
        };
    };
    processPayment: {
        parameters: {
            query?: {
                /** @description Hold the answer until the payment is final (or the long-poll window closes). */
                longPoll?: boolean;
            };
            header?: never;
            path: {
                /** @description Little Pay's reference of the intent, from create intent. */
                reference: components["parameters"]["Reference"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProcessPaymentRequest"];
            };
        };
        responses: {
            /** @description The attempt's state (PENDING, or final with longPoll). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProcessPaymentResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            403: components["responses"]["TokenForbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
        };
    };
    createPaToken: {
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
                "application/json": components["schemas"]["CardPaymentRequest"];
            };
        };
        responses: {
            /** @description The token for Cardinal's device data collection. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaTokenResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
        };
    };
    checkEnrollment: {
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
                "application/json": components["schemas"]["EnrollRequest"];
            };
        };
        responses: {
            /** @description The step-up decision. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EnrollResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
        };
    };
    getPaymentStatus: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The intent's reference or the merchant's own key. */
                key: components["parameters"]["ReferenceOrKey"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The intent with every attempt. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentStatusResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
        };
    };
    refundPayment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The intent's reference or the merchant's own key. */
                key: components["parameters"]["ReferenceOrKey"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefundRequest"];
            };
        };
        responses: {
            /** @description The refund's state. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RefundResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
        };
    };
    paymentCallback: {
        parameters: {
            query?: never;
            header: {
                /** @description Base64 RSA-SHA256 (PKCS#1 v1.5) signature of `timestamp + "." + body`. */
                "X-LittlePay-Signature": components["parameters"]["SignatureHeader"];
                /** @description UNIX time in seconds when the callback was signed. */
                "X-LittlePay-Timestamp": components["parameters"]["TimestampHeader"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PaymentCallback"];
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the callback; anything else is retried. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    refundCallback: {
        parameters: {
            query?: never;
            header: {
                /** @description Base64 RSA-SHA256 (PKCS#1 v1.5) signature of `timestamp + "." + body`. */
                "X-LittlePay-Signature": components["parameters"]["SignatureHeader"];
                /** @description UNIX time in seconds when the callback was signed. */
                "X-LittlePay-Timestamp": components["parameters"]["TimestampHeader"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefundCallback"];
            };
        };
        responses: {
            /** @description Any 2xx acknowledges the callback; anything else is retried. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
}
