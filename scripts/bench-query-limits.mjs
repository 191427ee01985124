#!/usr/bin/env node
// How much one oversized GraphQL document costs the server: 20,000 aliases sent to a running
// instance (URL, default http://127.0.0.1:3000, e.g. `npm start`), while /health is asked over
// and over. Prints the time to the refusal and /health's slowest answer; asserts nothing.
const url = process.env.URL ?? 'http://127.0.0.1:3000';
const runs = Number(process.env.BENCH_RUNS ?? 5);
const wide = `{ ${Array.from({ length: 20_000 }, (_, i) => `a${i}: me { id }`).join(' ')} }`;

const health = [];
let done = false;
const polling = (async () => {
  while (!done) {
    const started = performance.now();
    await fetch(`${url}/health`).then((r) => r.arrayBuffer());
    health.push(performance.now() - started);
  }
})();

const times = [];
let answer = '';
for (let i = 0; i < runs; i++) {
  const started = performance.now();
  const response = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: wide }) });
  const body = await response.json();
  times.push(performance.now() - started);
  answer = `HTTP ${response.status} ${body.errors?.[0]?.extensions?.code}: ${body.errors?.[0]?.message}`;
}
done = true;
await polling;

const sorted = [...times].sort((a, b) => a - b);
const ms = (value) => `${value.toFixed(0)} ms`;
console.log(`20,000 aliases (${(wide.length / 1024).toFixed(0)} KiB) × ${runs}: ${answer}`);
console.log(`refused after: min ${ms(sorted[0])}, median ${ms(sorted[Math.floor(runs / 2)])}, max ${ms(sorted[runs - 1])}`);
console.log(`/health meanwhile: ${health.length} answers, slowest ${ms(Math.max(...health))}`);
