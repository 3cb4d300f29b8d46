// The auction's policy directive, readable: bands, lot categories, caps, conditions, stages and their rules, payment
// terms and the success criterion; with its SHA-256 and a link to the canonical JSON.
import { dataTable, downloadLink, el, money, summaryList, whole } from '/app/ngms.mjs';

const words = (text) => String(text || '').toLowerCase().replace(/_/g, ' ');
const num = (value) => ({ value: whole(value), numeric: true });
const prose = (text) => el('span', { class: 'app-wrap' }, text);

/** What a round-1 condition or a stage rule means, in a sentence. */
export function conditionText(c) {
  if (!c) {
    return '';
  }
  if (c.type === 'MINIMUM_FIRST_ROUND_DEMAND') {
    return (c.appliesTo ? words(c.appliesTo) + ' ' : '') + 'must demand at least ' + c.minBlocks + ' lots of '
      + (c.categories || []).join(' and ') + ' in round 1 of the ' + c.stage + ' stage; otherwise: '
      + words(c.consequence);
  }
  return Object.entries(c).filter(([k]) => k !== 'id').map(([k, v]) => k + ' ' + (Array.isArray(v) ? v.join(', ')
    : typeof v === 'object' ? JSON.stringify(v) : v)).join('; ');
}

function stageRules(s, currency) {
  const rules = [];
  if (s.type === 'CLOCK' || s.method === 'POSITION_CLOCK') {
    if (s.firstRoundMinutes) {
      rules.push('round 1 lasts ' + s.firstRoundMinutes + ' min, later rounds ' + s.roundMinutes + ' min');
    }
    if (s.increment) {
      rules.push('the clock rises by ' + s.increment.percent + '% ' + words(s.increment.basis)
        + ' a round where demand exceeds supply');
    }
    if (s.activityRequirementPercent) {
      rules.push('activity requirement ' + s.activityRequirementPercent + '%');
    }
    if (s.intraRoundBids) {
      rules.push('intra-round bids allowed, in multiples of ' + money(s.bidMultiple, currency));
    }
    if (s.missingBid) {
      rules.push('a missing bid: ' + words(s.missingBid));
    }
  }
  if (s.method) {
    rules.push('method ' + words(s.method));
  }
  if (s.categories) {
    rules.push('categories ' + s.categories.join(', '));
  }
  if (s.pricing) {
    rules.push('pricing ' + words(s.pricing));
  }
  if (s.openingPrice !== undefined) {
    rules.push('positions open at ' + money(s.openingPrice, currency));
  }
  if (s.unsoldAt) {
    rules.push('unsold blocks at the ' + words(s.unsoldAt));
  }
  const known = ['id', 'type', 'firstRoundMinutes', 'roundMinutes', 'increment', 'activityRequirementPercent',
    'intraRoundBids', 'bidMultiple', 'missingBid', 'method', 'categories', 'pricing', 'openingPrice', 'unsoldAt'];
  for (const [k, v] of Object.entries(s).filter(([k]) => !known.includes(k))) {
    rules.push(k + ' ' + (typeof v === 'object' ? JSON.stringify(v) : v));
  }
  return rules.join('; ');
}

/** How a payment option is paid, in a sentence. */
export function paymentOptionText(o) {
  const parts = [];
  if (o.upfront) {
    parts.push(o.upfront.percent + '% ' + o.upfront.dueMonths + ' months after ' + words(o.upfront.after));
  }
  if (o.instalments) {
    const i = o.instalments;
    parts.push('the rest in ' + i.count + ' yearly instalments, the first ' + i.firstDueMonths + ' months after '
      + words(i.after) + ', then every ' + i.intervalMonths + ' months');
  }
  if (o.interest) {
    parts.push('interest ' + o.interest.reference + ' + ' + o.interest.marginPercent + '%');
  }
  return parts.join('; ');
}

/** The directive section. `summary` is the directive's listing ({id, version, sha256}), `doc` its document. */
export function directiveSection(ref, doc) {
  const currency = (doc.currency && doc.currency.auction) || 'USD';
  const json = '/api/v1/directives/' + encodeURIComponent(ref.id) + '/versions/' + ref.version;
  const bands = new Map((doc.bands || []).map(b => [b.id, b]));
  const parts = [
    el('h2', { class: 'govuk-heading-l', id: 'directive-heading' }, 'The rules: policy directive'),
    summaryList([
      ['Directive', ref.id + ' version ' + ref.version],
      ['Reference', doc.reference],
      ['Issued', (doc.issuer || '') + (doc.issued ? ', ' + doc.issued : '')],
      doc.legalBasis ? ['Legal basis', doc.legalBasis] : null,
      ['SHA-256', el('span', { class: 'app-mono', id: 'directive-sha256' }, ref.sha256)],
      ['Canonical document', downloadLink(json, ref.id + '-v' + ref.version + '.json', 'directive (JSON)')],
      ['Currency', currency + (doc.currency && doc.currency.payment && doc.currency.payment !== currency
        ? '; paid in ' + doc.currency.payment + exchangeText(doc.currency.exchangeRate) : '')],
      doc.successCriterion ? ['Success criterion', successText(doc.successCriterion)] : null,
      doc.deposit ? ['Deposit', money(doc.deposit.amount, currency) + ' (' + words(doc.deposit.basis) + ', '
        + words(doc.deposit.instrument) + '); forfeited on ' + (doc.deposit.forfeitureOn || []).map(words).join(', ')]
        : null,
      doc.licence ? ['Licence', doc.licence.termYears + ' years' + (doc.licence.technologyNeutral
        ? ', technology neutral' : '') + (doc.licence.tradingAllowed ? ', tradable' : '')
        + (doc.licence.sharingAllowed ? ', sharing allowed' : '')] : null
    ]),
    dataTable({ caption: 'Bands', id: 'directive-bands', headers: ['Band', 'Duplex', 'Frequencies (MHz)'],
      rows: (doc.bands || []).map(b => [b.name || b.id, b.duplex,
        b.range || ('uplink ' + b.uplink + ', downlink ' + b.downlink)]) }),
    dataTable({ caption: 'Lot categories (reserve prices in ' + currency + ')', id: 'directive-lots',
      headers: ['Category', 'Band', 'Area', { label: 'Lots offered', numeric: true }, 'Block (MHz)',
        { label: 'Reserve a lot', numeric: true }, { label: 'Eligibility points a lot', numeric: true }, 'Who may bid'],
      rows: (doc.lotCategories || []).map(c => [c.name || c.id, (bands.get(c.band) || {}).name || c.band, c.area,
        num(c.blocks), c.blockMhz, num(c.reservePerBlock), num(c.eligibilityPointsPerBlock),
        c.newEntrantsOnly ? 'new entrants only' : 'anyone qualified']) })
  ];
  if ((doc.spectrumCaps || []).length) {
    parts.push(dataTable({ caption: 'Spectrum caps', id: 'directive-caps',
      headers: ['Cap', 'Bands', 'Limit (MHz)', 'Counts existing holdings'],
      rows: doc.spectrumCaps.map(c => [c.id, (c.bands || []).join(', '), c.limitMhz,
        c.includesExistingHoldings ? 'yes' : 'no']) }));
  }
  if ((doc.eligibilityConditions || []).length) {
    parts.push(dataTable({ caption: 'Conditions on bidders', id: 'directive-conditions',
      headers: ['Condition', 'Rule'], rows: doc.eligibilityConditions.map(c => [c.id, prose(conditionText(c))]) }));
  }
  if ((doc.setAsides || []).length) {
    parts.push(el('p', { class: 'govuk-body' }, 'Set-asides: ', doc.setAsides.map(s => JSON.stringify(s)).join('; ')));
  }
  parts.push(dataTable({ caption: 'Stages, in order', id: 'directive-stages', headers: ['Stage', 'Type', 'Rules'],
    rows: (doc.stages || []).map(s => [s.id, words(s.type), prose(stageRules(s, currency))]) }));
  if (doc.payment) {
    parts.push(dataTable({ caption: 'Payment terms (a winner chooses an option)', id: 'directive-payment',
      headers: ['Option', 'How it is paid'],
      rows: (doc.payment.options || []).map(o => [o.id, prose(paymentOptionText(o))]) }));
    if (doc.payment.moratoriumMonths) {
      parts.push(el('p', { class: 'govuk-body' }, 'Moratorium: ' + doc.payment.moratoriumMonths + ' months.'));
    }
  }
  return parts;
}

export function exchangeText(rate) {
  return rate ? ' at the ' + rate.rule + ' rate fixed on the ' + words(rate.fixing) : '';
}

export function successText(s) {
  return s.minSoldPercentOfMhz ? 'at least ' + s.minSoldPercentOfMhz + '% of the MHz offered must be sold'
    : JSON.stringify(s);
}
