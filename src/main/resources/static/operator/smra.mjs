// An SMRA stage on the operator's screen: the open round with each licence's minimum acceptable bid and acceptable
// amounts, an action set (bids, withdrawals of standing high bids, a proactive waiver, an eligibility reduction)
// checked by the service at submission, the signed receipt, and the bidder's own rounds.
import {
  api, apiOrNothing, countdown, dataTable, el, errorSummary, receiptPanel, whole
} from '/app/ngms.mjs';

export async function updateSmraStage(ctx, w, body) {
  const base = '/api/v1/auctions/' + ctx.auctionId + '/stages/' + encodeURIComponent(w.stage);
  let parts = body.ngmsParts;
  if (!parts) {
    parts = { live: el('div', { class: 'app-live', 'aria-live': 'polite' }), form: el('div'), history: el('div') };
    body.replaceChildren(parts.live, parts.form, parts.history);
    body.ngmsParts = parts;
  }
  const rounds = (await api(base + '/rounds', { token: ctx.token })).data;
  const closed = rounds.filter(r => r.state !== 'OPEN');
  const cache = ctx.cache[w.stage] = ctx.cache[w.stage] || {};
  for (const r of closed) {
    if (!cache[r.round]) {
      cache[r.round] = await apiOrNothing(base + '/rounds/' + r.round + '/mine', { token: ctx.token });
    }
  }
  parts.history.replaceChildren(history(closed, cache));
  const open = rounds.find(r => r.state === 'OPEN' && r.licences);
  if (!open) {
    body.dataset.round = '';
    parts.live.replaceChildren(el('p', { class: 'govuk-body' }, w.state === 'OPEN' ? 'No round is open at the moment.'
      : 'This stage has ended.'));
    parts.form.replaceChildren();
    return;
  }
  const status = el('p', { class: 'govuk-body-l' });
  parts.live.replaceChildren(el('h3', { class: 'govuk-heading-m' }, 'Round ' + open.round + ' is open'), status,
    open.paused ? el('p', { class: 'govuk-body app-invalid' }, 'Paused by the regulator: no bids are taken.') : null);
  countdown(status, open.closesAt, open.paused);
  if (body.dataset.round !== String(open.round)) {
    body.dataset.round = String(open.round);
    const last = closed.length ? cache[closed[closed.length - 1].round] : undefined;
    parts.form.replaceChildren(actionForm(ctx, base, open, last));
  }
}

function history(closed, cache) {
  if (closed.length === 0) {
    return el('p', { class: 'govuk-body' }, 'No round of this stage has closed yet.');
  }
  return el('div', {}, el('h3', { class: 'govuk-heading-m' }, 'Your rounds'), dataTable({
    caption: 'Your results round by round (private to you)', id: 'my-smra-history',
    headers: ['Round', 'Accepted bids', 'Standing high', { label: 'Eligibility', numeric: true }, 'Refused'],
    rows: closed.map(r => {
      const mine = cache[r.round] || {};
      const result = mine.result || {};
      return [String(r.round),
        (mine.acceptedBids || []).map(b => b.licence + ' ' + whole(b.amount)).join('; ') || 'none',
        (result.standingHigh || mine.standingHigh || []).join(', ') || 'none',
        whole(result.eligibility), (mine.rejections || []).map(x => x.licence + ': ' + x.reason).join('; ') || 'none'];
    })
  }));
}

function actionForm(ctx, base, open, last) {
  const standing = (last && ((last.result && last.result.standingHigh) || last.standingHigh)) || [];
  const selects = [];
  const rows = open.licences.map(l => {
    const id = 'smra-' + l.licence;
    const select = el('select', { class: 'govuk-select', id },
      el('option', { value: '' }, 'no bid'),
      l.acceptableAmounts.map(a => el('option', { value: String(a) }, whole(a))));
    selects.push({ licence: l.licence, select });
    const withdraw = standing.includes(l.licence)
      ? el('input', { type: 'checkbox', class: 'app-withdraw', id: 'withdraw-' + l.licence, value: l.licence }) : null;
    return [l.licence, whole(l.minimumAcceptableBid), l.incrementPercent + ' %',
      el('span', {}, el('label', { class: 'govuk-visually-hidden', for: id }, 'Bid on ' + l.licence), select),
      withdraw ? el('span', {}, el('label', { class: 'govuk-visually-hidden', for: withdraw.id },
        'Withdraw the standing high bid on ' + l.licence), withdraw) : '—'];
  });
  const waiver = el('input', { class: 'govuk-checkboxes__input', type: 'checkbox', id: 'smra-waiver' });
  const reduce = el('input', { class: 'govuk-checkboxes__input', type: 'checkbox', id: 'smra-reduce' });
  const receipt = el('div', { id: 'smra-receipt' });
  const submit = el('button', { type: 'button', class: 'govuk-button', id: 'submit-smra' }, 'Submit actions');
  submit.addEventListener('click', async () => {
    const actions = {
      bids: selects.filter(s => s.select.value !== '').map(s => ({ licence: s.licence, amount: Number(s.select.value) })),
      withdrawals: [...document.querySelectorAll('.app-withdraw:checked')].map(c => c.value),
      waiver: waiver.checked, reduceEligibility: reduce.checked
    };
    submit.disabled = true;
    try {
      const result = (await api(base + '/rounds/' + open.round + '/bids', { method: 'POST', body: actions,
        token: ctx.token })).data;
      receipt.replaceChildren(el('div', { class: 'govuk-panel govuk-panel--confirmation', tabindex: '-1' },
        el('h3', { class: 'govuk-panel__title' }, 'Actions submitted'),
        el('div', { class: 'govuk-panel__body' }, 'Round ' + result.round + ', version ' + result.version)),
      receiptPanel(result.receipt, 'receipt-round' + result.round + '-v' + result.version));
    } catch (e) {
      receipt.replaceChildren(errorSummary(e, 'The actions were not accepted'));
    } finally {
      submit.disabled = false;
      receipt.firstChild.focus();
    }
  });
  return el('div', {}, el('h3', { class: 'govuk-heading-m' }, 'Your actions for round ' + open.round),
    el('p', { class: 'govuk-body' }, 'Bid one of the acceptable amounts on each licence you want; the latest '
      + 'submission counts. The service checks eligibility, activity, caps and withdrawals when you submit.'),
    dataTable({ caption: 'Round ' + open.round + ': licences', id: 'smra-licences',
      headers: ['Licence', { label: 'Minimum acceptable bid', numeric: true }, 'Increment', 'Your bid',
        'Withdraw'], rows }),
    el('div', { class: 'govuk-checkboxes govuk-checkboxes--small' },
      el('div', { class: 'govuk-checkboxes__item' }, waiver,
        el('label', { class: 'govuk-label govuk-checkboxes__label', for: waiver.id }, 'Use a proactive activity waiver')),
      el('div', { class: 'govuk-checkboxes__item' }, reduce,
        el('label', { class: 'govuk-label govuk-checkboxes__label', for: reduce.id },
          'Reduce my eligibility to my current activity instead'))),
    submit, receipt);
}
