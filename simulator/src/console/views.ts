// What the console's routes render and do: its pages, its assets and its actions, in one module that
// routes.ts imports with the first console request instead of at start (runtime/lazy.ts says why).
export { merchantCall, paymentCall, perform } from './actions.js';
export { CONSOLE_CSS } from './assets-css.js';
export { CONSOLE_JS } from './assets-js.js';
export { detailPage } from './detail-page.js';
export { listPage } from './list-page.js';
export { merchantPage, merchantsPage, rotatedPage } from './merchant-page.js';
export { listPayments, readFilter } from './payments-query.js';
export { buildTimeline } from './timeline.js';
