/**
 * `npm run bench`: scoring throughput per city in Node, on one core. Each city is scored over its fixture
 * personas (validated once, then evaluated in a loop), for a fixed time after a warm-up. Prints a table and,
 * with --json, the figures as JSON. This is a benchmark, not a test: nothing fails on slow machines.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from '../src/engine/document';
import { cityModules, supportedCities, type SupportedCity } from '../src/engine/registry';

const citiesDir = fileURLToPath(new URL('../src/engine/cities/', import.meta.url));

interface Persona {
  asOf: string;
  facts: Record<string, unknown>;
}

/** Validated facts of every fixture persona of a city. */
function personasOf(city: SupportedCity): { facts: Record<string, unknown>; asOf: string }[] {
  const dir = join(citiesDir, city, 'fixtures');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .flatMap((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Persona[])
    .flatMap((p) => {
      const parsed = parseDocument({ city, asOf: p.asOf, facts: p.facts });
      return parsed.ok ? [{ facts: parsed.document.facts, asOf: parsed.document.asOf }] : [];
    });
}

function measure(city: SupportedCity, seconds: number): { personas: number; perSecond: number; nsPerProfile: number } {
  const personas = personasOf(city);
  const evaluate = cityModules[city].evaluate.bind(cityModules[city]);
  let sink = 0;
  const run = (iterations: number) => {
    for (let i = 0; i < iterations; i++) {
      const p = personas[i % personas.length]!;
      sink += evaluate(p.facts, p.asOf).lines.length;
    }
  };
  run(20_000); // warm-up
  let iterations = 0;
  const start = process.hrtime.bigint();
  const budget = BigInt(Math.round(seconds * 1e9));
  while (process.hrtime.bigint() - start < budget) {
    run(5_000);
    iterations += 5_000;
  }
  const elapsed = Number(process.hrtime.bigint() - start) / 1e9;
  if (sink === 0) throw new Error('no lines produced');
  return { personas: personas.length, perSecond: iterations / elapsed, nsPerProfile: (elapsed / iterations) * 1e9 };
}

const seconds = Number(process.env.BENCH_SECONDS ?? 2);
const rows = supportedCities.map((city) => ({ city, ...measure(city, seconds) }));
if (process.argv.includes('--json')) {
  process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
} else {
  process.stdout.write(`node ${process.version}, ${seconds} s per city, one core\n`);
  process.stdout.write('city        personas   profiles/s   µs/profile\n');
  for (const r of rows) {
    process.stdout.write(
      `${r.city.padEnd(11)} ${String(r.personas).padStart(8)} ${Math.round(r.perSecond).toLocaleString('en').padStart(12)} ${(r.nsPerProfile / 1000).toFixed(2).padStart(12)}\n`,
    );
  }
}
