// Rounds of a stage as the public sees them: the open round (prices, deadline, pause), round-by-round tables per
// product (clock) or per licence (SMRA), price-path and demand charts per band, and their downloads.
import { countdown, dataTable, downloadLink, downloadText, el, instant, money, whole } from '/app/ngms.mjs';
import { lineChart } from '/observer/charts.mjs';
import { conditionText } from '/observer/directive.mjs';

const num = (value) => ({ value: whole(value), numeric: true });

/** Demand above supply (never negative): what the FCC's reports call excess demand. */
export function excess(p) {
  return Math.max(0, p.aggregateDemand - p.supply);
}

/** Supply that nobody demands at the round's price (0 when demand meets supply). */
export function unsoldAt(p) {
  return Math.max(0, p.supply - p.aggregateDemand);
}

function csv(lines) {
  return lines.map(cells => cells.map(c => (/[",\n]/.test(String(c)) ? '"' + String(c).replace(/"/g, '""') + '"' : c))
    .join(',')).join('\n') + '\n';
}

function downloads(...links) {
  return el('p', { class: 'govuk-body-s app-downloads' }, 'Download: ', links.flatMap((l, i) => (i ? [' · ', l] : [l])));
}

/** Per product its closed rounds, in round order: [{round, supply, startOfRound, clockPrice, …}]. */
export function byProduct(rounds) {
  const products = new Map();
  for (const r of rounds.filter(r => Array.isArray(r.products)).sort((a, b) => a.round - b.round)) {
    for (const p of r.products) {
      if (!products.has(p.product)) {
        products.set(p.product, []);
      }
      products.get(p.product).push({ round: r.round, ...p });
    }
  }
  return products;
}

/** The band a product belongs to: its category's band in the directive (products are categories or positions). */
function bandOf(product, categories, openPrices) {
  const open = (openPrices || []).find(p => p.product === product);
  const category = (open && open.category) || String(product).split('.')[0];
  const known = categories.find(c => c.id === category);
  return (known && known.band) || category;
}

/** The open round of a stage, as its rounds list it, or undefined. */
export function openRound(rounds) {
  return rounds.find(r => r.state === 'OPEN');
}

let stopTimer;

/** Stops the live round's countdown (the page shows one at a time). */
export function stopCountdown() {
  if (stopTimer) {
    stopTimer();
    stopTimer = undefined;
  }
}

/** The live round box: round number, deadline counting down on the server's clock, pause notice, prices. */
export function liveRound(stage, round, currency) {
  const timer = el('strong', { class: 'app-countdown', id: 'countdown' });
  stopCountdown();
  stopTimer = countdown(timer, round.closesAt, round.paused);
  const pause = round.paused ? el('div', { class: 'govuk-warning-text', id: 'paused' },
    el('span', { class: 'govuk-warning-text__icon', 'aria-hidden': 'true' }, '!'),
    el('strong', { class: 'govuk-warning-text__text' },
      el('span', { class: 'govuk-visually-hidden' }, 'Warning'),
      'The regulator has paused this round. Bids are not accepted while it is paused; the deadline is extended by '
      + 'the time it was paused for when it resumes.')) : null;
  const title = 'Round ' + round.round + ' prices';
  let table;
  let json;
  if (round.prices) {
    table = dataTable({ caption: title, id: 'live-prices',
      headers: ['Product', 'Area', { label: 'Supply (lots)', numeric: true },
        { label: 'Start-of-round price (' + currency + ')', numeric: true },
        { label: 'Clock price (' + currency + ')', numeric: true },
        { label: 'Eligibility points a lot', numeric: true }, { label: 'Most a bidder may demand', numeric: true }],
      rows: round.prices.map(p => [p.product, p.area, num(p.supply), num(p.startOfRound), num(p.clockPrice),
        num(p.eligibilityPoints), num(p.maxPerBidder)]) });
    json = round.prices;
  } else if (round.licences) {
    table = dataTable({ caption: title, id: 'live-prices',
      headers: ['Licence', { label: 'Minimum acceptable bid (' + currency + ')', numeric: true }, 'Increment',
        'Acceptable amounts (' + currency + ')'],
      rows: round.licences.map(l => [l.licence, num(l.minimumAcceptableBid), l.incrementPercent + '%',
        (l.acceptableAmounts || []).map(whole).join(', ')]) });
    json = round.licences;
  }
  return el('section', { class: 'app-live', id: 'live-round', 'aria-labelledby': 'live-heading',
    dataset: { round: String(round.round) } },
  el('h2', { class: 'govuk-heading-l', id: 'live-heading' },
    'Round ' + round.round + ' of the ' + stage + ' stage is ' + (round.paused ? 'paused' : 'open')),
  el('p', { class: 'govuk-body-l' }, 'Deadline: ', timer),
  el('p', { class: 'govuk-body-s' }, 'Opened ' + instant(round.opensAt) + '; closes ' + instant(round.closesAt)
    + ' (server time, UTC).' + (round.intraRoundBids ? ' Bids may name a price between the start-of-round and the '
    + 'clock price, in multiples of ' + money(round.bidMultiple, currency) + '.' : '')),
  pause, table,
  json ? downloads(downloadText(JSON.stringify(json, null, 2), stage + '-round-' + round.round + '-prices.json',
    'these prices (JSON)')) : null,
  el('p', { class: 'govuk-body-s' }, 'This page updates itself as rounds open and close; you do not need to reload it.'));
}

/** The round-by-round tables and charts of a clock stage (products), with downloads. */
export function clockRounds({ auction, stage, rounds, categories, conditions = [], currency, stopped }) {
  const products = byProduct(rounds);
  const open = openRound(rounds);
  const base = '/api/v1/auctions/' + auction + '/stages/' + encodeURIComponent(stage);
  const closed = rounds.filter(r => Array.isArray(r.products));
  const parts = [el('p', { class: 'govuk-body-s' }, downloads(
    downloadLink(base + '/rounds.csv', stage + '-rounds.csv', 'all rounds (CSV, ' + stage + '-rounds.csv)'),
    downloadText(JSON.stringify(rounds, null, 2), stage + '-rounds.json', 'all rounds (JSON)')),
  el('span', {}, 'In the CSV, excess_demand is demand minus supply as recorded (negative when demand is below '
    + 'supply); the tables below show it as 0 and the lots left undemanded in their own column.'))];
  if (products.size === 0) {
    parts.push(el('p', { class: 'govuk-body' }, stopped ? 'No round closed before the auction was cancelled.'
      : closed.length === 0 && open ? 'No round has closed yet: the first results appear here when round '
        + open.round + ' closes.' : 'No round has been played.'));
    return parts;
  }
  const bands = new Map();
  for (const product of products.keys()) {
    const band = bandOf(product, categories, open && open.prices);
    if (!bands.has(band)) {
      bands.set(band, []);
    }
    bands.get(band).push(product);
  }
  const numbers = closed.map(r => r.round).sort((a, b) => a - b);
  const series = (product, field) => numbers.map(n => {
    const row = products.get(product).find(p => p.round === n);
    return row ? row[field] : null;
  });
  const excluded = closed.filter(r => (r.exclusions || []).length);
  if (excluded.length) {
    parts.push(el('div', { class: 'govuk-inset-text', id: 'round-exclusions-' + stage },
      el('p', { class: 'govuk-body' }, 'Exclusions under the round rules (the bidders are named in the stage\'s '
        + 'result; their bids did not count):'),
      el('ul', { class: 'govuk-list govuk-list--bullet' }, excluded.flatMap(r => r.exclusions.map(x =>
        el('li', {}, 'Round ' + r.round + ': a bidder broke condition ' + x.condition + ' ('
          + conditionText(conditions.find(c => c.id === x.condition)) + '): '
          + String(x.consequence).toLowerCase().replace(/_/g, ' ')))))));
  }
  for (const [band, list] of bands) {
    const slug = stage + '-' + String(band).replace(/[^A-Za-z0-9_-]/g, '_');
    const tables = list.map(product => tableId(stage, product));
    parts.push(el('h3', { class: 'govuk-heading-m' }, 'Band ' + band));
    parts.push(lineChart({ id: 'chart-price-' + slug, unit: currency, rounds: numbers,
      title: 'Price path, band ' + band + ': clock and posted price per round (' + currency + ')',
      description: 'Line chart of the clock price and posted price per round of ' + list.join(', ')
        + '; the same figures are in the table' + (list.length > 1 ? 's' : '') + ' below.',
      lines: list.flatMap(product => [{ label: product + ' clock price', values: series(product, 'clockPrice') },
        { label: product + ' posted price', values: series(product, 'postedPrice'), dash: true }]) }));
    parts.push(lineChart({ id: 'chart-demand-' + slug, unit: 'lots', rounds: numbers,
      title: 'Demand, band ' + band + ': aggregate demand and supply per round (lots)',
      description: 'Line chart of aggregate demand against supply per round of ' + list.join(', ')
        + '; the same figures are in the table' + (list.length > 1 ? 's' : '') + ' below.',
      lines: list.flatMap(product => [{ label: product + ' demand', values: series(product, 'aggregateDemand') },
        { label: product + ' supply', values: series(product, 'supply'), dash: true }]) }));
    list.forEach((product, i) => parts.push(productTable(stage, product, products.get(product), currency, tables[i])));
  }
  return parts;
}

function tableId(stage, product) {
  return 'rounds-' + stage + '-' + String(product).replace(/[^A-Za-z0-9_-]/g, '_');
}

function productTable(stage, product, rows, currency, id) {
  const headers = ['Round', 'Supply', 'Start-of-round price', 'Clock price', 'Posted price', 'Aggregate demand',
    'Excess demand', 'Not demanded'];
  const lines = rows.map(p => [p.round, p.supply, p.startOfRound, p.clockPrice, p.postedPrice, p.aggregateDemand,
    excess(p), unsoldAt(p)]);
  const file = stage + '-' + String(product).replace(/[^A-Za-z0-9_.-]/g, '_');
  return el('div', { class: 'app-product' },
    dataTable({ caption: product + ': round by round (prices in ' + currency + ', quantities in lots)', id,
      headers: headers.map((h, i) => (i === 0 ? h : { label: h, numeric: true })),
      rows: lines.map(cells => cells.map((c, i) => (i === 0 ? String(c) : num(c)))) }),
    downloads(downloadText(csv([headers.map(h => h.toLowerCase().replace(/[^a-z]+/g, '_')), ...lines]),
      file + '.csv', product + ' (CSV)', 'text/csv'),
    downloadText(JSON.stringify(rows.map((p, i) => ({ ...p, excessDemand: lines[i][6], notDemanded: lines[i][7] })),
      null, 2), file + '.json', product + ' (JSON)')));
}

/** The round-by-round tables of an SMRA stage, one per licence (standing bids and bids; bidders stay private). */
export function smraRounds({ auction, stage, rounds, currency }) {
  const base = '/api/v1/auctions/' + auction + '/stages/' + encodeURIComponent(stage);
  const closed = rounds.filter(r => Array.isArray(r.licences) && r.state !== 'OPEN').sort((a, b) => a.round - b.round);
  const parts = [downloads(
    downloadLink(base + '/rounds.csv', stage + '-rounds.csv', 'all rounds (CSV, ' + stage + '-rounds.csv)'),
    downloadText(JSON.stringify(rounds, null, 2), stage + '-rounds.json', 'all rounds (JSON)'))];
  if (closed.length === 0) {
    parts.push(el('p', { class: 'govuk-body' }, 'No round has closed yet.'));
    return parts;
  }
  const licences = [...new Set(closed.flatMap(r => r.licences.map(l => l.licence)))];
  parts.push(dataTable({ caption: 'Activity per round', id: 'activity-' + stage,
    headers: ['Round', 'Bidders', 'Bids', 'Withdrawals', 'Waivers', 'Eligibility for the next round'].map((h, i) =>
      (i ? { label: h, numeric: true } : h)),
    rows: closed.map(r => [String(r.round), num(r.activity.bidders), num(r.activity.bids),
      num(r.activity.withdrawals), num(r.activity.waivers), num(r.activity.eligibilityNextRound)]) }));
  parts.push(lineChart({ id: 'chart-smra-' + stage, unit: currency, rounds: closed.map(r => r.round),
    title: 'Standing bid per licence and round (' + currency + ')',
    description: 'Line chart of each licence\'s standing bid per round; the same figures are in the tables below.',
    lines: licences.map(licence => ({ label: licence, values: closed.map(r => {
      const l = r.licences.find(x => x.licence === licence);
      return l ? l.standingBid : null;
    }) })) }));
  for (const licence of licences) {
    const rows = closed.map(r => ({ round: r.round, ...r.licences.find(l => l.licence === licence) }))
      .filter(l => l.licence);
    parts.push(dataTable({ caption: 'Licence ' + licence + ': round by round (' + currency + ')',
      id: tableId(stage, licence),
      headers: ['Round', { label: 'Bids', numeric: true }, { label: 'Standing bid', numeric: true },
        'Standing', { label: 'Minimum acceptable bid next', numeric: true }, 'Increment'],
      rows: rows.map(l => [String(l.round), num(l.bids), num(l.standingBid), l.holding, num(l.minimumAcceptableBid),
        l.incrementPercent + '%']) }));
  }
  return parts;
}
