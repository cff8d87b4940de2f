// faker, loaded the first time something needs it: its English locale costs about 18 ms, a tenth of a start
// that needs none of it (the first fake name or number is made long after the first answer). Loaded with
// require, which Node 20.19 and later give ES modules, so that its callers stay synchronous.
import type { Faker } from '@faker-js/faker';
import { createRequire } from 'node:module';

const load = createRequire(import.meta.url);
let instance: Faker | undefined;

export function faker(): Faker {
  instance ??= (load('@faker-js/faker/locale/en') as { faker: Faker }).faker;
  return instance;
}
