// A journey is data: the calls to make with the typed client and what each answer must contain.
// Strings may use ${name}: ${run} is unique per run (so keys never collide on a shared simulator),
// ${inbox} is this run's callback inbox URL, ${merchant} its merchant's id, and any value a step saves is available to later steps.
import type { Schemas, SimSchemas } from '../client/src/index.js';
import type { SimStepArgs } from './sim-steps.js';

export type Expect = {
  status: number;
  /** A partial deep match of the JSON answer (arrays match element by element, by length too). */
  body?: unknown;
};

/** The merchant API steps may act as one of the journey's other merchants (see Journey.others). */
type As = { as?: string };

export type Step =
  /** `tokenIdOf`: another merchant of the journey whose Token ID goes in the path (the credentials stay the acting merchant's). */
  | ({ call: 'createIntent'; body: Schemas['CreateIntentRequest']; tokenIdOf?: string; expect: Expect; save?: Record<string, string> } & As)
  | { call: 'processPayment'; reference: string; body: Schemas['ProcessPaymentRequest']; longPoll?: boolean; expect: Expect; save?: Record<string, string> }
  | { call: 'createPaToken'; reference: string; body: Schemas['CardPaymentRequest']; expect: Expect; save?: Record<string, string> }
  | { call: 'checkEnrollment'; reference: string; body: Schemas['EnrollRequest']; expect: Expect; save?: Record<string, string> }
  /** The shopper's answer on the challenge page, given through /_sim. */
  | { call: 'answerChallenge'; reference: string; answer: 'authenticate' | 'fail' | 'cancel'; expect: Expect; save?: Record<string, string> }
  | ({ call: 'getPaymentStatus'; key: string; expect: Expect; save?: Record<string, string> } & As)
  | ({ call: 'refund'; key: string; body: Schemas['RefundRequest']; expect: Expect; save?: Record<string, string> } & As)
  /** A call to the simulator's own /_sim API. */
  | ({ call: 'sim'; expect: Expect; save?: Record<string, string> } & SimStepArgs)
  /** Waits (bounded) until this run's inbox holds `count` callbacks, then matches the last one (and may save from it). */
  | { call: 'awaitCallback'; count: number; expect: { body: unknown }; save?: Record<string, string> }
  /** /_sim: queues the outcomes of this run's merchant's next attempts. */
  | { call: 'queueOutcomes'; body: SimSchemas['QueueOutcomesRequest']; expect: Expect; save?: Record<string, string> }
  /** /_sim: freezes, resumes, advances or sets this run's merchant's test clock. */
  | { call: 'clock'; body: SimSchemas['ClockAction']; expect: Expect; save?: Record<string, string> };

/** A step as a call to make, without what a journey expects of its answer (the drift check compares answers instead). */
export type StepCall = Exclude<Step, { call: 'awaitCallback' }> extends infer S ? (S extends unknown ? Omit<S, 'expect' | 'save'> : never) : never;

export interface Journey {
  name: string;
  /** What the journey proves, in a sentence. */
  summary: string;
  /** Each run uses a new merchant of this environment (created through /_sim), isolated from others. */
  environment: 'sandbox' | 'production';
  /**
   * More merchants the run creates, by name (each isolated like the run's own): `${name}` is its id, and a
   * merchant API step with `as: name` uses its credentials. For the rules between merchants and environments.
   */
  others?: Record<string, 'sandbox' | 'production'>;
  /** Forgets everyone's data (POST /_sim/reset): left out of a default run, which must be safe on a shared simulator. */
  resetsEverything?: boolean;
  steps: Step[];
}
