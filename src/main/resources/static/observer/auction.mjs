// An auction on the observer site (/observer/auction.html?id=…): its state, the live round, every round's prices and
// demand, stage results, the outcome and the directive, kept up to date from the live feed without a reload.
// Public data only: every route read here answers anyone.
import { api, apiOrNothing, dataTable, el, errorSummary, instant, isUuid, param, show, stateTag, summaryList }
  from '/app/ngms.mjs';
import { directiveSection } from '/observer/directive.mjs';
import { clockRounds, liveRound, openRound, smraRounds, stopCountdown } from '/observer/rounds.mjs';
import { outcomeSection, stageResult, verifySection } from '/observer/outcome.mjs';

const ENDED = ['CONCLUDED', 'CANCELLED'];
const FEED_EVENTS = ['STAGE_OPENED', 'ROUND_OPENED', 'ROUND_RESULT', 'ROUND_PAUSED', 'ROUND_RESUMED', 'ROUND_EXTENDED',
  'ROUND_INCREMENT_SET', 'STAGE_RESULT', 'STAGE_OPERATION_FAILED', 'STAGE_OPERATION_RECOVERED', 'OUTCOME_PUBLISHED',
  'SMRA_ROUND_OPENED', 'SMRA_ROUND_RESULT'];
// state changes (concluded, cancelled) are not on the feed: the page also looks at the auction's state this often
const STATE_CHECK_MS = 30_000;

const id = param('id');
let directive;
let feed;
let stateTimer;
let outcomeAnnounced = false;
let shown;
let announced;

function fail(error, title) {
  document.getElementById('title').textContent = title;
  document.title = title + ' — NGMS spectrum auctions';
  show('summary', el('p', { class: 'govuk-body' }, el('a', { class: 'govuk-link', href: '/' }, 'See all auctions'),
    ' to find the one you are looking for.'));
  const summary = errorSummary(error, title);
  show('problem', summary);
  summary.focus();
}

/** The page's name for a bidder: its organisation as registered, else its id. */
function namer(bidders) {
  const byId = new Map(bidders.map(b => [b.id, b.organisation]));
  return (bidder) => byId.get(bidder) || bidder;
}

async function roundsOf(stage) {
  try {
    return (await apiOrNothing('/api/v1/auctions/' + id + '/stages/' + encodeURIComponent(stage) + '/rounds')) || [];
  } catch (e) {
    return [];
  }
}

async function load() {
  const auction = (await api('/api/v1/auctions/' + id)).data;
  if (!directive) {
    directive = (await api('/api/v1/directives/' + encodeURIComponent(auction.directive.id) + '/versions/'
      + auction.directive.version)).data.document;
  }
  const windows = (await api('/api/v1/auctions/' + id + '/stages')).data;
  const order = (directive.stages || []).map(s => s.id);
  windows.sort((a, b) => order.indexOf(a.stage) - order.indexOf(b.stage));
  const rounds = {};
  const rules = new Map((directive.stages || []).map(s => [s.id, s]));
  const inRounds = (w) => w.type === 'CLOCK' || w.type === 'SMRA'
    || (w.type === 'ASSIGNMENT' && (rules.get(w.stage) || {}).method === 'POSITION_CLOCK');
  for (const w of windows.filter(w => w.state !== 'SCHEDULED' && inRounds(w))) {
    rounds[w.stage] = await roundsOf(w.stage);
  }
  // the outcome follows the last stage: asked for once every stage has been decided, the feed announced it, or the
  // auction concluded (not before: a needless 404 on every refresh)
  const decided = order.every(s => windows.some(w => w.stage === s))
    && windows.every(w => w.state !== 'OPEN' && w.state !== 'SCHEDULED');
  const outcome = decided || outcomeAnnounced || auction.state === 'CONCLUDED'
    ? await apiOrNothing('/api/v1/auctions/' + id + '/outcome') : undefined;
  // drawn again only when something changed, so a check that finds nothing new leaves focus and scrolling alone
  const seen = JSON.stringify([auction, windows, rounds, outcome]);
  if (seen !== shown) {
    shown = seen;
    render(auction, windows, rounds, outcome);
  }
  return auction;
}

function render(auction, windows, rounds, outcome) {
  const names = namer(auction.bidders || []);
  const currency = (directive.currency && directive.currency.auction) || 'USD';
  const cancelled = auction.state === 'CANCELLED';
  const ended = ENDED.includes(auction.state);
  const reason = [...(auction.transitions || [])].reverse().find(t => t.to === auction.state);
  document.getElementById('title').textContent = auction.title || 'Auction ' + auction.id;
  document.title = (auction.title || 'Auction') + ' — NGMS spectrum auctions';
  show('problem');

  const schedule = auction.schedule || {};
  show('summary',
    cancelled ? el('div', { class: 'govuk-notification-banner', role: 'region', id: 'cancelled',
      'aria-labelledby': 'cancelled-title' },
    el('div', { class: 'govuk-notification-banner__header' },
      el('h2', { class: 'govuk-notification-banner__title', id: 'cancelled-title' }, 'Auction cancelled')),
    el('div', { class: 'govuk-notification-banner__content' },
      el('p', { class: 'govuk-notification-banner__heading' }, 'Cancelled ' + instant(reason && reason.at) + ': '
        + ((reason && reason.reason) || 'no reason was recorded')),
      el('p', { class: 'govuk-body' }, 'No further round will open; nothing is awarded unless an outcome is shown '
        + 'below.'))) : null,
    summaryList([
      ['State', el('span', { id: 'state' }, stateTag(auction.state),
        reason && reason.reason && reason.to !== 'DRAFT' ? ' ' + reason.reason : '')],
      ['Directive', el('a', { class: 'govuk-link', href: '#directive-heading' },
        auction.directive.id + ' version ' + auction.directive.version)]
    ]));
  show('about', el('h2', { class: 'govuk-heading-l' }, 'Schedule, bidders and history'),
    summaryList([
      ['Auction id', el('span', { class: 'app-mono' }, auction.id)],
      ['Applications closed', instant(schedule.applicationDeadline)],
      ['Bidding opens', instant(schedule.biddingOpens)],
      ...Object.entries(schedule.stageOpenings || {}).map(([s, at]) => ['Stage ' + s + ' opens', instant(at)]),
      ...Object.entries(schedule.stageClosings || {}).map(([s, at]) => ['Stage ' + s + ' closes', instant(at)])
    ]),
    (auction.bidders || []).length ? dataTable({ caption: 'Bidders', id: 'bidders',
      headers: ['Organisation', 'Bidder id', 'New entrant', 'Status'],
      rows: auction.bidders.map(b => [b.organisation, b.id, b.newEntrant ? 'yes' : 'no', b.status.toLowerCase()]) })
      : null,
    dataTable({ caption: 'State history', id: 'history', headers: ['When', 'From', 'To', 'Reason'],
      rows: (auction.transitions || []).map(t => [instant(t.at), t.from || '', t.to, t.reason || '']) }));

  // the live round: the open round of an open stage, unless the auction has ended
  const live = ended ? undefined : windows.filter(w => w.state === 'OPEN')
    .map(w => ({ stage: w.stage, round: openRound(rounds[w.stage] || []) })).find(x => x.round);
  const news = live ? 'Round ' + live.round.round + ' of the ' + live.stage + ' stage is '
    + (live.round.paused ? 'paused' : 'open') : outcome ? 'The outcome is published' : '';
  if (announced !== undefined && news !== announced) {
    document.getElementById('announce').textContent = news;
  }
  announced = news;
  if (live) {
    show('live', liveRound(live.stage, live.round, currency));
  } else {
    stopCountdown();
    const next = windows.find(w => w.state === 'SCHEDULED');
    show('live', el('p', { class: 'govuk-inset-text', id: 'no-live-round' }, ended
      ? 'The auction has ' + (cancelled ? 'been cancelled' : 'concluded') + ': no round is open.'
      : outcome ? 'The outcome is published: no round is open.'
        : 'No round is open now.' + (next ? ' The ' + next.stage + ' stage is scheduled to open '
          + instant(next.opensAt) + '.' : '')));
  }

  const conditions = directive.eligibilityConditions || [];
  const stageParts = [];
  if (windows.length === 0) {
    stageParts.push(el('p', { class: 'govuk-body' }, 'No stage has been scheduled yet.'));
  }
  for (const w of windows) {
    const stopped = cancelled && (w.state === 'OPEN' || w.state === 'SCHEDULED');
    const state = stopped ? 'CANCELLED' : w.state;
    stageParts.push(el('section', { class: 'app-stage', id: 'stage-' + w.stage },
      el('h2', { class: 'govuk-heading-l' }, 'Stage ' + w.stage + ' (' + w.type.toLowerCase() + ')'),
      el('p', { class: 'govuk-body' }, stateTag(state), ' ' + (stopped ? 'stopped when the auction was cancelled'
        + (reason && reason.reason ? ' (' + reason.reason + ')' : '') + '; it was ' + w.state.toLowerCase() : '')
        + ' · opens ' + instant(w.opensAt) + (w.closesAt ? ' · closes ' + instant(w.closesAt) : '')),
      rounds[w.stage] && rounds[w.stage].length
        ? (rounds[w.stage].some(r => r.licences)
          ? smraRounds({ auction: id, stage: w.stage, rounds: rounds[w.stage], currency })
          : clockRounds({ auction: id, stage: w.stage, rounds: rounds[w.stage], currency,
            categories: directive.lotCategories || [], conditions, stopped: cancelled }))
        : null,
      w.result ? stageResult(w.stage, w.result, { names, conditions, currency }) : null));
  }
  show('stages', stageParts);

  if (outcome) {
    const finalPrices = {};
    windows.filter(w => w.type === 'CLOCK' && w.result && w.result.finalPrices)
      .forEach(w => Object.assign(finalPrices, w.result.finalPrices));
    show('outcome', el('section', { id: 'outcome-section' },
      outcomeSection(id, outcome, { names, bandPlans: directive.bandPlans || [], finalPrices })));
  } else {
    show('outcome', el('section', { id: 'outcome-section' },
      el('h2', { class: 'govuk-heading-l' }, 'Outcome'),
      el('p', { class: 'govuk-body' }, cancelled ? 'No outcome: the auction was cancelled before one was published.'
        : 'The outcome is published here when the last stage has been decided.')));
  }
  show('directive', el('section', {}, directiveSection(auction.directive, directive)));
  show('verify', el('section', {}, verifySection(id, auction.state)));
}

// one refresh at a time: events that arrive during one ask for one more after it, however many they are
let running;
let again = false;

function refresh() {
  if (running) {
    again = true;
    return running;
  }
  running = (async () => {
    try {
      do {
        again = false;
        const auction = await load();
        if (ENDED.includes(auction.state)) {
          stop();
        }
      } while (again);
    } catch (e) {
      show('problem', errorSummary(e, 'The page could not be brought up to date; it tries again with the next event'));
    } finally {
      running = undefined;
    }
  })();
  return running;
}

function stop() {
  if (feed) {
    feed.close();
    feed = undefined;
  }
  clearInterval(stateTimer);
}

/** Follows the feed from `head` (the transcript's head read before the page loaded: nothing after it is missed). */
function follow(auction, head) {
  if (ENDED.includes(auction.state)) {
    return;
  }
  const after = head && head.head ? '?after=' + head.head.seq : '';
  feed = new EventSource('/api/v1/auctions/' + id + '/feed' + after);
  FEED_EVENTS.forEach(type => feed.addEventListener(type, () => {
    outcomeAnnounced = outcomeAnnounced || type === 'OUTCOME_PUBLISHED';
    refresh();
  }));
  stateTimer = setInterval(refresh, STATE_CHECK_MS);
}

async function main() {
  if (!id) {
    fail(new Error('This page shows one auction: its address must end in ?id= and the auction\'s id, as the links on '
      + 'the list of auctions do.'), 'No auction given');
    return;
  }
  if (!isUuid(id)) {
    fail(new Error('"' + id + '" is not an auction id: an auction id is a UUID such as '
      + '3f2c9a4e-6b1d-4c8e-9f70-2a5b8c1d0e34.'), 'That is not an auction id');
    return;
  }
  let auction;
  let head;
  try {
    head = await apiOrNothing('/api/v1/auctions/' + id + '/transcript/head').catch(() => undefined);
    auction = await load();
  } catch (e) {
    fail(e, e.status === 404 ? 'There is no such auction' : 'The auction could not be loaded');
    return;
  }
  document.body.dataset.loaded = 'true';
  follow(auction, head);
}

main();
