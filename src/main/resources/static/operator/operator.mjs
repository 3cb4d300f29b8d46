// The operator's bidding screen: sign in with the operator's token, choose an auction the operator's organisation
// bids in, and bid in each stage as it opens. Everything goes through the API with the operator's own token, so the
// screen shows exactly what the service lets this operator see: its own bids and results, and the public rounds.
import {
  api, apiOrNothing, ApiError, dataTable, el, instant, isUuid, money, param, show, showError, stateTag,
  storedToken, storeToken, summaryList, whole
} from '/app/ngms.mjs';
import { updateClockStage } from '/operator/clock.mjs';
import { updateSealedStage } from '/operator/sealed.mjs';
import { updateSmraStage } from '/operator/smra.mjs';

const SCREEN = 'operator';
const FEED_EVENTS = ['STAGE_OPENED', 'STAGE_CLOSED', 'STAGE_DEADLINE_EXTENDED', 'ROUND_OPENED', 'ROUND_RESULT',
  'ROUND_PAUSED', 'ROUND_RESUMED', 'ROUND_EXTENDED', 'ROUND_INCREMENT_SET', 'STAGE_RESULT', 'OUTCOME_PUBLISHED',
  'SMRA_ROUND_OPENED', 'SMRA_ROUND_RESULT', 'AUCTION_STATE_CHANGED', 'SEALED_BIDS_OPENED'];

/** What every stage module is given: the token, the bidder, the auction, its directive document. */
const ctx = { token: undefined, bidder: undefined, account: undefined, auctionId: undefined, auction: undefined,
  directive: undefined, me: undefined, cache: {} };

let feed;

async function main() {
  document.getElementById('signin-form').addEventListener('submit', async event => {
    event.preventDefault();
    const token = document.getElementById('token').value.trim();
    if (!token) {
      showError('messages', new Error('Enter the operator token the regulator issued to you.'), 'Sign in');
      return;
    }
    await signIn(token);
  });
  document.getElementById('signout').addEventListener('click', () => {
    storeToken(SCREEN, undefined);
    location.href = '/operator/';
  });
  const stored = storedToken(SCREEN);
  if (stored) {
    await signIn(stored);
  } else {
    document.getElementById('signin').hidden = false;
  }
}

async function signIn(token) {
  try {
    const who = (await api('/api/v1/whoami', { token })).data;
    if (!who.authenticated || who.role !== 'OPERATOR' || !who.organisation) {
      throw new Error(who.authenticated ? 'this token is a ' + who.role + ' token, not an operator\'s'
        : 'the token was not accepted');
    }
    ctx.token = token;
    ctx.bidder = who.organisation;
    ctx.account = who.account;
    storeToken(SCREEN, token);
    show('messages');
    document.getElementById('signin').hidden = true;
    document.getElementById('session').hidden = false;
    show('who', 'Signed in as ', el('strong', {}, who.account), ', bidding for ', el('strong', {}, who.organisation),
      '.');
    const id = param('auction');
    if (id !== undefined) {
      await openAuction(id);
    } else {
      await listAuctions();
    }
  } catch (e) {
    storeToken(SCREEN, undefined);
    document.getElementById('signin').hidden = false;
    document.getElementById('session').hidden = true;
    showError('messages', e instanceof ApiError ? e : new Error(e.message), 'You are not signed in');
  }
}

/** The auctions in which this operator's organisation is a registered bidder. */
async function listAuctions() {
  const section = document.getElementById('auctions');
  section.hidden = false;
  const auctions = (await api('/api/v1/auctions', { token: ctx.token })).data;
  const mine = [];
  for (const a of auctions) {
    const bidders = await apiOrNothing('/api/v1/auctions/' + a.id + '/bidders', { token: ctx.token }) || [];
    if (bidders.some(b => b.id === ctx.bidder)) {
      mine.push(a);
    }
  }
  show('auctions', el('h2', { class: 'govuk-heading-l' }, 'Your auctions'), mine.length === 0
    ? el('p', { class: 'govuk-body' }, 'Your organisation (' + ctx.bidder + ') is not registered in any auction yet.')
    : dataTable({
      caption: 'Auctions ' + ctx.bidder + ' is registered in', id: 'my-auctions',
      headers: ['Auction', 'State', 'Bidding opens'],
      rows: mine.map(a => [el('a', { class: 'govuk-link', href: '/operator/?auction=' + a.id }, a.title || a.id),
        stateTag(a.state), instant(a.schedule && a.schedule.biddingOpens)])
    }));
}

async function openAuction(id) {
  if (!isUuid(id)) {
    showError('messages', new Error('"' + id + '" is not an auction id.'), 'No such auction');
    return;
  }
  ctx.auctionId = id;
  try {
    await refresh();
  } catch (e) {
    showError('messages', e, e instanceof ApiError && e.status === 404 ? 'No such auction' : 'The auction could not be loaded');
    return;
  }
  startFeed();
}

// Feed events come in bursts: one refresh at a time, and one more after it if anything arrived meanwhile.
let running;
let again = false;

function refreshSoon() {
  again = true;
  if (!running) {
    running = (async () => {
      try {
        while (again) {
          again = false;
          await refresh();
        }
      } catch (e) {
        showError('messages', e, 'The auction could not be refreshed');
      } finally {
        running = undefined;
      }
    })();
  }
  return running;
}

function startFeed() {
  if (feed || ['CONCLUDED', 'CANCELLED'].includes(ctx.auction.state)) {
    return;
  }
  feed = new EventSource('/api/v1/auctions/' + ctx.auctionId + '/feed');
  FEED_EVENTS.forEach(type => feed.addEventListener(type, () => refreshSoon()));
  feed.onmessage = () => refreshSoon();
}

async function refresh() {
  const token = ctx.token;
  const auction = (await api('/api/v1/auctions/' + ctx.auctionId, { token })).data;
  ctx.auction = auction;
  if (!ctx.directive) {
    ctx.directive = (await api('/api/v1/directives/' + encodeURIComponent(auction.directive.id) + '/versions/'
      + auction.directive.version, { token })).data.document;
  }
  ctx.me = await apiOrNothing('/api/v1/auctions/' + ctx.auctionId + '/bidders/' + encodeURIComponent(ctx.bidder),
    { token });
  document.getElementById('auction').hidden = false;
  document.getElementById('auction-title').textContent = auction.title || auction.id;
  const currency = ctx.directive.currency ? ctx.directive.currency.auction : 'USD';
  const schedule = auction.schedule || {};
  show('auction-summary',
    summaryList([
      ['State', stateTag(auction.state)],
      ['Directive', auction.directive.id + ' version ' + auction.directive.version],
      ['Applications closed', instant(schedule.applicationDeadline)],
      ['Bidding opens', instant(schedule.biddingOpens)],
      ...Object.entries(schedule.stageOpenings || {}).map(([stage, at]) => ['Stage ' + stage + ' opens', instant(at)])
    ]),
    el('h3', { class: 'govuk-heading-m' }, 'Your registration'),
    ctx.me ? summaryList([
      ['Bidder', ctx.me.organisation + ' (' + ctx.me.id + ')' + (ctx.me.newEntrant ? ', new entrant' : ', incumbent')],
      ['Status', stateTag(ctx.me.status)],
      ctx.me.deposit !== undefined && ctx.me.deposit !== null ? ['Deposit', money(ctx.me.deposit, currency)] : null,
      ctx.me.eligibility !== undefined && ctx.me.eligibility !== null
        ? ['Initial eligibility', whole(ctx.me.eligibility) + ' points'] : null,
      ctx.me.conditions && ctx.me.conditions.length
        ? ['Conditions', el('ul', { class: 'govuk-list govuk-list--bullet' },
          ctx.me.conditions.map(c => el('li', {}, typeof c === 'string' ? c : (c.id || '') + ' ' + (c.text || c.type || ''))))]
        : null
    ]) : el('p', { class: 'govuk-body' }, 'Your organisation (' + ctx.bidder + ') is not a bidder of this auction.'),
    auction.state === 'CANCELLED' ? el('div', { class: 'govuk-warning-text' },
      el('span', { class: 'govuk-warning-text__icon', 'aria-hidden': 'true' }, '!'),
      el('strong', { class: 'govuk-warning-text__text' }, 'This auction was cancelled.')) : null);
  if (!ctx.me) {
    show('stages');
    return;
  }
  const windows = (await api('/api/v1/auctions/' + ctx.auctionId + '/stages', { token })).data;
  const container = document.getElementById('stages');
  if (windows.length === 0) {
    container.replaceChildren(el('p', { class: 'govuk-body' }, 'No stage is open yet: bidding opens '
      + instant(schedule.biddingOpens) + '.'));
    return;
  }
  container.querySelectorAll(':scope > p').forEach(p => p.remove());
  for (const w of windows) {
    let section = document.getElementById('stage-' + w.stage);
    if (!section) {
      section = el('section', { id: 'stage-' + w.stage, class: 'app-stage', 'aria-labelledby': 'stage-title-' + w.stage },
        el('h2', { class: 'govuk-heading-l', id: 'stage-title-' + w.stage }),
        el('div', { class: 'app-stage-status' }), el('div', { class: 'app-stage-body' }));
      container.append(section);
    }
    section.querySelector('h2').textContent = 'Stage ' + w.stage + ' (' + stageName(w.type) + ')';
    section.querySelector('.app-stage-status').replaceChildren(summaryList([
      ['State', stateTag(w.state)], ['Opens', instant(w.opensAt)], w.closesAt ? ['Closes', instant(w.closesAt)] : null]));
    const body = section.querySelector('.app-stage-body');
    if (w.state === 'SCHEDULED') {
      body.replaceChildren(el('p', { class: 'govuk-body' }, 'This stage opens ' + instant(w.opensAt) + '.'));
      continue;
    }
    if (w.type === 'CLOCK' || (w.type === 'ASSIGNMENT' && !w.closesAt)) {
      await updateClockStage(ctx, w, body);
    } else if (w.type === 'SMRA') {
      await updateSmraStage(ctx, w, body);
    } else {
      await updateSealedStage(ctx, w, body);
    }
  }
}

function stageName(type) {
  return { SEALED_DEMAND_AT_RESERVE: 'sealed demand at reserve', SEALED_PACKAGE: 'sealed package bids',
    CLOCK: 'clock auction', SMRA: 'simultaneous multiple-round auction', ASSIGNMENT: 'frequency assignment' }[type]
    || type;
}

main();
