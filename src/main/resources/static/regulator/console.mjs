// The regulator console (docs/web.md): sign in with a regulator token; directives (YAML upload, every error at its
// path, versions and hashes); new auctions with their schedule; the service's signing key and security log. An
// auction's own page (?auction=id) is auctionPage in auction.mjs.
import {
  ApiError, api, banner, dataTable, el, instant, isUuid, param, receiptPanel, receiptFrom, show, showError,
  stateTag, storeToken, storedToken, summaryList, utcInstant
} from '/app/ngms.mjs';
import { auctionPage } from '/regulator/auction.mjs';

const SCREEN = 'regulator';

async function main() {
  document.getElementById('signin-form').addEventListener('submit', signIn);
  document.getElementById('signout').addEventListener('click', signOut);
  const token = storedToken(SCREEN);
  if (token) {
    await start(token);
  }
}

/** Checks a pasted token with whoami: it must be a REGULATOR's. Nothing is stored until it is. */
async function signIn(event) {
  event.preventDefault();
  const field = document.getElementById('token');
  const token = field.value.trim();
  if (!token) {
    showError('signin-result', new ApiError(422, { detail: 'Paste a regulator token to sign in',
      errors: [{ path: 'token', rule: 'REQUIRED', message: 'a token is required' }] }), 'Sign in failed');
    return;
  }
  await start(token);
  field.value = '';
}

async function start(token) {
  try {
    const who = (await api('/api/v1/whoami', { token })).data;
    if (!who.authenticated || who.role !== 'REGULATOR') {
      storeToken(SCREEN, undefined);
      showError('signin-result', new ApiError(403, { code: 'forbidden', detail: 'this token is '
        + (who.authenticated ? 'a ' + who.role + '\'s (account ' + who.account + ')' : 'not accepted')
        + '; the console needs a REGULATOR token' }), 'Sign in failed');
      return;
    }
    storeToken(SCREEN, token);
    document.getElementById('signin').hidden = true;
    document.getElementById('console').hidden = false;
    show('whoami', 'Signed in as ', el('strong', {}, who.account), ' (', who.role, ')');
    const auction = param('auction');
    if (auction && isUuid(auction)) {
      show('home');
      await auctionPage(auction, token);
    } else {
      show('auction-page');
      home(token);
    }
  } catch (e) {
    storeToken(SCREEN, undefined);
    showError('signin-result', e, 'Sign in failed');
  }
}

function signOut() {
  storeToken(SCREEN, undefined);
  location.href = '/regulator/';
}

// --- the console's home: directives, a new auction, the auctions, the service

function home(token) {
  show('home',
    el('section', { 'aria-labelledby': 'directives-heading' },
      el('h2', { class: 'govuk-heading-l', id: 'directives-heading' }, 'Directives'),
      directiveForm(token),
      el('div', { id: 'directive-list' })),
    el('section', { 'aria-labelledby': 'create-heading' },
      el('h2', { class: 'govuk-heading-l', id: 'create-heading' }, 'Create an auction'),
      el('div', { id: 'create-result' }),
      el('form', { id: 'create-form', novalidate: true }, el('p', { class: 'govuk-body' }, 'Loading the directives…'))),
    el('section', { 'aria-labelledby': 'auctions-heading' },
      el('h2', { class: 'govuk-heading-l', id: 'auctions-heading' }, 'Auctions'),
      el('div', { id: 'auction-list' })),
    el('section', { 'aria-labelledby': 'service-heading' },
      el('h2', { class: 'govuk-heading-l', id: 'service-heading' }, 'The service'),
      serviceControls(token)));
  refreshDirectives(token);
  refreshAuctions();
}

function directiveForm(token) {
  const file = el('input', { class: 'govuk-file-upload', type: 'file', id: 'directive-file', name: 'directive-file',
    accept: '.yaml,.yml,application/yaml,text/yaml' });
  const text = el('textarea', { class: 'govuk-textarea app-yaml', id: 'directive-yaml', name: 'directive-yaml',
    rows: '10', spellcheck: 'false', 'aria-describedby': 'directive-yaml-hint' });
  file.addEventListener('change', () => {
    const chosen = file.files[0];
    if (!chosen) {
      return;
    }
    const reader = new FileReader();
    reader.onload = () => {
      text.value = reader.result;
      register(token, text.value);
    };
    reader.onerror = () => showError('directive-result', reader.error, 'The file could not be read');
    reader.readAsText(chosen);
  });
  const submit = el('button', { type: 'submit', class: 'govuk-button', id: 'directive-register' },
    'Check and register');
  return el('form', { id: 'directive-form', novalidate: true, onsubmit: e => {
    e.preventDefault();
    register(token, text.value);
  } },
  el('div', { id: 'directive-result' }),
  el('div', { class: 'govuk-form-group' },
    el('label', { class: 'govuk-label', for: 'directive-file' }, 'Upload a directive (YAML)'),
    el('div', { class: 'govuk-hint' }, 'The file is checked, then registered as a new version if it is valid.'),
    file),
  el('div', { class: 'govuk-form-group' },
    el('label', { class: 'govuk-label', for: 'directive-yaml' }, 'Or paste it'),
    el('div', { class: 'govuk-hint', id: 'directive-yaml-hint' },
      'The directive\'s YAML (schema ngms-directive/1). Every rule it breaks is listed at its path.'),
    text),
  submit);
}

/**
 * Validates first (which answers every error at its path without a refusal), then registers: `201` a new version,
 * `200` the same as the latest version.
 */
async function register(token, yaml) {
  if (!yaml.trim()) {
    showError('directive-result', new ApiError(422, { detail: 'Upload or paste a directive first',
      errors: [{ path: 'directive', rule: 'REQUIRED', message: 'the directive is empty' }] }), 'Nothing to register');
    return;
  }
  try {
    const report = (await api('/api/v1/directives/validation', { method: 'POST', body: yaml, token,
      contentType: 'application/yaml' })).data;
    if (!report.valid) {
      showError('directive-result', new ApiError(422, { code: 'directive-invalid',
        detail: report.errors.length + ' rule(s) broken; nothing was registered', errors: report.errors }),
      'The directive is not valid');
      return;
    }
    const registered = await api('/api/v1/directives', { method: 'POST', body: yaml, token,
      contentType: 'application/yaml' });
    const d = registered.data;
    show('directive-result', banner(registered.status === 201 ? 'Directive registered' : 'Already registered',
      summaryList([
        ['Directive', d.id + ' version ' + d.version],
        ['SHA-256 of the canonical JSON', el('span', { class: 'app-mono', id: 'registered-sha256' }, d.sha256)],
        ['Result', registered.status === 201 ? 'a new version' : 'identical to the latest version: nothing changed']
      ])));
    document.getElementById('directive-result').firstChild.focus?.();
    refreshDirectives(token);
  } catch (e) {
    showError('directive-result', e, 'The directive was not registered');
  }
}

let directives = [];

async function refreshDirectives(token) {
  try {
    directives = (await api('/api/v1/directives')).data
      .sort((a, b) => a.id.localeCompare(b.id) || b.version - a.version);
    show('directive-list', directives.length === 0 ? el('p', { class: 'govuk-body' }, 'No directive yet.')
      : dataTable({ caption: 'Registered directives: every version', id: 'directives-table',
        headers: ['Directive', 'Version', 'Title', 'SHA-256', 'Registered', 'In use'],
        rows: directives.map(d => [d.id, { value: String(d.version), numeric: true }, d.title || '',
          el('span', { class: 'app-mono' }, d.sha256), instant(d.registeredAt), d.inUse ? 'yes' : 'no']) }));
    createForm(token);
  } catch (e) {
    showError('directive-list', e, 'The directives could not be loaded');
  }
}

// --- a new auction: the directive version, a title, and the schedule with one opening per stage

function dateField(id, label, hint) {
  return el('div', { class: 'govuk-form-group' },
    el('label', { class: 'govuk-label', for: id }, label),
    el('div', { class: 'govuk-hint', id: id + '-hint' }, hint + ' In UTC (not your local time).'),
    el('input', { class: 'govuk-input govuk-input--width-20', type: 'datetime-local', step: '1', id, name: id,
      'aria-describedby': id + '-hint' }));
}

function directiveOptions() {
  return directives.map(d => el('option', { value: d.id + '@' + d.version }, d.id + ' version ' + d.version));
}

async function createForm(token) {
  const form = document.getElementById('create-form');
  if (!form) {
    return;
  }
  if (form.dataset.ready) {
    // a directive registered since: the list of versions grows, the chosen one stays chosen
    const current = document.getElementById('auction-directive');
    const chosen = current.value;
    current.replaceChildren(...directiveOptions());
    current.value = chosen;
    return;
  }
  if (directives.length === 0) {
    form.replaceChildren(el('p', { class: 'govuk-body' }, 'Register a directive first.'));
    return;
  }
  form.dataset.ready = 'yes';
  const select = el('select', { class: 'govuk-select', id: 'auction-directive', name: 'auction-directive' },
    directiveOptions());
  const stages = el('div', { id: 'stage-openings' });
  const showStages = async () => {
    const [id, version] = select.value.split('@');
    try {
      const doc = (await api('/api/v1/directives/' + encodeURIComponent(id) + '/versions/' + version)).data.document;
      stages.replaceChildren(el('fieldset', { class: 'govuk-fieldset' },
        el('legend', { class: 'govuk-fieldset__legend govuk-fieldset__legend--s' }, 'Stage openings (UTC)'),
        doc.stages.map((s, i) => dateField('opening-' + s.id, 'Stage ' + s.id + ' (' + s.type + ') opens',
          i === 0 ? 'Required: the first stage opens at this time.' : 'Optional: without it, it opens when the '
            + 'stage before it hands over.'))));
      stages.dataset.directive = select.value;
    } catch (e) {
      showError('create-result', e, 'The directive could not be read');
    }
  };
  select.addEventListener('change', showStages);
  form.replaceChildren(
    el('div', { class: 'govuk-form-group' },
      el('label', { class: 'govuk-label', for: 'auction-directive' }, 'Directive'), select),
    el('div', { class: 'govuk-form-group' },
      el('label', { class: 'govuk-label', for: 'auction-title' }, 'Title'),
      el('input', { class: 'govuk-input', id: 'auction-title', name: 'auction-title', type: 'text' })),
    dateField('application-deadline', 'Application deadline', 'Applications close at this time.'),
    dateField('bidding-opens', 'Bidding opens', 'No earlier than the application deadline.'),
    stages,
    el('button', { type: 'submit', class: 'govuk-button', id: 'create-auction' }, 'Create the auction'));
  form.addEventListener('submit', e => {
    e.preventDefault();
    create(token, select.value);
  });
  await showStages();
}

async function create(token, directive) {
  const [directiveId, version] = directive.split('@');
  const value = id => document.getElementById(id).value;
  const stageOpenings = {};
  for (const input of document.querySelectorAll('#stage-openings input')) {
    if (input.value) {
      stageOpenings[input.id.substring('opening-'.length)] = utcInstant(input.value);
    }
  }
  const body = { directiveId, directiveVersion: Number(version), title: value('auction-title') || undefined,
    schedule: { applicationDeadline: utcInstant(value('application-deadline')),
      biddingOpens: utcInstant(value('bidding-opens')), stageOpenings } };
  try {
    const response = await api('/api/v1/auctions', { method: 'POST', body, token });
    const a = response.data;
    show('create-result', banner('Auction created',
      el('p', { class: 'govuk-body' }, el('a', { class: 'govuk-link', id: 'created-auction',
        href: '/regulator/?auction=' + encodeURIComponent(a.id) }, 'Open ' + (a.title || a.id)),
      ' (' + a.state + ')')), receiptPanel(receiptFrom(response), 'auction-created'));
    refreshAuctions();
  } catch (e) {
    showError('create-result', e, 'The auction was not created');
  }
}

async function refreshAuctions() {
  try {
    const auctions = (await api('/api/v1/auctions')).data
      .sort((a, b) => String(b.createdAt).localeCompare(String(a.createdAt)));
    show('auction-list', auctions.length === 0 ? el('p', { class: 'govuk-body' }, 'No auction yet.')
      : dataTable({ caption: 'Auctions, newest first', id: 'auctions-table',
        headers: ['Auction', 'State', 'Directive', 'Created'],
        rows: auctions.map(a => [el('a', { class: 'govuk-link', href: '/regulator/?auction=' + encodeURIComponent(a.id) },
          a.title || a.id), stateTag(a.state), a.directive.id + ' version ' + a.directive.version,
        instant(a.createdAt)]) }));
  } catch (e) {
    showError('auction-list', e, 'The auctions could not be loaded');
  }
}

// --- the service: rotate the signing key, read the security log

function serviceControls(token) {
  const rotate = el('button', { type: 'button', class: 'govuk-button govuk-button--warning', id: 'rotate-key' },
    'Rotate the signing key');
  rotate.addEventListener('click', async () => {
    try {
      const key = (await api('/api/v1/keys/rotation', { method: 'POST', body: {}, token })).data;
      show('rotation-result', banner('Signing key rotated', summaryList(Object.entries(key)
        .filter(([, v]) => typeof v !== 'object').map(([k, v]) => [k, el('span', { class: 'app-mono' }, String(v))]))));
    } catch (e) {
      showError('rotation-result', e, 'The key was not rotated');
    }
  });
  const events = el('button', { type: 'button', class: 'govuk-button govuk-button--secondary',
    id: 'load-security-events' }, 'Show the security log');
  events.addEventListener('click', async () => {
    try {
      const rows = (await api('/api/v1/security-events?limit=1000', { token })).data.slice(-100).reverse();
      show('security-events', dataTable({ caption: 'Security events, latest first (the last 100 of the first 1,000)', id: 'security-table',
        headers: ['Seq', 'Time', 'Type', 'Account', 'Route', 'Source', 'Detail'],
        rows: rows.map(e => [String(e.seq), instant(e.at), e.type, e.accountId || '',
          (e.method || '') + ' ' + (e.route || ''), e.source || '', e.detail || '']) }));
    } catch (e) {
      showError('security-events', e, 'The security log could not be loaded');
    }
  });
  return el('div', {},
    el('p', { class: 'govuk-body' }, 'Rotating the key signs every later record and receipt with a new key; the old '
      + 'public key stays published, so earlier receipts still verify.'),
    rotate, el('div', { id: 'rotation-result' }), events, el('div', { id: 'security-events' }));
}

main();
