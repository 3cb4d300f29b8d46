// A sealed stage on the operator's screen: the form for its kind of bid (demand at reserve per lot category, package
// bids, or a sealed assignment round's bids per market and option), the commitment and signed receipt of each
// version, replace and withdraw until the deadline, and the bidder's versions. The bid goes over this connection to
// the service, which encrypts it to the auction's bid key before storing it; until the deadline nobody, the
// regulator included, can read it, and the transcript holds only its commitment.
import {
  api, apiOrNothing, countdown, dataTable, downloadText, el, errorSummary, instant, money, receiptPanel,
  summaryList, whole
} from '/app/ngms.mjs';

export async function updateSealedStage(ctx, w, body) {
  const base = '/api/v1/auctions/' + ctx.auctionId + '/stages/' + encodeURIComponent(w.stage);
  const currency = ctx.directive.currency ? ctx.directive.currency.auction : 'USD';
  let parts = body.ngmsParts;
  if (!parts) {
    parts = { live: el('div', { class: 'app-live' }), form: el('div'), versions: el('div'), result: el('div') };
    body.replaceChildren(parts.live, parts.form, parts.versions, parts.result);
    body.ngmsParts = parts;
  }
  const versions = await apiOrNothing(base + '/bids/mine', { token: ctx.token }) || [];
  parts.versions.replaceChildren(versionsTable(versions));
  if (w.state !== 'OPEN') {
    parts.live.replaceChildren(el('p', { class: 'govuk-body' }, 'Bidding in this stage closed '
      + instant(w.closesAt) + '.'));
    parts.form.replaceChildren();
    parts.result.replaceChildren(ownResult(ctx, w, currency));
    return;
  }
  const status = el('p', { class: 'govuk-body-l' });
  parts.live.replaceChildren(el('h3', { class: 'govuk-heading-m' }, 'Sealed bids are open'), status);
  countdown(status, w.closesAt);
  if (!parts.form.firstChild) {
    parts.form.replaceChildren(await sealedForm(ctx, w, base, currency, async () => {
      const latest = await apiOrNothing(base + '/bids/mine', { token: ctx.token }) || [];
      parts.versions.replaceChildren(versionsTable(latest));
    }));
  }
}

function versionsTable(versions) {
  if (versions.length === 0) {
    return el('p', { class: 'govuk-body', id: 'no-sealed-bid' }, 'You have no bid in this stage.');
  }
  return dataTable({
    caption: 'Your versions (the latest counts; contents are sealed until the deadline)', id: 'my-sealed-versions',
    headers: ['Version', 'Submitted', 'Commitment', 'Withdrawn'],
    rows: versions.map(v => [String(v.version), instant(v.submittedAt),
      el('span', { class: 'app-mono' }, v.commitment || '—'), v.withdrawn ? 'yes' : 'no'])
  });
}

/** The bidder's own part of an evaluated stage's published result. */
function ownResult(ctx, w, currency) {
  if (!w.result) {
    return el('p', { class: 'govuk-body' }, 'The stage is being evaluated: its result is published here and on the '
      + 'observer site.');
  }
  const awards = (w.result.awards || []).filter(a => a.bidder === ctx.bidder);
  return el('div', {}, el('h3', { class: 'govuk-heading-m' }, 'Your result'), awards.length === 0
    ? el('p', { class: 'govuk-body' }, 'No lots were awarded to you in this stage'
      + (w.result.escalated ? '; it continues in a later stage.' : '.'))
    : dataTable({
      caption: 'Your awards in stage ' + w.stage, id: 'my-sealed-awards',
      headers: ['Category', { label: 'Blocks', numeric: true }, { label: 'Price per block', numeric: true },
        { label: 'Total', numeric: true }],
      rows: awards.map(a => [a.category, whole(a.blocks), money(a.pricePerBlock, currency), money(a.total, currency)])
    }));
}

async function sealedForm(ctx, w, base, currency, afterSubmit) {
  const categories = ctx.directive.lotCategories || [];
  const receipt = el('div', { id: 'sealed-receipt-' + w.stage });
  let read;
  let fields;
  if (w.type === 'SEALED_DEMAND_AT_RESERVE') {
    ({ read, fields } = demandFields(w, categories, currency));
  } else if (w.type === 'SEALED_PACKAGE') {
    ({ read, fields } = packageFields(w, categories));
  } else {
    ({ read, fields } = await assignmentFields(ctx, w, base));
  }
  const submit = el('button', { type: 'button', class: 'govuk-button', id: 'submit-sealed-' + w.stage },
    'Submit sealed bid');
  const withdraw = el('button', { type: 'button', class: 'govuk-button govuk-button--warning',
    id: 'withdraw-sealed-' + w.stage }, 'Withdraw my bid');
  submit.addEventListener('click', async () => {
    const bid = read();
    if (bid.problems.length) {
      receipt.replaceChildren(errorSummary(Object.assign(new Error('Correct the bid first.'), {}), 'Not submitted'));
      receipt.querySelector('.govuk-error-summary__body').append(el('ul', { class: 'govuk-list' },
        bid.problems.map(p => el('li', {}, p))));
      receipt.firstChild.focus();
      return;
    }
    await send(base + '/bids', bid.body, 'Sealed bid submitted');
  });
  withdraw.addEventListener('click', () => send(base + '/bids/withdrawal', undefined, 'Sealed bid withdrawn'));
  async function send(path, payload, title) {
    submit.disabled = withdraw.disabled = true;
    try {
      const result = (await api(path, { method: 'POST', body: payload === undefined ? {} : payload,
        token: ctx.token })).data;
      const record = { auction: ctx.auctionId, stage: w.stage, bidder: ctx.bidder, version: result.version,
        bid: payload, salt: result.salt, commitment: result.commitment };
      receipt.replaceChildren(
        el('div', { class: 'govuk-panel govuk-panel--confirmation', tabindex: '-1' },
          el('h3', { class: 'govuk-panel__title' }, title),
          el('div', { class: 'govuk-panel__body' }, 'Version ' + result.version)),
        result.commitment ? summaryList([
          ['Commitment', el('span', { class: 'app-mono', id: 'sealed-commitment' }, result.commitment)],
          ['Salt', el('span', { class: 'app-mono' }, result.salt)]
        ]) : null,
        result.commitment ? el('p', { class: 'govuk-body' }, 'The commitment is SHA-256 of the canonical JSON of '
          + '{auction, stage, bidder, version, bid, salt}; the transcript records only it until the deadline, and '
          + 'the verifier checks every opened bid against it. ',
        downloadText(JSON.stringify(record, null, 2), 'sealed-bid-' + w.stage + '-v' + result.version + '.json',
          'Download your bid with its salt')) : null,
        receiptPanel(result.receipt, 'receipt-' + w.stage + '-v' + result.version));
      receipt.firstChild.focus();
      await afterSubmit();
    } catch (e) {
      receipt.replaceChildren(errorSummary(e, 'The bid was not accepted'));
      receipt.firstChild.focus();
    } finally {
      submit.disabled = withdraw.disabled = false;
    }
  }
  return el('div', {}, el('h3', { class: 'govuk-heading-m' }, 'Your sealed bid'),
    el('p', { class: 'govuk-body' }, 'You may replace your bid (each submission is a new version; the latest counts) '
      + 'or withdraw it until the deadline.'),
    fields, el('div', { class: 'govuk-button-group' }, submit, withdraw), receipt);
}

function numberInput(id, label) {
  const input = el('input', { class: 'govuk-input app-number-input', type: 'text', inputmode: 'numeric', id,
    autocomplete: 'off', value: '0' });
  return { input, cell: el('span', {}, el('label', { class: 'govuk-visually-hidden', for: id }, label), input) };
}

function demandFields(w, categories, currency) {
  const inputs = {};
  const rows = categories.map(c => {
    const { input, cell } = numberInput('d-' + w.stage + '-' + c.id, 'Blocks of ' + c.id);
    inputs[c.id] = { input, blocks: c.blocks };
    return [c.id, c.area || '', whole(c.blocks), money(c.reservePerBlock, currency), cell];
  });
  const read = () => {
    const demand = {};
    const problems = [];
    for (const [id, { input, blocks }] of Object.entries(inputs)) {
      const text = input.value.trim() || '0';
      if (!/^\d+$/.test(text)) {
        problems.push(id + ': a whole number of blocks');
      } else if (Number(text) > blocks) {
        problems.push(id + ': at most ' + blocks + ' blocks are offered');
      } else if (Number(text) > 0) {
        demand[id] = Number(text);
      }
    }
    return { body: { demand }, problems };
  };
  return { read, fields: dataTable({ caption: 'Blocks you demand at the reserve price', id: 'sealed-demand-' + w.stage,
    headers: ['Category', 'Area', { label: 'Blocks offered', numeric: true }, { label: 'Reserve per block',
      numeric: true }, 'Your demand'], rows }) };
}

function packageFields(w, categories) {
  const list = el('div', { id: 'packages-' + w.stage });
  const packages = [];
  const add = () => {
    const n = packages.length + 1;
    const lots = {};
    const cells = categories.map(c => {
      const { input, cell } = numberInput('pk' + n + '-' + c.id, 'Package ' + n + ': blocks of ' + c.id);
      lots[c.id] = input;
      return el('div', { class: 'govuk-form-group' }, el('span', { class: 'govuk-body' }, c.id + ' '), cell);
    });
    const amount = el('input', { class: 'govuk-input app-price-input', type: 'text', inputmode: 'numeric',
      id: 'pk' + n + '-amount', autocomplete: 'off' });
    packages.push({ id: 'P' + n, lots, amount });
    list.append(el('fieldset', { class: 'govuk-fieldset' },
      el('legend', { class: 'govuk-fieldset__legend govuk-fieldset__legend--s' }, 'Package P' + n), cells,
      el('div', { class: 'govuk-form-group' }, el('label', { class: 'govuk-label', for: amount.id }, 'Amount (whole units)'),
        amount)));
  };
  add();
  const more = el('button', { type: 'button', class: 'govuk-button govuk-button--secondary' }, 'Add a package');
  more.addEventListener('click', add);
  const read = () => {
    const problems = [];
    const body = { packages: [] };
    for (const p of packages) {
      const lots = {};
      for (const [c, input] of Object.entries(p.lots)) {
        const t = input.value.trim() || '0';
        if (!/^\d+$/.test(t)) {
          problems.push(p.id + ' ' + c + ': a whole number of blocks');
        } else if (Number(t) > 0) {
          lots[c] = Number(t);
        }
      }
      const amount = p.amount.value.replace(/[, ]/g, '');
      if (Object.keys(lots).length === 0 && amount === '') {
        continue;
      }
      if (!/^\d+$/.test(amount)) {
        problems.push(p.id + ': the amount must be a whole number');
      }
      body.packages.push({ id: p.id, lots, amount: Number(amount) });
    }
    return { body, problems };
  };
  return { read, fields: el('div', {}, list, more) };
}

async function assignmentFields(ctx, w, base) {
  const view = await apiOrNothing(base + '/markets', { token: ctx.token });
  const rows = [];
  const inputs = [];
  for (const m of (view && view.markets) || []) {
    for (const option of (m.options && m.options[ctx.bidder]) || []) {
      const id = 'a-' + m.market + '-' + option;
      const input = el('input', { class: 'govuk-input app-price-input', type: 'text', inputmode: 'numeric', id,
        autocomplete: 'off' });
      inputs.push({ market: m.market, option, input });
      rows.push([m.market, option, el('span', {}, el('label', { class: 'govuk-visually-hidden', for: id },
        'Amount for ' + option + ' in ' + m.market), input)]);
    }
  }
  const read = () => {
    const problems = [];
    const bids = [];
    for (const { market, option, input } of inputs) {
      const t = input.value.replace(/[, ]/g, '');
      if (t === '') {
        continue;
      }
      if (!/^\d+$/.test(t)) {
        problems.push(market + ' ' + option + ': a whole amount');
      } else {
        bids.push({ market, option, amount: Number(t) });
      }
    }
    return { body: { bids }, problems };
  };
  return { read, fields: rows.length ? dataTable({ caption: 'Your bids for frequency options (empty: no bid)',
    id: 'sealed-assignment-' + w.stage, headers: ['Market', 'Option', 'Amount'], rows })
    : el('p', { class: 'govuk-body' }, 'You have no frequency options to bid on in this stage.') };
}
