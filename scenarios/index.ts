// Every journey, in the order the runner takes them.
import { cardJourneys } from './journeys/cards.js';
import { controlJourneys } from './journeys/control.js';
import { failureJourneys } from './journeys/failures.js';
import { lifecycleJourneys } from './journeys/lifecycle.js';
import { mobileMoneyJourneys } from './journeys/mobile-money.js';
import { tokenizationJourneys } from './journeys/tokenization.js';
import type { Journey } from './journey.js';

export const journeys: Journey[] = [
  ...mobileMoneyJourneys,
  ...cardJourneys,
  ...tokenizationJourneys,
  ...controlJourneys,
  ...lifecycleJourneys,
  ...failureJourneys,
];
export { callStep, interpolate, runJourney, runJourneys, mismatch, type RunOptions, type JourneyResult } from './runner.js';
export type { Journey, Step, StepCall } from './journey.js';
