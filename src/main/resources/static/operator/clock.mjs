// A clock stage on the operator's screen: the open round (countdown on the server's clock, prices, supply, the
// bidder's processed demand and eligibility), a bid form checked as typed against the round's rules, a review that
// asks the service what the directive would do with the bid set (refusals and penalties) before it is submitted,
// the signed receipt of each submission, and the bidder's own history of rounds.
import {
  api, apiOrNothing, countdown, dataTable, el, errorSummary, receiptPanel, summaryList, whole
} from '/app/ngms.mjs';

/** Renders or updates `body` for clock stage window `w`; keeps what the bidder typed while the round stays open. */
export async function updateClockStage(ctx, w, body) {
  const base = '/api/v1/auctions/' + ctx.auctionId + '/stages/' + encodeURIComponent(w.stage);
  const token = ctx.token;
  const rounds = (await api(base + '/rounds', { token })).data;
  const open = rounds.find(r => r.state === 'OPEN' && r.prices);
  const currency = ctx.directive.currency ? ctx.directive.currency.auction : 'USD';
  let parts = body.ngmsParts;
  if (!parts) {
    parts = {
      live: el('div', { class: 'app-live', 'aria-live': 'polite' }),
      form: el('div'),
      submissions: el('div'),
      history: el('div')
    };
    body.replaceChildren(parts.live, parts.form, parts.submissions, parts.history);
    body.ngmsParts = parts;
  }
  const history = await ownHistory(ctx, base, rounds.filter(r => r.state !== 'OPEN'), w.stage);
  parts.history.replaceChildren(history);
  if (!open) {
    body.dataset.round = '';
    parts.live.replaceChildren(el('p', { class: 'govuk-body' }, w.state === 'OPEN'
      ? 'No round is open at the moment: the next one opens when the round before it has been processed.'
      : 'This stage has ended: its result is in your history below and on the observer site.'));
    parts.form.replaceChildren();
    parts.submissions.replaceChildren();
    return;
  }
  const mine = (await api(base + '/rounds/' + open.round + '/mine', { token })).data;
  const status = el('p', { class: 'govuk-body-l', id: 'round-countdown-' + w.stage });
  parts.live.replaceChildren(
    el('h3', { class: 'govuk-heading-m', id: 'open-round-' + w.stage }, 'Round ' + open.round + ' is open'),
    status,
    open.paused ? el('div', { class: 'govuk-warning-text' },
      el('span', { class: 'govuk-warning-text__icon', 'aria-hidden': 'true' }, '!'),
      el('strong', { class: 'govuk-warning-text__text' }, 'The regulator has paused the auction: no bids are taken '
        + 'until it resumes, and the round does not close.')) : null);
  countdown(status, open.closesAt, open.paused);
  if (body.dataset.round !== String(open.round)) {
    body.dataset.round = String(open.round);
    parts.form.replaceChildren(bidForm(ctx, w, base, open, mine, currency, () => refreshSubmissions()));
  }
  const refreshSubmissions = async () => {
    const latest = (await api(base + '/rounds/' + open.round + '/mine', { token })).data;
    parts.submissions.replaceChildren(submissionsTable(latest, open.round));
  };
  parts.submissions.replaceChildren(submissionsTable(mine, open.round));
}

function submissionsTable(mine, round) {
  if (!mine.submissions || mine.submissions.length === 0) {
    return el('p', { class: 'govuk-body', id: 'no-submissions' }, 'You have not submitted bids in round ' + round
      + ': if you submit none, the missing-bid rule of the directive applies to your demand.');
  }
  return dataTable({
    caption: 'Your submissions in round ' + round + ' (the latest counts)', id: 'my-submissions',
    headers: ['Version', 'Submitted', 'Bids'],
    rows: mine.submissions.map(s => [String(s.version), new Date(s.submittedAt).toISOString(),
      s.bids.length === 0 ? 'none (withdrawn: the missing-bid rule applies)'
        : s.bids.map(b => b.product + ': ' + b.quantity + ' at ' + whole(b.price)).join('; ')])
  });
}

/** The bidder's processed results of every closed round (cached: a closed round never changes). */
async function ownHistory(ctx, base, closed, stage) {
  const cache = ctx.cache[stage] = ctx.cache[stage] || {};
  for (const r of closed) {
    if (!cache[r.round]) {
      cache[r.round] = await apiOrNothing(base + '/rounds/' + r.round + '/mine', { token: ctx.token });
    }
  }
  if (closed.length === 0) {
    return el('p', { class: 'govuk-body' }, 'No round of this stage has closed yet.');
  }
  const demand = d => Object.entries(d || {}).filter(([, n]) => n > 0).map(([p, n]) => p + ': ' + n).join(', ')
    || 'none';
  return el('div', {},
    el('h3', { class: 'govuk-heading-m' }, 'Your rounds'),
    dataTable({
      caption: 'Your processed demand, activity and eligibility, round by round (private to you)', id: 'my-history',
      headers: ['Round', 'Processed demand (blocks)', { label: 'Activity', numeric: true },
        { label: 'Eligibility', numeric: true }, { label: 'Next eligibility', numeric: true }],
      rows: closed.map(r => {
        const result = cache[r.round] && cache[r.round].result;
        return result ? [String(r.round), demand(result.processedDemand), whole(result.activity),
          whole(result.eligibility), whole(result.nextEligibility)]
          : [String(r.round), 'no bids processed for you', '', '', ''];
      })
    }));
}

/**
 * The bid form of an open round: per product the supply, start-of-round and clock prices, the bidder's processed
 * demand, and inputs for demand (and an intra-round price where the stage allows one), each checked as typed.
 */
function bidForm(ctx, w, base, open, mine, currency, afterSubmit) {
  const standing = mine.standing || { eligibility: 0, processedDemand: {}, excluded: false };
  if (standing.excluded) {
    return el('div', { class: 'govuk-warning-text' },
      el('span', { class: 'govuk-warning-text__icon', 'aria-hidden': 'true' }, '!'),
      el('strong', { class: 'govuk-warning-text__text' }, 'You were excluded from this stage by a round-1 condition: '
        + 'you cannot bid in it.'));
  }
  const inputs = {};
  const checks = {};
  const rows = open.prices.map(p => {
    const current = standing.processedDemand[p.product] || 0;
    const quantity = el('input', { class: 'govuk-input app-number-input', type: 'text', inputmode: 'numeric',
      id: 'q-' + w.stage + '-' + p.product, name: 'quantity-' + p.product, value: String(current),
      'aria-describedby': 'check-' + w.stage + '-' + p.product, autocomplete: 'off' });
    const intra = open.intraRoundBids && p.clockPrice > p.startOfRound;
    const price = intra ? el('input', { class: 'govuk-input app-price-input', type: 'text', inputmode: 'numeric',
      id: 'p-' + w.stage + '-' + p.product, name: 'price-' + p.product, autocomplete: 'off',
      'aria-describedby': 'check-' + w.stage + '-' + p.product }) : null;
    const check = el('span', { class: 'govuk-hint app-check', id: 'check-' + w.stage + '-' + p.product });
    inputs[p.product] = { quantity, price, product: p, current };
    checks[p.product] = check;
    return [p.product, whole(p.supply), whole(p.startOfRound), whole(p.clockPrice), String(current),
      el('span', {}, el('label', { class: 'govuk-visually-hidden', for: quantity.id }, 'Your demand for '
        + p.product + ' (blocks)'), quantity),
      price ? el('span', {}, el('label', { class: 'govuk-visually-hidden', for: price.id }, 'Intra-round price for '
        + p.product + ' (empty: the clock price)'), price) : 'clock price',
      check];
  });
  const totals = el('p', { class: 'govuk-body', id: 'activity-' + w.stage, 'aria-live': 'polite' });
  const review = el('div', { id: 'review-' + w.stage });
  const receipt = el('div', { id: 'receipt-' + w.stage });

  const read = () => {
    const bids = [];
    const problems = [];
    let points = 0;
    for (const [product, { quantity, price, product: p, current }] of Object.entries(inputs)) {
      const messages = checkBid(p, quantity.value, price ? price.value : '', current, open);
      checks[product].textContent = messages.length ? messages.join('; ')
        : priceHint(p, open, currency);
      checks[product].className = 'govuk-hint app-check' + (messages.length ? ' app-invalid' : '');
      quantity.classList.toggle('govuk-input--error', messages.some(m => m.startsWith('demand')));
      if (price) {
        price.classList.toggle('govuk-input--error', messages.some(m => m.startsWith('price')));
      }
      problems.push(...messages.map(m => product + ': ' + m));
      const q = Number(quantity.value.trim() === '' ? '0' : quantity.value.trim());
      if (Number.isInteger(q)) {
        points += q * p.eligibilityPoints;
      }
      const priced = price && price.value.trim() !== '';
      if (Number.isInteger(q) && (q > 0 || current > 0 || priced)) {
        bids.push(priced ? { product, quantity: q, price: Number(price.value.replace(/[, ]/g, '')) }
          : { product, quantity: q });
      }
    }
    totals.textContent = 'This bid set asks for ' + whole(points) + ' eligibility points; your eligibility is '
      + whole(standing.eligibility) + (points > standing.eligibility ? ' — too many: the service will refuse it.'
      : '.');
    totals.className = 'govuk-body' + (points > standing.eligibility ? ' app-invalid' : '');
    return { bids, problems };
  };
  Object.values(inputs).forEach(({ quantity, price }) => {
    quantity.addEventListener('input', () => { review.replaceChildren(); read(); });
    if (price) {
      price.addEventListener('input', () => { review.replaceChildren(); read(); });
    }
  });

  const reviewButton = el('button', { type: 'button', class: 'govuk-button', id: 'review-bids-' + w.stage },
    'Review bids');
  reviewButton.addEventListener('click', async () => {
    receipt.replaceChildren();
    const { bids, problems } = read();
    if (problems.length) {
      review.replaceChildren(localErrors(problems));
      review.firstChild.focus();
      return;
    }
    await showReview(base, open, ctx.token, { bids }, review, receipt, afterSubmit);
  });
  const withdrawButton = el('button', { type: 'button', class: 'govuk-button govuk-button--warning',
    id: 'withdraw-bids-' + w.stage }, 'Withdraw this round\'s bids');
  withdrawButton.addEventListener('click', async () => {
    receipt.replaceChildren();
    await showReview(base, open, ctx.token, { bids: [] }, review, receipt, afterSubmit,
      'Withdrawing submits an empty bid set: the directive\'s missing-bid rule then applies to your demand, as if you '
      + 'had not bid.');
  });

  const form = el('div', {},
    el('h3', { class: 'govuk-heading-m' }, 'Your bids for round ' + open.round),
    el('p', { class: 'govuk-body' }, 'Enter your demand in blocks for every product. ' + (open.intraRoundBids
      ? 'To reduce demand at a price below the clock price (an intra-round bid), enter that price too; leave it '
        + 'empty to bid at the clock price.' : 'Bids are at the clock price only.') + ' Prices are in ' + currency
      + ' per block; bids are in multiples of ' + currency + ' ' + whole(open.bidMultiple) + '.'),
    dataTable({
      caption: 'Round ' + open.round + ': prices, supply and your demand', id: 'bid-table-' + w.stage,
      headers: ['Product', { label: 'Supply', numeric: true }, { label: 'Start-of-round price', numeric: true },
        { label: 'Clock price', numeric: true }, { label: 'Your processed demand', numeric: true }, 'Your demand',
        'Price', 'What the rules allow'],
      rows
    }),
    totals,
    el('div', { class: 'govuk-button-group' }, reviewButton, withdrawButton),
    review, receipt);
  read();
  return form;
}

function priceHint(p, open, currency) {
  if (!open.intraRoundBids || p.clockPrice === p.startOfRound) {
    return 'at ' + currency + ' ' + whole(p.clockPrice) + '; up to ' + p.maxPerBidder + ' blocks';
  }
  return 'price ' + whole(p.startOfRound) + ' to ' + whole(p.clockPrice) + ' in multiples of '
    + whole(open.bidMultiple) + '; up to ' + p.maxPerBidder + ' blocks';
}

/** The rules a bid must meet that the page can check as it is typed (the service checks them all again). */
function checkBid(p, quantityText, priceText, current, open) {
  const messages = [];
  const text = quantityText.trim() === '' ? '0' : quantityText.trim();
  if (!/^\d+$/.test(text)) {
    messages.push('demand must be a whole number of blocks');
  } else if (Number(text) > p.maxPerBidder) {
    messages.push('demand at most ' + p.maxPerBidder + ' blocks');
  }
  const priceValue = priceText.replace(/[, ]/g, '');
  if (priceValue !== '') {
    if (!/^\d+$/.test(priceValue)) {
      messages.push('price must be a whole amount');
    } else {
      const price = Number(priceValue);
      if (price < p.startOfRound || price > p.clockPrice) {
        messages.push('price between ' + whole(p.startOfRound) + ' and ' + whole(p.clockPrice));
      } else if (price !== p.clockPrice && price !== p.startOfRound && price % open.bidMultiple !== 0) {
        messages.push('price in multiples of ' + whole(open.bidMultiple));
      } else if (price !== p.clockPrice && /^\d+$/.test(text) && Number(text) === current) {
        messages.push('price: a bid below the clock price must change your demand (' + current + ' now)');
      }
    }
  }
  return messages;
}

function localErrors(problems) {
  return el('div', { class: 'govuk-error-summary', tabindex: '-1', role: 'alert' },
    el('h2', { class: 'govuk-error-summary__title' }, 'Correct these bids first'),
    el('div', { class: 'govuk-error-summary__body' },
      el('ul', { class: 'govuk-list govuk-error-summary__list' }, problems.map(p => el('li', {}, p)))));
}

/**
 * Asks the service what the bid set would meet (nothing is stored), shows its refusals or its penalties, and offers
 * the submission: where the directive penalises the set, only after the bidder confirms it has read the warnings.
 */
async function showReview(base, open, token, bidSet, review, receipt, afterSubmit, note) {
  let preview;
  try {
    preview = (await api(base + '/rounds/' + open.round + '/bids/preview', { method: 'POST', body: bidSet, token })).data;
  } catch (e) {
    review.replaceChildren(errorSummary(e, 'The bids could not be checked'));
    review.firstChild.focus();
    return;
  }
  const summary = summaryList([
    ['Bids', bidSet.bids.length === 0 ? 'none' : bidSet.bids.map(b => b.product + ': ' + b.quantity
      + (b.price !== undefined ? ' at ' + whole(b.price) : ' at the clock price')).join('; ')],
    ['Activity', whole(preview.activity) + ' points of your eligibility ' + whole(preview.eligibility)],
    ['Eligibility next round', whole(preview.nextEligibility) + ' points']
  ]);
  if (!preview.accepted) {
    review.replaceChildren(el('div', { class: 'govuk-error-summary', tabindex: '-1', role: 'alert' },
      el('h2', { class: 'govuk-error-summary__title' }, 'The service would refuse these bids'),
      el('div', { class: 'govuk-error-summary__body' }, el('ul', { class: 'govuk-list govuk-error-summary__list' },
        preview.errors.map(e => el('li', {}, e.path + ': ' + e.message + ' (' + e.rule + ')'))))), summary);
    review.firstChild.focus();
    return;
  }
  const submit = el('button', { type: 'button', class: 'govuk-button', id: 'submit-bids' },
    bidSet.bids.length === 0 ? 'Withdraw my bids' : 'Submit bids');
  const nodes = [el('h3', { class: 'govuk-heading-m' }, 'Review'), summary];
  if (note) {
    nodes.push(el('p', { class: 'govuk-body' }, note));
  }
  let confirm;
  if (preview.warnings.length) {
    const confirmId = 'confirm-warnings';
    confirm = el('input', { class: 'govuk-checkboxes__input', id: confirmId, type: 'checkbox' });
    nodes.push(el('div', { class: 'govuk-warning-text', id: 'bid-warnings', role: 'alert' },
      el('span', { class: 'govuk-warning-text__icon', 'aria-hidden': 'true' }, '!'),
      el('strong', { class: 'govuk-warning-text__text' },
        el('span', { class: 'govuk-visually-hidden' }, 'Warning'),
        'The directive penalises this bid set:',
        el('ul', { class: 'govuk-list govuk-list--bullet app-warning-list' }, preview.warnings.map(x =>
          el('li', {}, el('strong', {}, consequence(x.consequence)), ' — ' + x.message + ' (' + x.rule + ')'))))),
    el('div', { class: 'govuk-checkboxes govuk-checkboxes--small' }, el('div', { class: 'govuk-checkboxes__item' },
      confirm, el('label', { class: 'govuk-label govuk-checkboxes__label', for: confirmId },
        'I have read the warnings and want to submit this bid set anyway'))));
  }
  nodes.push(submit);
  review.replaceChildren(...nodes);
  submit.focus();
  submit.addEventListener('click', async () => {
    if (confirm && !confirm.checked) {
      receipt.replaceChildren(errorSummary(new Error('Tick the box to confirm you have read the warnings, or change '
        + 'your bids.'), 'Not submitted'));
      receipt.firstChild.focus();
      return;
    }
    submit.disabled = true;
    try {
      const result = (await api(base + '/rounds/' + open.round + '/bids', { method: 'POST', body: bidSet, token })).data;
      review.replaceChildren();
      receipt.replaceChildren(el('div', { class: 'govuk-panel govuk-panel--confirmation app-submitted', tabindex: '-1' },
        el('h3', { class: 'govuk-panel__title' }, bidSet.bids.length === 0 ? 'Bids withdrawn' : 'Bids submitted'),
        el('div', { class: 'govuk-panel__body' }, 'Round ' + result.round + ', version ' + result.version)),
      receiptPanel(result.receipt, 'receipt-round' + result.round + '-v' + result.version));
      receipt.firstChild.focus();
      await afterSubmit();
    } catch (e) {
      submit.disabled = false;
      receipt.replaceChildren(errorSummary(e, 'The bids were not accepted'));
      receipt.firstChild.focus();
    }
  });
}

function consequence(code) {
  return { EXCLUDE_AND_FORFEIT_DEPOSIT: 'You would be excluded and forfeit your deposit',
    BID_SET_INVALID: 'The whole bid set would be invalid', ELIGIBILITY_REDUCED: 'Your eligibility would fall' }[code]
    || code;
}

