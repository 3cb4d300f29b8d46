// Shared by the three screens (docs/web.md): calls to the service's API, problem display, formatting, tables,
// downloads, the server's clock, and receipts verified in the page. No framework: the DOM, fetch and WebCrypto.

/** A refusal from the API: `status` and the RFC 9457 problem (`code`, `detail`, `errors[]` with path and rule). */
export class ApiError extends Error {
  constructor(status, problem, path) {
    super((problem && (problem.detail || problem.title)) || (path + ': HTTP ' + status));
    this.status = status;
    this.problem = problem || {};
  }
}

// The server's clock: every response's Date header gives the offset between it and the browser's, so countdowns
// count to the server's deadline, not the browser's idea of it.
let serverOffsetMs = 0;

/** Milliseconds since the epoch on the server's clock (to the second, as the Date header gives it). */
export function serverNow() {
  return Date.now() + serverOffsetMs;
}

/**
 * Calls the API. `body` is sent as JSON unless `contentType` says otherwise (then as text); `token` as a bearer
 * token. Resolves to `{status, data, headers}`; rejects with an ApiError for any status of 400 and above.
 */
export async function api(path, { method = 'GET', body, token, contentType, accept = 'application/json' } = {}) {
  const headers = { Accept: accept };
  if (token) {
    headers.Authorization = 'Bearer ' + token;
  }
  let payload;
  if (body !== undefined) {
    headers['Content-Type'] = contentType || 'application/json';
    payload = contentType ? body : JSON.stringify(body);
  }
  const response = await fetch(path, { method, headers, body: payload, cache: 'no-store' });
  const date = response.headers.get('Date');
  if (date) {
    serverOffsetMs = Date.parse(date) - Date.now();
  }
  const type = response.headers.get('Content-Type') || '';
  const data = type.includes('json') ? await response.json().catch(() => undefined) : await response.text();
  if (!response.ok) {
    throw new ApiError(response.status, typeof data === 'object' ? data : undefined, path);
  }
  return { status: response.status, data, headers: response.headers };
}

/** Like api(), but answers `undefined` for a 404 instead of failing (things that do not exist yet). */
export async function apiOrNothing(path, options) {
  try {
    return (await api(path, options)).data;
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) {
      return undefined;
    }
    throw e;
  }
}

/** Creates an element: `el('a', {href: '/', class: 'govuk-link'}, 'text', child, …)`. Text is never parsed as HTML. */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (key === 'class') {
      node.className = value;
    } else if (key.startsWith('on') && typeof value === 'function') {
      node.addEventListener(key.substring(2), value);
    } else if (key === 'dataset') {
      Object.assign(node.dataset, value);
    } else {
      node.setAttribute(key, value === true ? '' : value);
    }
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) {
      continue;
    }
    node.append(child instanceof Node ? child : String(child));
  }
}

const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** Whole units with thousands separators; money is integer everywhere in the service. */
export function whole(n) {
  return n === undefined || n === null ? '' : grouped.format(n);
}

/** An amount with its currency: `USD 13,125,000`. */
export function money(n, currency = 'USD') {
  return n === undefined || n === null ? '' : currency + ' ' + grouped.format(n);
}

/** An ISO instant as UTC text to the second: `2026-03-10 05:00:00 UTC`. */
export function instant(iso) {
  if (!iso) {
    return '';
  }
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? String(iso) : d.toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
}

/** `1 h 02 min 05 s`, `4 min 09 s`, `12 s`. */
export function duration(ms) {
  const s = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  const pad = n => String(n).padStart(2, '0');
  return h > 0 ? h + ' h ' + pad(m) + ' min ' + pad(sec) + ' s' : m > 0 ? m + ' min ' + pad(sec) + ' s' : sec + ' s';
}

/**
 * Keeps `node` showing the time left until `closesAt` on the server's clock; `paused` shows that instead. Returns
 * a function that stops it. One timer per node: starting another stops the one before.
 */
export function countdown(node, closesAt, paused = false) {
  if (node.ngmsTimer) {
    clearInterval(node.ngmsTimer);
  }
  const deadline = Date.parse(closesAt);
  const tick = () => {
    if (paused) {
      node.textContent = 'paused by the regulator';
      return;
    }
    const left = deadline - serverNow();
    node.textContent = left > 0 ? duration(left) + ' left (closes ' + instant(closesAt) + ')'
      : 'deadline passed (' + instant(closesAt) + '): the round is being closed';
  };
  tick();
  node.ngmsTimer = setInterval(tick, 1000);
  return () => clearInterval(node.ngmsTimer);
}

/**
 * A GOV.UK table in a scrolling region (so a wide table never widens the page at 390 px). `headers` are strings,
 * or `{label, numeric}`; each row is an array of cells: a string or node, or `{value, numeric}`.
 */
export function dataTable({ caption, headers, rows, id }) {
  const head = el('tr', { class: 'govuk-table__row' }, headers.map(h => {
    const numeric = typeof h === 'object' && h.numeric;
    return el('th', { scope: 'col', class: 'govuk-table__header' + (numeric ? ' govuk-table__header--numeric' : '') },
      typeof h === 'object' ? h.label : h);
  }));
  const body = rows.map(row => el('tr', { class: 'govuk-table__row' }, row.map((c, i) => {
    const numeric = (typeof c === 'object' && c !== null && !(c instanceof Node) && c.numeric)
      || (typeof headers[i] === 'object' && headers[i].numeric);
    const value = typeof c === 'object' && c !== null && !(c instanceof Node) ? c.value : c;
    return el(i === 0 ? 'th' : 'td', {
      scope: i === 0 ? 'row' : undefined,
      class: (i === 0 ? 'govuk-table__header' : 'govuk-table__cell') + (numeric ? ' govuk-table__cell--numeric' : '')
    }, value);
  })));
  const table = el('table', { class: 'govuk-table app-table', id },
    caption ? el('caption', { class: 'govuk-table__caption govuk-table__caption--s' }, caption) : null,
    el('thead', { class: 'govuk-table__head' }, head), el('tbody', { class: 'govuk-table__body' }, body));
  return el('div', { class: 'app-table-scroll', tabindex: '0', role: 'region', 'aria-label': caption || 'table' },
    table);
}

/** `<dl>` of label/value pairs in GOV.UK's summary list style. */
export function summaryList(pairs) {
  return el('dl', { class: 'govuk-summary-list' }, pairs.filter(p => p).map(([key, value]) =>
    el('div', { class: 'govuk-summary-list__row' },
      el('dt', { class: 'govuk-summary-list__key' }, key),
      el('dd', { class: 'govuk-summary-list__value' }, value))));
}

/** A link to download `href` under `filename` (same-origin, so the browser keeps the name). */
export function downloadLink(href, filename, label) {
  return el('a', { class: 'govuk-link', href, download: filename }, label || filename);
}

/** A link that downloads `text` (made in the page) as `filename`. */
export function downloadText(text, filename, label, type = 'application/json') {
  const link = el('a', { class: 'govuk-link', download: filename, href: '#' }, label || filename);
  link.addEventListener('click', () => {
    link.href = URL.createObjectURL(new Blob([text], { type }));
  });
  return link;
}

/**
 * The GOV.UK error summary of a failure: the problem's detail and each of its errors at its path and rule; for any
 * other exception its message. Focused, so a keyboard or screen-reader user lands on it.
 */
export function errorSummary(error, title = 'There is a problem') {
  const problem = error instanceof ApiError ? error.problem : {};
  const items = (problem.errors || []).map(e => el('li', {},
    el('span', { class: 'app-mono' }, e.path), ': ' + (e.message || '') + (e.rule ? ' (' + e.rule + ')' : '')));
  const summary = el('div', { class: 'govuk-error-summary', role: 'alert', tabindex: '-1', 'data-module': 'govuk-error-summary' },
    el('div', { role: 'alert' },
      el('h2', { class: 'govuk-error-summary__title' }, title),
      el('div', { class: 'govuk-error-summary__body' },
        el('p', { class: 'govuk-body' }, error.message + (problem.code ? ' [' + problem.code + ']' : '')
          + (error.status ? ' (HTTP ' + error.status + ')' : '')),
        items.length ? el('ul', { class: 'govuk-list govuk-error-summary__list' }, items) : null)));
  return summary;
}

/** Puts `nodes` into the element with id `id`, replacing what it held. */
export function show(id, ...nodes) {
  const target = document.getElementById(id);
  target.replaceChildren(...nodes.flat().filter(n => n !== undefined && n !== null));
  return target;
}

/** Shows a failure in the element with id `id` and focuses it. */
export function showError(id, error, title) {
  const summary = errorSummary(error, title);
  show(id, summary);
  summary.focus();
  return summary;
}

/** A GOV.UK notification banner (a success, or important information). */
export function banner(title, ...body) {
  return el('div', { class: 'govuk-notification-banner govuk-notification-banner--success', role: 'status' },
    el('div', { class: 'govuk-notification-banner__header' },
      el('h2', { class: 'govuk-notification-banner__title' }, title)),
    el('div', { class: 'govuk-notification-banner__content' }, body));
}

// --- receipts, verified in the page as `verify --receipt` does offline

function canonical(value) {
  // RFC 8785 for what a receipt holds (strings and integers): keys sorted by UTF-16 code units, and ECMAScript's
  // own serialisation of strings and numbers, which is the one RFC 8785 is defined by.
  if (Array.isArray(value)) {
    return '[' + value.map(canonical).join(',') + ']';
  }
  if (value !== null && typeof value === 'object') {
    return '{' + Object.keys(value).sort().map(k => JSON.stringify(k) + ':' + canonical(value[k])).join(',') + '}';
  }
  return JSON.stringify(value);
}

function base64Bytes(text) {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) {
    bytes[i] = binary.charCodeAt(i);
  }
  return bytes;
}

/**
 * Checks a receipt's Ed25519 signature against the service's published keys (`GET /api/v1/keys`): the signed bytes
 * are `ngms-receipt/1:` and the canonical JSON of the receipt without `kid` and `signature`. Resolves to
 * `{valid, reason}`.
 */
export async function verifyReceipt(receipt) {
  const keys = (await api('/api/v1/keys')).data.keys;
  const key = keys.find(k => k.kid === receipt.kid);
  if (!key) {
    return { valid: false, reason: 'no published key has id ' + receipt.kid };
  }
  const body = Object.fromEntries(Object.entries(receipt).filter(([k]) => k !== 'kid' && k !== 'signature'));
  const message = new TextEncoder().encode(receipt.format + ':' + canonical(body));
  try {
    const publicKey = await crypto.subtle.importKey('raw', base64Bytes(key.publicKey), { name: 'Ed25519' }, false,
      ['verify']);
    const valid = await crypto.subtle.verify({ name: 'Ed25519' }, publicKey, base64Bytes(receipt.signature), message);
    return { valid, reason: valid ? 'signed by key ' + receipt.kid : 'the signature does not match the receipt' };
  } catch (e) {
    return { valid: false, reason: 'this browser cannot check Ed25519 signatures (' + e.message + '); use verify' };
  }
}

/**
 * A receipt as the screens show it: its record (chain, seq, hash, time), a download of the JSON, and a button that
 * verifies its signature in the page. `name` becomes the downloaded file's name.
 */
export function receiptPanel(receipt, name = 'receipt') {
  const result = el('p', { class: 'govuk-body', 'aria-live': 'polite' });
  const verify = el('button', { type: 'button', class: 'govuk-button govuk-button--secondary app-inline-button' },
    'Verify signature');
  verify.addEventListener('click', async () => {
    result.textContent = 'checking…';
    const outcome = await verifyReceipt(receipt);
    result.textContent = (outcome.valid ? 'Signature valid: ' : 'NOT VALID: ') + outcome.reason;
    result.className = 'govuk-body ' + (outcome.valid ? 'app-valid' : 'app-invalid');
  });
  const json = JSON.stringify(receipt, null, 2);
  return el('div', { class: 'app-receipt' },
    el('h3', { class: 'govuk-heading-s' }, 'Signed receipt'),
    summaryList([
      ['Record', receipt.chain + ' #' + receipt.seq],
      ['Record hash', el('span', { class: 'app-mono' }, receipt.recordHash)],
      ['Request SHA-256', el('span', { class: 'app-mono' }, receipt.requestSha256)],
      ['Server time', instant(receipt.serverTime)],
      ['Signing key', receipt.kid]
    ]),
    el('p', { class: 'govuk-body' }, downloadText(json, name + '.json', 'Download the receipt (' + name + '.json)'),
      ' — check it offline with ', el('code', {}, 'java -jar ngms-auction.jar verify BUNDLE --receipt ' + name + '.json')),
    verify, result);
}

/** The stored token of this screen (per tab: sessionStorage), or undefined. */
export function storedToken(screen) {
  return sessionStorage.getItem('ngms.' + screen + '.token') || undefined;
}

export function storeToken(screen, token) {
  if (token) {
    sessionStorage.setItem('ngms.' + screen + '.token', token);
  } else {
    sessionStorage.removeItem('ngms.' + screen + '.token');
  }
}

/** The query parameter `name` of this page's address. */
export function param(name) {
  return new URLSearchParams(location.search).get(name) || undefined;
}

/** Whether `text` looks like an auction id (a UUID), before asking the service for it. */
export function isUuid(text) {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(text || '');
}

/** A GOV.UK tag for an auction's or a round's state. */
export function stateTag(state) {
  const colour = { BIDDING: 'green', OPEN: 'green', CONCLUDED: 'blue', CLOSED: 'grey', CANCELLED: 'red',
    DRAFT: 'grey', QUALIFICATION: 'yellow', SCHEDULED: 'grey', EVALUATED: 'blue', PAUSED: 'orange' }[state];
  return el('strong', { class: 'govuk-tag' + (colour ? ' govuk-tag--' + colour : '') }, state);
}

/**
 * The signed receipt of an accepted change: the `NGMS-Receipt` header (auction changes) or the body's `receipt`
 * (bids, round controls, deadlines, rationalisations); undefined when the response carries none.
 */
export function receiptFrom(response) {
  const header = response && response.headers && response.headers.get('NGMS-Receipt');
  if (header) {
    try {
      return JSON.parse(header);
    } catch (e) {
      return undefined;
    }
  }
  return response && response.data && typeof response.data === 'object' ? response.data.receipt : undefined;
}

/**
 * The value of a `datetime-local` input read as UTC (`2026-03-10T05:00` → `2026-03-10T05:00:00Z`), or undefined
 * when it is empty. The screens say beside every such field that it is UTC.
 */
export function utcInstant(localValue) {
  if (!localValue) {
    return undefined;
  }
  const withSeconds = /T\d\d:\d\d$/.test(localValue) ? localValue + ':00' : localValue;
  return withSeconds + 'Z';
}

/** An ISO instant as a `datetime-local` value in UTC, to the second. */
export function utcLocalValue(iso) {
  return iso ? new Date(iso).toISOString().substring(0, 19) : '';
}

/** Whether `text` is a whole number of currency units (no decimals, no separators, no sign). */
export function isWholeAmount(text) {
  return /^[0-9]{1,18}$/.test(String(text).trim());
}
