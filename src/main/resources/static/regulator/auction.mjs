// One auction in the regulator console (docs/web.md): its state, history and next step; bidders, their
// qualification and their operators' accounts and tokens; transitions; stages and the open round (pause, resume,
// extend, the next round's increment, who has bid — never what); the outcome, rationalisations and the transcript.
// Every accepted change shows its signed receipt; every refusal its problem, each error at its path.
import {
  ApiError, api, banner, countdown, dataTable, downloadText, el, errorSummary, instant, isWholeAmount, money, receiptFrom,
  receiptPanel, show, showError, stateTag, summaryList, utcInstant, utcLocalValue, whole
} from '/app/ngms.mjs';

const ROUND_STAGES = ['CLOCK', 'SMRA', 'ASSIGNMENT'];

let id;
let token;
let base;
let details;
let directive;
let windows = [];
let outcome;
let liveKey;
let liveTimer;

export async function auctionPage(auctionId, regulatorToken) {
  id = auctionId;
  token = regulatorToken;
  base = '/api/v1/auctions/' + encodeURIComponent(id);
  show('auction-page',
    el('p', { class: 'govuk-body' }, el('a', { class: 'govuk-link', href: '/regulator/' }, 'All auctions and directives')),
    el('h2', { class: 'govuk-heading-l', id: 'auction-title' }, 'Loading the auction…'),
    el('div', { id: 'auction-summary' }),
    el('div', { class: 'govuk-inset-text', id: 'next-step', 'aria-live': 'polite' }),
    section('stages', 'Stages and rounds', el('div', { id: 'stage-result' }), el('div', { id: 'stage-list' }),
      el('div', { id: 'live-round' }), el('div', { id: 'round-result' }), el('div', { id: 'submissions' })),
    section('transitions', 'State', el('div', { id: 'transition-result' }), el('div', { id: 'transition-controls' })),
    section('bidders', 'Bidders', el('div', { id: 'bidder-result' }), el('div', { id: 'bidders' }),
      el('div', { id: 'disqualify' }), registerForm()),
    section('accounts', 'Operator accounts and tokens', el('div', { id: 'account-result' }),
      el('div', { id: 'token-issued' }), el('div', { id: 'account-forms' }), el('div', { id: 'token-list' })),
    section('outcome', 'Outcome and transcript', el('div', { id: 'outcome-result' }), el('div', { id: 'outcome-view' }),
      el('div', { id: 'transcript' })),
    section('history', 'History', el('div', { id: 'auction-history' })));
  try {
    await refresh();
    directive = (await api('/api/v1/directives/' + encodeURIComponent(details.directive.id) + '/versions/'
      + details.directive.version)).data.document;
    renderTransitions();
    renderTranscript();
    await refreshLive();
    follow();
  } catch (e) {
    showError('auction-page', e, 'The auction could not be loaded');
  }
}

function section(key, title, ...children) {
  return el('section', { id: 'section-' + key, 'aria-labelledby': key + '-heading' },
    el('h2', { class: 'govuk-heading-m', id: key + '-heading' }, title), children);
}

/**
 * Runs an action, refreshes the page, then shows `title` and the receipt, or the refusal, in `resultId`: the result
 * appears once the page around it shows the new state (a failed refresh is reported after the action's result).
 */
async function act(resultId, title, call, receiptName, ...more) {
  let response;
  try {
    response = await call();
  } catch (e) {
    showError(resultId, e, title.replace(/^./, c => c.toLowerCase()).replace(/^/, 'Refused: '));
    return undefined;
  }
  let stale;
  try {
    await refresh();
    await refreshLive();
  } catch (e) {
    stale = e;
  }
  const receipt = receiptFrom(response);
  const target = show(resultId, banner(title, more.length ? more : el('p', { class: 'govuk-body' },
    receipt ? 'Recorded in the auction\'s transcript: the signed receipt is below.' : 'Done.')),
  receipt ? receiptPanel(receipt, receiptName) : null,
  stale ? errorSummary(stale, 'Done, but the page could not be refreshed: reload it') : null);
  target.firstChild.setAttribute('tabindex', '-1');
  target.firstChild.focus();
  return response;
}

const post = (path, body) => api(base + path, { method: 'POST', body: body || {}, token });

// --- the auction, its bidders and its history

async function refresh() {
  details = (await api(base, { token })).data;
  show('auction-title', details.title || details.id);
  renderSummary();
  renderBidders();
  await renderAccounts();
  show('auction-history', dataTable({ caption: 'State changes', id: 'history-table',
    headers: ['#', 'From', 'To', 'Reason', 'When'],
    rows: details.transitions.map(t => [String(t.seq), t.from || '', t.to, t.reason || '', instant(t.at)]) }));
}

function renderSummary() {
  const s = details.schedule;
  show('auction-summary', summaryList([
    ['State', el('span', { id: 'auction-state' }, stateTag(details.state))],
    ['Auction id', el('span', { class: 'app-mono' }, details.id)],
    ['Directive', details.directive.id + ' version ' + details.directive.version],
    ['Directive SHA-256', el('span', { class: 'app-mono' }, details.directive.sha256)],
    ['Application deadline', instant(s.applicationDeadline)],
    ['Bidding opens', instant(s.biddingOpens)],
    ['Stage openings', Object.entries(s.stageOpenings || {}).map(([k, v]) => k + ': ' + instant(v)).join('; ')]
  ]));
}

function renderBidders() {
  const decidable = details.state === 'QUALIFICATION';
  show('bidders', details.bidders.length === 0 ? el('p', { class: 'govuk-body' }, 'No applicant yet.')
    : dataTable({ caption: 'Applicants and their status', id: 'bidders-table',
      headers: ['Bidder', 'Organisation', 'Status', 'New entrant', { label: 'Deposit', numeric: true },
        { label: 'Eligibility points', numeric: true }, 'Decision', 'Qualify'],
      rows: details.bidders.map(b => [b.id, b.organisation, stateTag(b.status), b.newEntrant ? 'yes' : 'no',
        { value: money(b.deposit), numeric: true }, { value: whole(b.eligibilityPoints), numeric: true },
        b.decisionReason || (b.decidedAt ? instant(b.decidedAt) : ''),
        decidable && b.status === 'REGISTERED'
          ? el('button', { type: 'button', class: 'govuk-button govuk-button--secondary app-inline-button',
            id: 'qualify-' + b.id, onclick: () => act('bidder-result', 'Bidder ' + b.id + ' qualified',
              () => post('/bidders/' + encodeURIComponent(b.id) + '/qualification'), 'qualified-' + b.id) },
          'Qualify ' + b.id)
          : '']) }));
  const undecided = details.bidders.filter(b => b.status === 'REGISTERED');
  if (!decidable || undecided.length === 0) {
    show('disqualify');
    return;
  }
  const who = el('select', { class: 'govuk-select', id: 'disqualify-bidder' },
    undecided.map(b => el('option', { value: b.id }, b.id)));
  const reason = el('textarea', { class: 'govuk-textarea', id: 'disqualify-reason', rows: '2' });
  show('disqualify', el('form', { novalidate: true, onsubmit: e => {
    e.preventDefault();
    act('bidder-result', 'Bidder ' + who.value + ' disqualified', () => post('/bidders/'
      + encodeURIComponent(who.value) + '/disqualification', { reason: reason.value }), 'disqualified-' + who.value);
  } },
  el('h3', { class: 'govuk-heading-s' }, 'Disqualify an applicant'),
  el('div', { class: 'govuk-form-group' }, el('label', { class: 'govuk-label', for: 'disqualify-bidder' }, 'Applicant'), who),
  el('div', { class: 'govuk-form-group' }, el('label', { class: 'govuk-label', for: 'disqualify-reason' },
    'Reason (required; recorded in the transcript and shown to the bidder)'), reason),
  el('button', { type: 'submit', class: 'govuk-button govuk-button--warning', id: 'disqualify-button' }, 'Disqualify')));
}

/** `band=MHz, band=MHz` (or `category=blocks`) as an object; refuses what is not of that form at `path`. */
function pairs(text, path, integer, errors) {
  const out = {};
  for (const part of text.split(',').map(p => p.trim()).filter(p => p)) {
    const [key, value] = part.split('=').map(p => (p || '').trim());
    const ok = key && (integer ? /^[0-9]+$/.test(value) : /^[0-9]+(\.[0-9]+)?$/.test(value));
    if (!ok) {
      errors.push({ path: path + '.' + (key || '?'), rule: 'BAD_FORMAT', message: 'write ' + (integer
        ? 'category=blocks (whole blocks)' : 'band=MHz') + ', separated by commas', value: part });
    } else {
      out[key] = integer ? Number(value) : value;
    }
  }
  return Object.keys(out).length ? out : undefined;
}

function field(idName, label, hint, input) {
  return el('div', { class: 'govuk-form-group' },
    el('label', { class: 'govuk-label', for: idName }, label),
    hint ? el('div', { class: 'govuk-hint', id: idName + '-hint' }, hint) : null, input);
}

function registerForm() {
  const input = (idName, props = {}) => el('input', Object.assign({ class: 'govuk-input', id: idName, name: idName,
    type: 'text' }, props));
  const form = el('form', { id: 'register-form', novalidate: true },
    el('h3', { class: 'govuk-heading-s' }, 'Register an applicant'),
    field('bidder-id', 'Bidder id', 'The operator\'s id in every auction (jazz, zong, ufone, telenor…).',
      input('bidder-id', { class: 'govuk-input govuk-input--width-10', spellcheck: 'false' })),
    field('bidder-organisation', 'Organisation', null, input('bidder-organisation')),
    el('div', { class: 'govuk-form-group' }, el('div', { class: 'govuk-checkboxes govuk-checkboxes--small' },
      el('div', { class: 'govuk-checkboxes__item' },
        el('input', { class: 'govuk-checkboxes__input', id: 'bidder-new-entrant', type: 'checkbox' }),
        el('label', { class: 'govuk-label govuk-checkboxes__label', for: 'bidder-new-entrant' }, 'New entrant')))),
    field('bidder-deposit', 'Deposit (whole USD)', 'An integer, without separators or decimals.',
      input('bidder-deposit', { class: 'govuk-input app-price-input', inputmode: 'numeric' })),
    field('bidder-holdings', 'Holdings (optional)', 'band=MHz, comma-separated (1800=12.8, 2100=10); without it, '
      + 'the directive\'s existing holdings for this bidder id.', input('bidder-holdings', { spellcheck: 'false' })),
    field('bidder-demand', 'Requested demand (optional)', 'category=blocks, comma-separated, where the directive '
      + 'asks for it.', input('bidder-demand', { spellcheck: 'false' })),
    el('button', { type: 'submit', class: 'govuk-button', id: 'register-bidder' }, 'Register the applicant'));
  form.addEventListener('submit', e => {
    e.preventDefault();
    const value = name => document.getElementById(name).value.trim();
    const errors = [];
    if (!isWholeAmount(value('bidder-deposit'))) {
      errors.push({ path: 'deposit', rule: 'WHOLE_AMOUNT', message: 'the deposit is a whole number of USD, '
        + 'without decimals or separators', value: value('bidder-deposit') });
    }
    const holdings = pairs(value('bidder-holdings'), 'holdings', false, errors);
    const requestedDemand = pairs(value('bidder-demand'), 'requestedDemand', true, errors);
    if (errors.length) {
      showError('bidder-result', new ApiError(422, { detail: 'nothing was sent: correct the form', errors }),
        'The applicant was not registered');
      return;
    }
    const body = { id: value('bidder-id'), organisation: value('bidder-organisation'),
      newEntrant: document.getElementById('bidder-new-entrant').checked, deposit: Number(value('bidder-deposit')),
      holdings, requestedDemand };
    act('bidder-result', 'Applicant ' + body.id + ' registered', () => post('/bidders', body), 'registered-' + body.id)
      .then(r => r && form.reset());
  });
  return form;
}

// --- operator accounts (one per bidder, bound to its id) and their tokens, shown once

async function renderAccounts() {
  const bidders = details.bidders.map(b => b.id);
  const accounts = (await api('/api/v1/accounts', { token })).data
    .filter(a => a.role === 'OPERATOR' && bidders.includes(a.organisation));
  const tokens = await Promise.all(accounts.map(a => api('/api/v1/accounts/' + encodeURIComponent(a.id) + '/tokens',
    { token }).then(r => r.data)));
  renderAccountForms(bidders, accounts);
  const rows = [];
  accounts.forEach((a, i) => {
    if (tokens[i].length === 0) {
      rows.push([a.id, a.organisation, 'no token', '', '', '', '']);
    }
    tokens[i].forEach(t => rows.push([a.id, a.organisation, t.label || '', instant(t.createdAt), instant(t.expiresAt),
      t.revokedAt ? 'revoked ' + instant(t.revokedAt) : (t.lastUsedAt ? 'used ' + instant(t.lastUsedAt) : 'unused'),
      t.revokedAt ? '' : el('button', { type: 'button', class: 'govuk-button govuk-button--warning app-inline-button',
        id: 'revoke-' + t.id, onclick: () => actAccount('Token ' + (t.label || t.id) + ' of ' + a.id + ' revoked',
          () => api('/api/v1/accounts/' + encodeURIComponent(a.id) + '/tokens/' + t.id + '/revocation',
            { method: 'POST', body: {}, token })) }, 'Revoke')]));
  });
  show('token-list', rows.length === 0 ? el('p', { class: 'govuk-body' }, 'No operator account for these bidders yet.')
    : dataTable({ caption: 'Operator accounts of these bidders and their tokens (never the tokens themselves)',
      id: 'tokens-table', headers: ['Account', 'Bidder', 'Token label', 'Issued', 'Expires', 'Use', 'Revoke'], rows }));
}

async function actAccount(title, call) {
  try {
    await call();
    const target = show('account-result', banner(title, el('p', { class: 'govuk-body' },
      'Recorded in the service transcript and the security log.')));
    target.firstChild.setAttribute('tabindex', '-1');
    target.firstChild.focus();
    await renderAccounts();
  } catch (e) {
    showError('account-result', e, 'Refused: ' + title.toLowerCase());
  }
}

function renderAccountForms(bidders, accounts) {
  const holder = document.getElementById('account-forms');
  if (holder.dataset.key === bidders.join(',') + '|' + accounts.map(a => a.id).join(',')) {
    return;
  }
  holder.dataset.key = bidders.join(',') + '|' + accounts.map(a => a.id).join(',');
  if (bidders.length === 0) {
    holder.replaceChildren(el('p', { class: 'govuk-body' }, 'Register applicants first; each bidder\'s operator '
      + 'account is bound to its bidder id.'));
    return;
  }
  const bidder = el('select', { class: 'govuk-select', id: 'account-bidder' },
    bidders.map(b => el('option', { value: b }, b)));
  const accountId = el('input', { class: 'govuk-input govuk-input--width-20', id: 'account-id', type: 'text',
    spellcheck: 'false', value: bidders[0] + '-desk' });
  bidder.addEventListener('change', () => {
    accountId.value = bidder.value + '-desk';
  });
  const display = el('input', { class: 'govuk-input', id: 'account-name', type: 'text' });
  const create = el('form', { id: 'account-form', novalidate: true, onsubmit: e => {
    e.preventDefault();
    actAccount('Operator account ' + accountId.value + ' created for ' + bidder.value, () => api('/api/v1/accounts',
      { method: 'POST', token, body: { id: accountId.value.trim(), role: 'OPERATOR', organisation: bidder.value,
        displayName: display.value.trim() || accountId.value.trim() } }));
  } },
  el('h3', { class: 'govuk-heading-s' }, 'Create an operator account'),
  field('account-bidder', 'Bidder it acts for', null, bidder),
  field('account-id', 'Account id', null, accountId),
  field('account-name', 'Display name', null, display),
  el('button', { type: 'submit', class: 'govuk-button', id: 'create-account' }, 'Create the account'));
  const account = el('select', { class: 'govuk-select', id: 'token-account' },
    accounts.map(a => el('option', { value: a.id }, a.id + ' (' + a.organisation + ')')));
  const label = el('input', { class: 'govuk-input govuk-input--width-20', id: 'token-label', type: 'text',
    value: 'bidding desk' });
  const expires = el('input', { class: 'govuk-input govuk-input--width-20', id: 'token-expires', type: 'datetime-local',
    step: '1', 'aria-describedby': 'token-expires-hint',
    value: utcLocalValue(new Date(Date.now() + 30 * 86_400_000).toISOString()) });
  const issue = accounts.length === 0 ? null : el('form', { id: 'token-form', novalidate: true, onsubmit: e => {
    e.preventDefault();
    issueToken(account.value, label.value.trim(), utcInstant(expires.value));
  } },
  el('h3', { class: 'govuk-heading-s' }, 'Issue a token'),
  field('token-account', 'Account', null, account),
  field('token-label', 'Label', null, label),
  field('token-expires', 'Expires', 'In UTC. At most a year ahead; empty for the default of 90 days.', expires),
  el('button', { type: 'submit', class: 'govuk-button', id: 'issue-token' }, 'Issue the token'));
  holder.replaceChildren(create, issue || '');
}

/** Issues a token and shows it once: it is not kept by the page, and the service never shows it again. */
async function issueToken(account, label, expiresAt) {
  try {
    const issued = (await api('/api/v1/accounts/' + encodeURIComponent(account) + '/tokens', { method: 'POST', token,
      body: { label: label || undefined, expiresAt } })).data;
    const value = el('textarea', { class: 'govuk-textarea app-token', id: 'issued-token', rows: '2', readonly: true,
      'aria-describedby': 'issued-token-warning', spellcheck: 'false' });
    value.value = issued.token;
    const copy = el('button', { type: 'button', class: 'govuk-button govuk-button--secondary', id: 'copy-token' },
      'Copy the token');
    const copied = el('span', { class: 'govuk-body', 'aria-live': 'polite' });
    copy.addEventListener('click', async () => {
      value.select();
      try {
        await navigator.clipboard.writeText(issued.token);
        copied.textContent = ' Copied.';
      } catch (e) {
        copied.textContent = ' Selected: press Ctrl+C (or ⌘C) to copy it.';
      }
    });
    const target = show('token-issued', el('div', { class: 'app-live', tabindex: '-1' },
      el('h3', { class: 'govuk-heading-m' }, 'Token for ' + account),
      el('div', { class: 'govuk-warning-text' },
        el('span', { class: 'govuk-warning-text__icon', 'aria-hidden': 'true' }, '!'),
        el('strong', { class: 'govuk-warning-text__text', id: 'issued-token-warning' },
          el('span', { class: 'govuk-visually-hidden' }, 'Warning'),
          'This token is shown once. Copy it now and hand it to the operator securely: it is not shown again, '
          + 'here or anywhere (the service keeps only its hash).')),
      el('label', { class: 'govuk-label', for: 'issued-token' }, 'The token (' + (issued.record.label || '') + ', expires '
        + instant(issued.record.expiresAt) + ')'), value, copy, copied));
    target.firstChild.focus();
    await renderAccounts();
  } catch (e) {
    showError('account-result', e, 'The token was not issued');
  }
}

// --- transitions and the next step

function renderTransitions() {
  const reason = el('textarea', { class: 'govuk-textarea', id: 'cancel-reason', rows: '2' });
  const to = (target, reasonText) => act('transition-result', 'Auction moved to ' + target,
    () => post('/transitions', { to: target, reason: reasonText }), 'transition-' + target.toLowerCase());
  show('transition-controls',
    el('div', { class: 'govuk-button-group' },
      el('button', { type: 'button', class: 'govuk-button', id: 'to-qualification', onclick: () => to('QUALIFICATION') },
        'Open qualification'),
      el('button', { type: 'button', class: 'govuk-button', id: 'to-bidding', onclick: () => to('BIDDING') },
        'Open bidding'),
      el('button', { type: 'button', class: 'govuk-button', id: 'to-concluded', onclick: () => to('CONCLUDED') },
        'Conclude')),
    el('form', { id: 'cancel-form', novalidate: true, onsubmit: e => {
      e.preventDefault();
      if (!reason.value.trim()) {
        showError('transition-result', new ApiError(422, { code: 'reason-required', detail: 'nothing was sent: '
          + 'a cancellation must state its reason', errors: [{ path: 'reason', rule: 'REQUIRED',
          message: 'the reason is required' }] }), 'The auction was not cancelled');
        return;
      }
      to('CANCELLED', reason.value.trim());
    } },
    el('h3', { class: 'govuk-heading-s' }, 'Cancel the auction'),
    field('cancel-reason', 'Reason (required)', 'Recorded in the transcript and published with it.', reason),
    el('button', { type: 'submit', class: 'govuk-button govuk-button--warning', id: 'cancel-auction' },
      'Cancel the auction')));
}

/** What the regulator must do now, from the auction's state, its bidders, stages, open round and outcome. */
function nextStep(open) {
  const undecided = details.bidders.filter(b => b.status === 'REGISTERED').length;
  const qualified = details.bidders.filter(b => b.status === 'QUALIFIED').length;
  switch (details.state) {
    case 'DRAFT':
      return 'Next: register the applicants (Bidders), create their operators\' accounts and tokens, then open '
        + 'qualification. Applicants can still be registered during qualification.';
    case 'QUALIFICATION':
      return undecided > 0 ? 'Next: qualify or disqualify each applicant (' + undecided + ' undecided). Bidding opens '
        + 'only when none is undecided and at least one is qualified.'
        : qualified === 0 ? 'No applicant is qualified: bidding cannot open. Register and qualify one, or cancel.'
          : 'Every applicant is decided: open bidding. The first stage then opens at its scheduled time.';
    case 'BIDDING':
      if (outcome) {
        return 'The outcome is published (transcript record #' + outcome.transcriptSeq + ', ' + instant(outcome.publishedAt)
          + '): conclude the auction' + (directive && (directive.bandPlans || []).length
          ? ', and rationalise the band plans where the licences ask for it.' : '.');
      }
      if (open) {
        return 'Round ' + open.round.round + ' of stage ' + open.stage.stage + ' is open' + (open.round.paused
          ? ' and paused: resume it when bidding may go on.' : ': it closes by itself at its deadline and the next '
          + 'round opens. You may pause, resume or extend it.') + ' The service records the outcome when the last '
          + 'stage ends; then conclude the auction.';
      }
      return 'The stages run on their schedule: each window opens and closes by itself, and the service records the '
        + 'outcome when the last stage ends. Nothing to do until then, except extending a sealed stage\'s deadline.';
    case 'CONCLUDED':
      return 'Concluded: the transcript is public. ' + (directive && (directive.bandPlans || []).length
        ? 'Rationalise the band plans where the licences ask for it.' : 'Nothing more to do.');
    default:
      return 'Cancelled: nothing more to do. The transcript is public.';
  }
}

// --- stages, the open round, who has bid, and the outcome: refreshed from the feed and every 5 seconds

function follow() {
  let source;
  try {
    source = new EventSource(base + '/feed');
    source.onmessage = () => refreshLive();
    for (const type of ['STAGE_OPENED', 'ROUND_OPENED', 'ROUND_RESULT', 'SMRA_ROUND_OPENED', 'SMRA_ROUND_RESULT',
      'ROUND_PAUSED', 'ROUND_RESUMED', 'ROUND_EXTENDED', 'ROUND_INCREMENT_SET', 'STAGE_RESULT', 'OUTCOME_PUBLISHED']) {
      source.addEventListener(type, () => refreshLive());
    }
  } catch (e) {
    source = undefined;
  }
  window.addEventListener('pagehide', () => source && source.close());
  liveTimer = setInterval(() => refreshLive().catch(() => undefined), 5000);
}

let refreshing;

async function refreshLive() {
  if (refreshing) {
    return refreshing;
  }
  refreshing = (async () => {
    try {
      await liveOnce();
    } finally {
      refreshing = undefined;
    }
  })();
  return refreshing;
}

async function liveOnce() {
  const state = (await api(base)).data.state;
  if (state !== details.state) {
    await refresh();
  }
  windows = (await api(base + '/stages')).data;
  const done = windows.length > 0 && windows.every(w => w.state === 'EVALUATED' || w.state === 'CLOSED');
  if (!outcome && (details.state === 'CONCLUDED' || done)) {
    outcome = await api(base + '/outcome').then(r => r.data, () => undefined);
  }
  let open;
  for (const w of windows.filter(w => w.state === 'OPEN' && ROUND_STAGES.includes(w.type))) {
    const rounds = (await api(base + '/stages/' + encodeURIComponent(w.stage) + '/rounds')).data;
    const round = rounds.find(r => r.state === 'OPEN');
    if (round) {
      open = { stage: w, round };
      break;
    }
  }
  show('next-step', nextStep(open));
  renderStages();
  renderRound(open);
  await renderSubmissions(open);
  renderOutcome();
}

function renderStages() {
  show('stage-list', windows.length === 0
    ? el('p', { class: 'govuk-body' }, 'No stage window yet: the first stage gets its window when bidding opens.')
    : dataTable({ caption: 'Stage windows', id: 'stages-table', headers: ['Stage', 'Type', 'State', 'Opens', 'Closes'],
      rows: windows.map(w => [w.stage, w.type, stateTag(w.state), instant(w.opensAt), instant(w.closesAt)]) }));
  const sealed = windows.filter(w => (w.state === 'OPEN' || w.state === 'SCHEDULED') && !ROUND_STAGES.includes(w.type)
    && w.closesAt);
  const holder = document.getElementById('stage-result');
  const key = sealed.map(w => w.stage + w.closesAt).join(',');
  if (holder.dataset.key === key) {
    return;
  }
  holder.dataset.key = key;
  holder.replaceChildren(...sealed.map(w => {
    const input = el('input', { class: 'govuk-input govuk-input--width-20', type: 'datetime-local', step: '1',
      id: 'deadline-' + w.stage, value: utcLocalValue(w.closesAt), 'aria-describedby': 'deadline-' + w.stage + '-hint' });
    return el('form', { novalidate: true, onsubmit: e => {
      e.preventDefault();
      act('stage-result-' + w.stage, 'Deadline of stage ' + w.stage + ' extended', () => post('/stages/'
        + encodeURIComponent(w.stage) + '/deadline', { closesAt: utcInstant(input.value) }), 'deadline-' + w.stage);
    } },
    el('div', { id: 'stage-result-' + w.stage }),
    field('deadline-' + w.stage, 'New deadline of sealed stage ' + w.stage + ' (UTC)',
      'Later than ' + instant(w.closesAt) + ': a deadline can only be extended.', input),
    el('button', { type: 'submit', class: 'govuk-button govuk-button--secondary' }, 'Extend the deadline'));
  }));
}

/** The directive's rule for a stage's increments: the range the regulator may choose in, or undefined. */
function regulatorRange(stageId) {
  const s = (directive.stages || []).find(x => x.id === stageId) || {};
  if (s.type === 'SMRA' && s.incrementRule === 'REGULATOR_RANGE') {
    return { min: s.minIncrementPercent, max: s.maxIncrementPercent };
  }
  const increment = s.increment || (s.clock && s.clock.increment);
  if (increment && increment.basis === 'REGULATOR_RANGE') {
    return { min: increment.minPercent, max: increment.maxPercent };
  }
  return undefined;
}

function renderRound(open) {
  const holder = document.getElementById('live-round');
  if (!open) {
    liveKey = undefined;
    holder.replaceChildren(el('p', { class: 'govuk-body', id: 'round-status' }, 'No round is open.'));
    return;
  }
  const { stage, round } = open;
  const key = stage.stage + '/' + round.round + '/' + round.paused + '/' + round.closesAt;
  if (key !== liveKey) {
    liveKey = key;
    const path = '/stages/' + encodeURIComponent(stage.stage) + '/rounds/' + round.round;
    const name = stage.stage + '-round-' + round.round;
    const extendTo = el('input', { class: 'govuk-input govuk-input--width-20', type: 'datetime-local', step: '1',
      id: 'round-deadline', value: utcLocalValue(round.closesAt), 'aria-describedby': 'round-deadline-hint' });
    const range = regulatorRange(stage.stage);
    const percent = el('input', { class: 'govuk-input app-number-input', type: 'text', inputmode: 'decimal',
      id: 'increment-percent', value: range ? range.min : '', 'aria-describedby': 'increment-percent-hint' });
    holder.replaceChildren(el('div', { class: 'app-live' },
      el('h3', { class: 'govuk-heading-m', id: 'open-round' }, 'Stage ' + stage.stage + ', round ' + round.round
        + ' ', round.paused ? stateTag('PAUSED') : stateTag('OPEN')),
      el('p', { class: 'govuk-body', id: 'round-countdown', 'aria-live': 'off' }),
      el('div', { class: 'govuk-button-group' },
        round.paused
          ? el('button', { type: 'button', class: 'govuk-button', id: 'resume-round',
            onclick: () => act('round-result', 'Round ' + round.round + ' resumed', () => post(path + '/resume'),
              name + '-resumed') }, 'Resume the round')
          : el('button', { type: 'button', class: 'govuk-button govuk-button--warning', id: 'pause-round',
            onclick: () => act('round-result', 'Round ' + round.round + ' paused', () => post(path + '/pause'),
              name + '-paused') }, 'Pause the round')),
      el('form', { id: 'extend-form', novalidate: true, onsubmit: e => {
        e.preventDefault();
        act('round-result', 'Round ' + round.round + ' extended', () => post(path + '/deadline',
          { closesAt: utcInstant(extendTo.value) }), name + '-extended');
      } },
      field('round-deadline', 'New deadline (UTC)', 'Later than ' + instant(round.closesAt) + '.', extendTo),
      el('button', { type: 'submit', class: 'govuk-button govuk-button--secondary', id: 'extend-round' },
        'Extend the round')),
      range
        ? el('form', { id: 'increment-form', novalidate: true, onsubmit: e => {
          e.preventDefault();
          act('round-result', 'Increment of round ' + (round.round + 1) + ' set to ' + percent.value + ' %',
            () => post('/stages/' + encodeURIComponent(stage.stage) + '/rounds/' + (round.round + 1) + '/increment',
              { percent: percent.value.trim() }), name + '-next-increment');
        } },
        field('increment-percent', 'Increment of round ' + (round.round + 1) + ' (percent)', 'Within the directive\'s '
          + 'range: ' + range.min + ' % to ' + range.max + ' %. Without it, the round opens at the minimum.', percent),
        el('button', { type: 'submit', class: 'govuk-button govuk-button--secondary', id: 'set-increment' },
          'Set the increment'))
        : el('p', { class: 'govuk-body', id: 'increment-rule' }, 'The directive sets this stage\'s increments; the '
          + 'regulator does not choose them.')));
  }
  countdown(document.getElementById('round-countdown'), round.closesAt, round.paused);
}

async function renderSubmissions(open) {
  const stage = open ? open.stage : windows.find(w => w.state === 'OPEN');
  if (!stage) {
    show('submissions');
    return;
  }
  const s = (await api(base + '/stages/' + encodeURIComponent(stage.stage) + '/submissions', { token })).data;
  show('submissions', dataTable({
    caption: 'Who has bid' + (s.round ? ' in round ' + s.round : '') + ' of stage ' + s.stage + ' — never what',
    id: 'submissions-table', headers: ['Bidder', 'Has bid', { label: 'Submissions', numeric: true },
      { label: 'Latest version', numeric: true }, 'Latest at'],
    rows: s.bidders.map(b => [b.bidder, b.hasBid ? 'yes' : (b.withdrawn ? 'withdrawn' : 'not yet'),
      { value: String(b.submissions), numeric: true }, { value: b.latestVersion ? String(b.latestVersion) : '',
        numeric: true }, instant(b.latestAt)]) }));
}

function renderOutcome() {
  const holder = document.getElementById('outcome-view');
  if (!outcome) {
    holder.replaceChildren(el('p', { class: 'govuk-body' }, 'No outcome yet: the service records it when the last '
      + 'stage ends.'));
    return;
  }
  if (holder.dataset.seq === String(outcome.transcriptSeq)) {
    return;
  }
  holder.dataset.seq = String(outcome.transcriptSeq);
  const o = outcome.outcome || {};
  const winners = o.winners || o.awards || [];
  const plans = (directive.bandPlans || []).map(p => p.category);
  const category = el('select', { class: 'govuk-select', id: 'rationalise-category' },
    plans.map(c => el('option', { value: c }, c)));
  holder.replaceChildren(
    summaryList([['Published', instant(outcome.publishedAt)], ['Transcript record', '#' + outcome.transcriptSeq]]),
    Array.isArray(winners) && winners.length ? dataTable({ caption: 'Winners', id: 'outcome-table',
      headers: ['Bidder', 'Details'], rows: winners.map(w => [w.bidder || w.id || '', JSON.stringify(w)]) }) : null,
    el('p', { class: 'govuk-body' }, downloadText(JSON.stringify(outcome, null, 2), 'outcome-' + id + '.json',
      'Download the outcome (JSON)')),
    plans.length ? el('form', { id: 'rationalise-form', novalidate: true, onsubmit: e => {
      e.preventDefault();
      act('outcome-result', 'Band plan ' + category.value + ' rationalised', () => post('/rationalisations',
        { category: category.value }), 'rationalisation-' + category.value);
    } },
    el('h3', { class: 'govuk-heading-s' }, 'Rationalise a band plan'),
    field('rationalise-category', 'Category', 'Rearranges every operator\'s holdings in the band to be contiguous '
      + 'where possible, never changing how much anyone holds.', category),
    el('button', { type: 'submit', class: 'govuk-button', id: 'rationalise' }, 'Rationalise')) : null);
}

function renderTranscript() {
  const button = el('button', { type: 'button', class: 'govuk-button govuk-button--secondary', id: 'fetch-transcript' },
    'Fetch the transcript');
  button.addEventListener('click', async () => {
    try {
      // the bundle is JSON Lines, read as text (api() would take it for one JSON document)
      const response = await fetch(base + '/transcript', { headers: { Authorization: 'Bearer ' + token,
        Accept: 'application/jsonl' }, cache: 'no-store' });
      if (!response.ok) {
        throw new ApiError(response.status, await response.json().catch(() => undefined), base + '/transcript');
      }
      const text = await response.text();
      show('transcript-link', el('p', { class: 'govuk-body' }, downloadText(text, 'transcript-' + id + '.jsonl',
        'Download the transcript (' + whole(text.split('\n').filter(l => l).length) + ' lines)', 'application/jsonl'),
      ' — check it offline with ', el('code', {}, 'java -jar ngms-auction.jar verify transcript-' + id + '.jsonl')));
    } catch (e) {
      showError('transcript-link', e, 'The transcript could not be fetched');
    }
  });
  show('transcript', el('p', { class: 'govuk-body' }, 'The regulator may read the transcript before the auction ends; '
    + 'everyone else once it has.'), button, el('div', { id: 'transcript-link' }));
}

export function stopLive() {
  clearInterval(liveTimer);
}
