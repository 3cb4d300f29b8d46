// Published results: each stage's result (awards, prices, unsold and why, exclusions), the auction's outcome
// (winners by name, frequencies, prices, payment schedules, revenue, success criterion) and how to verify it all.
import { dataTable, downloadLink, downloadText, el, instant, money, summaryList, whole } from '/app/ngms.mjs';
import { conditionText, exchangeText, successText } from '/observer/directive.mjs';

const num = (value) => ({ value: whole(value), numeric: true });
const words = (text) => String(text || '').toLowerCase().replace(/_/g, ' ');
const lotsText = (lots) => Object.entries(lots || {}).map(([c, n]) => c + ': ' + whole(n)).join(', ');

/** Exclusions and failed conditions as the rules make them public, with the condition each broke. */
function exclusionsList(list, names, conditions) {
  return el('ul', { class: 'govuk-list govuk-list--bullet', id: 'exclusions' }, list.map(x => {
    const rule = conditions.find(c => c.id === x.condition);
    return el('li', {}, el('strong', {}, names(x.bidder)), ' — ' + (x.condition ? 'condition ' + x.condition : '')
      + (rule ? ' (' + conditionText(rule) + ')' : '') + (x.consequence ? ': ' + words(x.consequence) : '')
      + (x.message || x.detail || x.reason ? '. ' + (x.message || x.detail || x.reason) : ''));
  }));
}

function unsoldTable(id, unsold, caption) {
  return dataTable({ caption, id, headers: ['Category', { label: 'Lots unsold', numeric: true }],
    rows: Object.entries(unsold).map(([c, n]) => [c, num(n)]) });
}

/** Why the revenue is what it is when nothing, or not everything, was sold. */
function unsoldWhy(result, exclusions) {
  const reasons = [];
  if (exclusions.length) {
    reasons.push(exclusions.length + ' bidder' + (exclusions.length > 1 ? 's were' : ' was')
      + ' excluded under the round-1 rules (below), and ' + (exclusions.length > 1 ? 'their' : 'its')
      + ' bids did not count');
  }
  reasons.push('a lot is unsold when no bidder still demands it at the final price (at the latest at the reserve '
    + 'price, which is never lowered)');
  if (result.successCriterion && result.successCriterion.met === false) {
    reasons.push('the success criterion was not met (' + successText(result.successCriterion) + ')');
  }
  return el('p', { class: 'govuk-body' }, (result.revenue === 0 ? 'Nothing was sold, so the revenue is 0: '
    : 'Why lots are unsold: ') + reasons.join('; ') + '.');
}

/** A stage's published result. */
export function stageResult(stage, result, { names, conditions, currency }) {
  const parts = [el('h3', { class: 'govuk-heading-m' }, 'Result of the ' + stage + ' stage')];
  parts.push(summaryList([
    ['Status', words(result.status)],
    result.rounds !== undefined ? ['Rounds', whole(result.rounds)] : null,
    result.revenue !== undefined ? ['Revenue', money(result.revenue, currency)] : null,
    result.successCriterion ? ['Success criterion', successText(result.successCriterion) + ': '
      + (result.successCriterion.met ? 'met' : 'NOT met')] : null
  ]));
  if (result.finalPrices) {
    parts.push(dataTable({ caption: 'Final price a lot (' + currency + ')', id: 'final-prices-' + stage,
      headers: ['Product', { label: 'Price a lot', numeric: true }],
      rows: Object.entries(result.finalPrices).map(([p, v]) => [p, num(v)]) }));
  }
  if ((result.clockAwards || []).length) {
    parts.push(dataTable({ caption: 'Awards (' + currency + ')', id: 'awards-' + stage,
      headers: ['Bidder', 'Lots won', 'Price a lot', { label: 'Total', numeric: true }],
      rows: result.clockAwards.map(a => [names(a.bidder), lotsText(a.lots),
        Object.entries(a.pricePerLot || {}).map(([c, v]) => c + ': ' + whole(v)).join(', '), num(a.total)]) }));
  }
  for (const market of result.markets || []) {
    parts.push(dataTable({ caption: 'Assignment, market ' + market.market + ' (' + currency + ')',
      id: 'assigned-' + stage + '-' + market.market,
      headers: ['Bidder', 'Position', { label: 'Blocks', numeric: true }, 'Frequencies (MHz)',
        { label: 'Price', numeric: true }],
      rows: (market.assigned || []).map(a => [names(a.bidder), a.position || '', num(a.blocks), a.range,
        num(a.price)]) }));
    if ((market.unsold || []).length) {
      parts.push(el('p', { class: 'govuk-body' }, 'Unsold in market ' + market.market + ': '
        + market.unsold.join(', ') + ' MHz (no winner holds them).'));
    }
  }
  const exclusions = result.exclusions || [];
  if (exclusions.length) {
    parts.push(el('h4', { class: 'govuk-heading-s' }, 'Exclusions'), exclusionsList(exclusions, names, conditions));
  }
  if (result.unsold && Object.keys(result.unsold).length) {
    parts.push(unsoldTable('unsold-' + stage, result.unsold, 'Unsold lots'), unsoldWhy(result, exclusions));
  } else if (result.revenue === 0) {
    parts.push(unsoldWhy(result, exclusions));
  }
  parts.push(el('p', { class: 'govuk-body-s' }, downloadText(JSON.stringify(result, null, 2),
    stage + '-result.json', 'Download this result (JSON)')));
  return parts;
}

function paymentTable(winner, p, names, i) {
  const rows = [];
  if (p.upfront) {
    rows.push(['Upfront (' + p.upfront.percent + '%)', p.upfront.due, num(p.upfront.amount), '']);
  }
  for (const inst of p.instalments || []) {
    rows.push(['Instalment ' + inst.number, inst.due, num(inst.principal), num(inst.outstandingBefore)]);
  }
  return el('div', {},
    dataTable({ caption: names(winner.bidder) + ', option “' + p.option + '”: ' + money(p.price, p.currency),
      id: 'payments-' + winner.bidder + '-' + i,
      headers: ['Payment', 'Due', { label: 'Amount (' + p.currency + ')', numeric: true },
        { label: 'Outstanding before (' + p.currency + ')', numeric: true }], rows }),
    el('p', { class: 'govuk-body-s' }, [
      p.moratoriumMonths ? 'Moratorium ' + p.moratoriumMonths + ' months. ' : '',
      p.interest ? 'Interest: ' + p.interest + '. ' : '',
      p.paidIn ? 'Amounts are in ' + p.currency + ' and paid in ' + p.paidIn.currency
        + exchangeText({ rule: p.paidIn.rate, fixing: p.paidIn.fixing }) + '. ' : '',
      p.remainderRule ? 'Rounding: ' + p.remainderRule + '.' : ''].join('')));
}

/** The outcome section. */
export function outcomeSection(auction, view, { names, bandPlans, finalPrices }) {
  const o = view.outcome;
  const currency = o.currency || 'USD';
  const parts = [el('h2', { class: 'govuk-heading-l', id: 'outcome-heading' }, 'Outcome'),
    el('p', { class: 'govuk-body' }, 'Published ' + instant(view.publishedAt) + ' as record #' + view.transcriptSeq
      + ' of the auction\'s signed transcript.'),
    summaryList([
      ['Revenue', el('strong', { id: 'revenue' }, money(o.revenue, currency))],
      o.allocationRevenue !== undefined && o.assignmentRevenue !== undefined
        ? ['Of which', 'allocation ' + money(o.allocationRevenue, currency) + ', assignment '
          + money(o.assignmentRevenue, currency)] : null,
      o.mhzSold ? ['Spectrum sold', o.mhzSold + ' of ' + o.mhzOffered + ' MHz offered'] : null,
      o.successCriterion ? ['Success criterion', el('span', { id: 'success' }, successText(o.successCriterion)
        + ': ' + (o.successCriterion.met ? 'met' : 'NOT met'))] : null
    ])];
  const winners = o.winners || [];
  parts.push(dataTable({ caption: 'Winners (' + currency + ')', id: 'winners',
    headers: ['Winner', 'Lots', 'Frequencies (MHz)', { label: 'Allocation price', numeric: true },
      { label: 'Assignment price', numeric: true }, { label: 'Price', numeric: true }],
    rows: winners.map(w => [names(w.bidder), lotsText(w.lots) + ((w.lotIds || []).length ? ' (' + w.lotIds.join(', ')
      + ')' : ''), (w.frequencies || []).length ? w.frequencies.map(f => f.category + ': ' + f.range).join('; ')
      : 'to be assigned', num(w.allocationPrice ?? w.price), num(w.assignmentPrice ?? 0), num(w.price)]) }));
  if (finalPrices && Object.keys(finalPrices).length) {
    parts.push(dataTable({ caption: 'Price a lot (' + currency + ')', id: 'outcome-prices',
      headers: ['Category', { label: 'Price a lot', numeric: true }],
      rows: Object.entries(finalPrices).map(([c, v]) => [c, num(v)]) }));
  }
  if (o.unsold && Object.keys(o.unsold).length) {
    parts.push(unsoldTable('outcome-unsold', o.unsold, 'Unsold lots'));
  }
  if ((o.conditionsFailed || []).length) {
    parts.push(el('h3', { class: 'govuk-heading-m' }, 'Conditions not met'),
      exclusionsList(o.conditionsFailed, names, []));
  }
  if (o.revenue === 0) {
    parts.push(el('p', { class: 'govuk-body' }, 'The revenue is 0 because nothing was sold: see each stage\'s result '
      + 'above for the exclusions and unsold lots.'));
  }
  const assigned = winners.some(w => (w.frequencies || []).length);
  for (const plan of bandPlans) {
    const src = '/api/v1/auctions/' + auction + '/band-plans/' + encodeURIComponent(plan.category) + '/picture.svg';
    parts.push(el('figure', { class: 'app-band-plan' },
      el('img', { src, alt: 'Band plan of ' + plan.category + ' MHz (' + plan.range + ')' + (assigned
        ? ' with the winners\' frequencies: ' + winners.flatMap(w => (w.frequencies || [])
          .filter(f => f.category === plan.category).map(f => names(w.bidder) + ' ' + f.range)).join(', ') : '') }),
      el('figcaption', { class: 'govuk-body-s' }, 'Band plan ' + plan.category + (assigned
        ? ', with the frequencies assigned' : ', as the directive lays it out (frequencies once assigned)'), ' · ',
      downloadLink(src, 'band-plan-' + plan.category + '.svg', 'SVG'))));
  }
  parts.push(el('h3', { class: 'govuk-heading-m' }, 'Payment schedules'));
  for (const w of winners) {
    (w.payments || []).forEach((p, i) => parts.push(paymentTable(w, p, names, i)));
  }
  if (o.withdrawalPayments) {
    parts.push(el('p', { class: 'govuk-body' }, 'Withdrawal payments: '
      + JSON.stringify(o.withdrawalPayments)));
  }
  parts.push(el('p', { class: 'govuk-body-s' }, 'Download: ',
    downloadLink('/api/v1/auctions/' + auction + '/outcome', 'outcome.json', 'the outcome (JSON, outcome.json)')));
  return parts;
}

/** "Verify this auction yourself": the transcript (once public), the keys, the command and what it checks. */
export function verifySection(auction, state) {
  const base = '/api/v1/auctions/' + auction;
  const published = state === 'CONCLUDED' || state === 'CANCELLED';
  return [el('h2', { class: 'govuk-heading-l', id: 'verify-heading' }, 'Verify this auction yourself'),
    published
      ? el('p', { class: 'govuk-body' }, 'Download the whole signed transcript: ',
        downloadLink(base + '/transcript', 'ngms-transcript.jsonl', 'transcript bundle (ngms-transcript.jsonl)'),
        ', and the service\'s signing keys: ', downloadLink('/api/v1/keys', 'ngms-keys.json', 'ngms-keys.json'), '.')
      : el('p', { class: 'govuk-body', id: 'transcript-later' }, 'The whole transcript is published when the auction '
        + 'has concluded or been cancelled (it is ' + words(state) + ' now). Until then its signed head is public: ',
      downloadLink(base + '/transcript/head', 'ngms-transcript-head.json', 'the signed head (JSON)'),
      '; keep it, and the transcript published later must extend it. The signing keys: ',
      downloadLink('/api/v1/keys', 'ngms-keys.json', 'ngms-keys.json'), '.'),
    el('p', { class: 'govuk-body' }, 'Then, with Java 17 and the service\'s jar, with no network or database:'),
    el('pre', { class: 'app-code' }, el('code', {}, 'java -jar ngms-auction.jar verify ngms-transcript.jsonl '
      + '--keys ngms-keys.json')),
    el('p', { class: 'govuk-body' }, 'It checks every record\'s Ed25519 signature against the keys, that the records '
      + 'form one unbroken hash chain ending at the signed head, the randomness seed revealed at the end, and it '
      + 'recomputes every sealed stage, clock round and SMRA round and the outcome from the bids in the transcript. '
      + 'It prints one line and exits 0 when everything matches, and names each failed check otherwise. Without '
      + '--keys it uses the copy of the keys inside the bundle, which proves less.')];
}
