// Mobile-money journeys: the Foundation's end-to-end paths, one per outcome class.
import type { Journey } from '../journey.js';
import { intent } from './intent.js';

export const mobileMoneyJourneys: Journey[] = [
  {
    name: 'mpesa-success-refund',
    summary: 'An M-Pesa payment completes, is called back signed, shows in status by key and reference, and is refunded in part',
    environment: 'sandbox',
    steps: [
      {
        call: 'createIntent',
        body: intent('A${run}'),
        expect: { status: 200, body: { data: { message: 'Request processed successfully' } } },
        save: { ref: 'data.reference' },
      },
      {
        call: 'processPayment',
        reference: '${ref}',
        body: { type: 'MPESA', payment: { mobile: '254712345678' } },
        longPoll: true,
        expect: {
          status: 200,
          body: { data: { status: 'COMPLETED', meta: { provider: 'MPESA', amount: 1500, mpesaResponse: { MobileNumber: '254712345678', ResultCode: 0 } } } },
        },
      },
      {
        call: 'awaitCallback',
        count: 1,
        expect: { body: { signatureValid: true, body: { reference: '${ref}', status: 'COMPLETED', key: 'A${run}', provider: 'MPESA', amount: 1500 } } },
      },
      {
        call: 'getPaymentStatus',
        key: 'A${run}',
        expect: { status: 200, body: { data: { reference: '${ref}', status: 'COMPLETED', attempts: [{ status: 'COMPLETED' }] } } },
      },
      { call: 'getPaymentStatus', key: '${ref}', expect: { status: 200, body: { data: { key: 'A${run}', status: 'COMPLETED' } } } },
      {
        call: 'refund',
        key: 'A${run}',
        body: { amount: 500, reason: 'One item out of stock' },
        expect: { status: 200, body: { data: { status: 'PENDING' } } },
      },
      { call: 'refund', key: 'A${run}', body: { amount: 1001 }, expect: { status: 409, body: { data: { code: 'REFUND_EXCEEDS_BALANCE' } } } },
    ],
  },
  {
    name: 'mpesa-insufficient-funds-then-retry',
    summary: 'A payment from an empty wallet fails and is called back FAILED; a retry on the same intent completes',
    environment: 'sandbox',
    steps: [
      { call: 'createIntent', body: intent('B${run}', 99.6), expect: { status: 200 }, save: { ref: 'data.reference' } },
      {
        call: 'processPayment',
        reference: '${ref}',
        body: { type: 'MPESA', payment: { mobile: '254700000001' } },
        longPoll: true,
        expect: {
          status: 200,
          body: {
            data: { status: 'FAILED', message: 'The balance is insufficient for the transaction.', meta: { amount: 100, mpesaResponse: { ResultCode: 1 } } },
          },
        },
      },
      { call: 'awaitCallback', count: 1, expect: { body: { body: { status: 'FAILED', reference: '${ref}' } } } },
      {
        call: 'processPayment',
        reference: '${ref}',
        body: { type: 'MPESA', payment: { mobile: '254712345678' } },
        longPoll: true,
        expect: { status: 200, body: { data: { status: 'COMPLETED' } } },
      },
      {
        call: 'getPaymentStatus',
        key: '${ref}',
        expect: { status: 200, body: { data: { status: 'COMPLETED', attempts: [{ status: 'FAILED' }, { status: 'COMPLETED' }] } } },
      },
      {
        call: 'processPayment',
        reference: '${ref}',
        body: { type: 'MPESA', payment: { mobile: '254712345678' } },
        expect: { status: 409, body: { data: { code: 'INTENT_COMPLETED' } } },
      },
    ],
  },
  {
    name: 'airtel-cancelled-by-user',
    summary: 'An Airtel payment the shopper cancels ends FAILED with the provider message',
    environment: 'sandbox',
    steps: [
      { call: 'createIntent', body: intent('C${run}'), expect: { status: 200 }, save: { ref: 'data.reference' } },
      {
        call: 'processPayment',
        reference: '${ref}',
        body: { type: 'AIRTEL', payment: { mobile: '254733000032' } },
        longPoll: true,
        expect: { status: 200, body: { data: { status: 'FAILED', message: 'Request cancelled by user.' } } },
      },
      { call: 'getPaymentStatus', key: 'C${run}', expect: { status: 200, body: { data: { status: 'FAILED' } } } },
    ],
  },
  {
    name: 'bad-input-and-safe-retry',
    summary: 'A number with "+" is a 400 naming the field; the same key and body is a safe retry, a different body a 409',
    environment: 'sandbox',
    steps: [
      { call: 'createIntent', body: intent('D${run}'), expect: { status: 200 }, save: { ref: 'data.reference' } },
      {
        call: 'processPayment',
        reference: '${ref}',
        body: { type: 'MPESA', payment: { mobile: '+254712345678' } },
        expect: { status: 400, body: { data: { code: 'VALIDATION_ERROR', errors: [{ field: 'body.payment.mobile' }] } } },
      },
      { call: 'createIntent', body: intent('D${run}'), expect: { status: 200, body: { data: { reference: '${ref}' } } } },
      { call: 'createIntent', body: intent('D${run}', 10), expect: { status: 409, body: { data: { code: 'DUPLICATE_KEY' } } } },
      { call: 'getPaymentStatus', key: 'D${run}', expect: { status: 200, body: { data: { status: 'PENDING', attempts: [] } } } },
    ],
  },
];
