// The seed of a torture test inside `npm test`: TORTURE_SEED when given (to repeat a failing run), a new
// one otherwise; printed either way, so a failure seen in a CI log can be run again exactly.
export function tortureSeed(test: string, command: string): number {
  const given = process.env.TORTURE_SEED;
  if (given !== undefined && !/^\d{1,9}$/.test(given)) throw new Error(`TORTURE_SEED must be a whole number, got "${given}"`);
  const seed = given === undefined ? Date.now() % 1_000_000 : Number(given);
  console.log(
    `${test}: seed ${seed}${given === undefined ? ' (new)' : ' (TORTURE_SEED)'}; repeat with TORTURE_SEED=${seed} npx vitest run ${command}, or npm run ${test} -- --seed ${seed}`,
  );
  return seed;
}
