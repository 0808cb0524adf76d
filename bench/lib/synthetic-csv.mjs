// A deterministic, seeded synthetic CSV: 20 columns of customer-like data (12 numeric, five of
// them with ~2% missing cells; 5 categorical with vocabularies of 3 to 50 values and skewed
// frequencies; a boolean; an ISO date) and a 3-class `label` that depends on a few of them plus
// noise, so the file looks like data rather than uniform noise. Rows are streamed to disk in
// batches; the file is never held in memory.
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createRequire } from 'node:module';

/**
 * The platform's own seeded PRNG (mulberry32), from the built @aiaas/data. Loaded on first use:
 * this module is imported before the benchmark has checked (and if need be made) the build.
 */
function seededRandom(seed) {
  return createRequire(import.meta.url)('../../libs/data/dist/index.js').createSeededRandom(seed);
}

function normalSampler(random) {
  let spare;
  return () => {
    if (spare !== undefined) {
      const value = spare;
      spare = undefined;
      return value;
    }
    let u = 0;
    while (u === 0) u = random();
    const radius = Math.sqrt(-2 * Math.log(u));
    const angle = 2 * Math.PI * random();
    spare = radius * Math.sin(angle);
    return radius * Math.cos(angle);
  };
}

/** Picks from `values` with Zipf-like weights (1/rank^s), so a few categories dominate. */
function zipfPicker(values, random, exponent = 1.1) {
  const weights = values.map((_, rank) => 1 / (rank + 1) ** exponent);
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const cumulative = [];
  let running = 0;
  for (const weight of weights) cumulative.push((running += weight / total));
  return () => {
    const u = random();
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (cumulative[middle] < u) low = middle + 1;
      else high = middle;
    }
    return values[low];
  };
}

const PLANS = ['basic', 'standard', 'premium'];
const DEVICES = ['android', 'ios', 'windows', 'macos', 'linux', 'chromeos', 'other'];
const CHANNELS = ['organic', 'paid-search', 'social', 'email', 'referral', 'affiliate', 'display', 'video', 'podcast', 'partner', 'direct', 'events'];
const REGIONS = ['US', 'GB', 'DE', 'FR', 'ES', 'IT', 'NL', 'SE', 'NO', 'DK', 'FI', 'PL', 'PT', 'IE', 'CA', 'MX', 'BR', 'AR', 'JP', 'KR', 'IN', 'AU', 'NZ', 'ZA', 'SG'];
const ADJECTIVES = ['smart', 'eco', 'pro', 'mini', 'ultra'];
const NOUNS = ['lamp', 'kettle', 'speaker', 'router', 'camera', 'watch', 'blender', 'scale', 'heater', 'drone'];
const PRODUCTS = ADJECTIVES.flatMap((adjective) => NOUNS.map((noun) => `${adjective}-${noun}`));

/** The header, in file order: 12 numeric, 5 categorical, 1 boolean, 1 date, then the label. */
export const COLUMNS = Object.freeze([
  'age',
  'income',
  'tenure_months',
  'monthly_spend',
  'sessions_30d',
  'avg_session_min',
  'support_tickets',
  'credit_score',
  'discount_rate',
  'latitude',
  'longitude',
  'satisfaction',
  'plan',
  'device',
  'channel',
  'region',
  'product',
  'is_member',
  'signup_date',
  'label',
]);

/** The column types the service should infer for this file (used to sanity-check a run). */
export const EXPECTED_TYPES = Object.freeze({ numeric: 12, categorical: 6, boolean: 1, timestamp: 1 });

const MISSING_RATE = 0.02;
const DATE_START = Date.UTC(2015, 0, 1);
const DATE_DAYS = 3653;
const DAY_MS = 86_400_000;
const clamp = (value, low, high) => Math.min(high, Math.max(low, value));

/** A row factory: each call returns the next row as one CSV line (no newline). */
export function createRowGenerator(seed) {
  const random = seededRandom(seed);
  const normal = normalSampler(random);
  const pick = {
    plan: zipfPicker(PLANS, random, 0.8),
    device: zipfPicker(DEVICES, random),
    channel: zipfPicker(CHANNELS, random),
    region: zipfPicker(REGIONS, random),
    product: zipfPicker(PRODUCTS, random),
  };
  // Missing cells are written as empty fields, the commonest spelling in real exports.
  const maybe = (text) => (random() < MISSING_RATE ? '' : text);
  return () => {
    const age = Math.round(clamp(42 + 14 * normal(), 18, 90));
    const income = Math.exp(10.6 + 0.5 * normal());
    const tenure = Math.floor(random() * 121);
    const plan = pick.plan();
    const planLevel = PLANS.indexOf(plan);
    const spend = clamp(40 + 25 * planLevel + 20 * normal(), 5, 400);
    const sessions = Math.floor(-Math.log(1 - random()) * 12);
    const sessionMinutes = clamp(8 + 4 * normal(), 0.5, 90);
    const tickets = Math.min(10, Math.floor(-Math.log(1 - random()) * 1.2));
    const credit = Math.round(clamp(680 + 70 * normal(), 300, 850));
    const discount = random() * 0.5;
    const latitude = -60 + random() * 130;
    const longitude = -180 + random() * 360;
    const satisfaction = clamp(6.5 + 1.8 * normal() - 0.4 * tickets, 1, 10);
    const member = random() < 0.35;
    const signup = new Date(DATE_START + Math.floor(random() * DATE_DAYS) * DAY_MS).toISOString().slice(0, 10);
    // Churn risk: short tenure, low satisfaction and many tickets raise it; membership and a
    // higher plan lower it. Thresholds give roughly 45% low / 35% medium / 20% high.
    const score = 0.9 * (tickets / 3) - 0.45 * (satisfaction - 6.5) - tenure / 60 - 0.5 * planLevel - (member ? 0.6 : 0) + 0.8 * normal();
    const label = score < -1.3 ? 'low' : score < 0.05 ? 'medium' : 'high';
    return [
      age,
      maybe(income.toFixed(2)),
      tenure,
      maybe(spend.toFixed(2)),
      sessions,
      maybe(sessionMinutes.toFixed(1)),
      tickets,
      maybe(String(credit)),
      discount.toFixed(3),
      latitude.toFixed(4),
      longitude.toFixed(4),
      maybe(satisfaction.toFixed(1)),
      plan,
      pick.device(),
      pick.channel(),
      pick.region(),
      pick.product(),
      member ? 'true' : 'false',
      signup,
      label,
    ].join(',');
  };
}

/**
 * Writes the header and `rows` rows to `path`, in batches, respecting the stream's
 * back-pressure. Returns the file's size and the label counts.
 */
export async function writeSyntheticCsv(path, rows, seed) {
  const out = createWriteStream(path);
  const nextRow = createRowGenerator(seed);
  const labels = { low: 0, medium: 0, high: 0 };
  const BATCH = 2_000;
  out.write(`${COLUMNS.join(',')}\n`);
  for (let written = 0; written < rows; ) {
    const count = Math.min(BATCH, rows - written);
    const lines = new Array(count);
    for (let index = 0; index < count; index++) {
      const line = nextRow();
      lines[index] = line;
      labels[line.slice(line.lastIndexOf(',') + 1)] += 1;
    }
    written += count;
    if (!out.write(`${lines.join('\n')}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return { sizeBytes: (await stat(path)).size, labels };
}
