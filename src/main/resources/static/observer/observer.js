'use strict';
// The observer page: public read models only (auctions, stages, clock rounds, outcome, transcript head), refreshed
// by the auction's live feed. No credentials are ever sent.

const usd = new Intl.NumberFormat('en-US');

async function getJson(path) {
  const response = await fetch(path, { headers: { Accept: 'application/json' } });
  if (!response.ok) {
    throw new Error(path + ': ' + response.status);
  }
  return response.json();
}

function cell(text, numeric) {
  const td = document.createElement('td');
  td.textContent = text;
  if (numeric) {
    td.className = 'number';
  }
  return td;
}

function table(headers, rows) {
  const t = document.createElement('table');
  const head = t.createTHead().insertRow();
  headers.forEach(h => {
    const th = document.createElement('th');
    th.textContent = h;
    head.appendChild(th);
  });
  const body = t.createTBody();
  rows.forEach(r => {
    const tr = body.insertRow();
    r.forEach(([text, numeric]) => tr.appendChild(cell(text, numeric)));
  });
  return t;
}

async function showAuctions() {
  const auctions = await getJson('/api/v1/auctions');
  const body = document.querySelector('#auction-list tbody');
  body.replaceChildren();
  auctions.forEach(a => {
    const tr = body.insertRow();
    tr.className = 'clickable';
    [a.title, a.state, a.directive.id + ' v' + a.directive.version, a.createdAt]
      .forEach(text => tr.appendChild(cell(text)));
    tr.addEventListener('click', () => selectAuction(a.id));
  });
}

let feed;
let ended = false;
const FINAL_STATES = ['CONCLUDED', 'CANCELLED'];

async function selectAuction(id) {
  location.hash = id;
  document.getElementById('auction').hidden = false;
  if (feed) {
    feed.close();
    feed = undefined;
  }
  await refresh(id);
  if (selected !== id) {
    return; // another auction was chosen meanwhile: its selection opens its own feed
  }
  if (ended) {
    document.getElementById('feed-status').textContent = 'auction ended: no live feed';
    return;
  }
  feed = new EventSource('/api/v1/auctions/' + id + '/feed');
  feed.onopen = () => { document.getElementById('feed-status').textContent = 'live feed: connected'; };
  feed.onerror = () => { document.getElementById('feed-status').textContent = 'live feed: reconnecting…'; };
  ['STAGE_OPENED', 'ROUND_OPENED', 'ROUND_RESULT', 'ROUND_PAUSED', 'ROUND_RESUMED', 'ROUND_EXTENDED',
    'ROUND_INCREMENT_SET', 'STAGE_RESULT', 'OUTCOME_PUBLISHED']
    .forEach(type => feed.addEventListener(type, () => refresh(id)));
}

// Feed events can arrive in bursts (a reconnect replays the recent ones): one refresh runs at a time, and one more
// after it if anything arrived meanwhile, so the page never interleaves two renderings. The loop renders the auction
// selected last, and every caller waits for the loop that includes its request.
let selected;
let refreshAgain = false;
let running;

function refresh(id) {
  selected = id;
  refreshAgain = true;
  if (!running) {
    running = (async () => {
      try {
        while (refreshAgain) {
          refreshAgain = false;
          await showAuction(selected);
        }
      } finally {
        running = undefined;
      }
    })();
  }
  return running;
}

async function showAuction(id) {
  const auction = await getJson('/api/v1/auctions/' + id);
  document.getElementById('auction-title').textContent = auction.title;
  document.getElementById('auction-state').textContent = auction.state;
  ended = FINAL_STATES.includes(auction.state);
  if (ended && feed) {
    feed.close();
    feed = undefined;
    document.getElementById('feed-status').textContent = 'auction ended: no live feed';
  }
  document.getElementById('auction-directive').textContent =
    auction.directive.id + ' version ' + auction.directive.version + ' (SHA-256 ' + auction.directive.sha256 + ')';
  document.getElementById('transcript-link').href = '/api/v1/auctions/' + id + '/transcript';
  const head = await getJson('/api/v1/auctions/' + id + '/transcript/head');
  document.getElementById('head').textContent = 'record ' + head.head.seq + ' · ' + head.head.hash
    + ' · signed by key ' + head.kid + ': ' + head.signature;
  await showStages(id);
  await showOutcome(id);
}

async function showStages(id) {
  const nodes = [];
  const windows = await getJson('/api/v1/auctions/' + id + '/stages');
  for (const w of windows) {
    const h = document.createElement('h4');
    h.textContent = w.stage + ' (' + w.type + ') — ' + w.state;
    nodes.push(h);
    if (w.type === 'ASSIGNMENT') {
      nodes.push(...await assignmentStage(id, w));
    }
    if (w.type === 'CLOCK' || (w.type === 'ASSIGNMENT' && w.state !== 'SCHEDULED' && !isSealedRound(w))) {
      const rounds = await getJson('/api/v1/auctions/' + id + '/stages/' + w.stage + '/rounds');
      const rows = [];
      rounds.filter(r => r.products).forEach(r => r.products.forEach(p => rows.push([
        [String(r.round), true], [p.product], [usd.format(p.startOfRound), true], [usd.format(p.clockPrice), true],
        [usd.format(p.postedPrice), true], [String(p.aggregateDemand), true], [String(p.excessDemand), true]])));
      nodes.push(table(['Round', 'Product', 'Start of round', 'Clock price', 'Posted price',
        'Aggregate demand', 'Excess'], rows));
      const csv = document.createElement('a');
      csv.href = '/api/v1/auctions/' + id + '/stages/' + w.stage + '/rounds.csv';
      csv.textContent = 'rounds as CSV';
      nodes.push(csv);
    } else if (w.result && w.result.awards) {
      nodes.push(table(['Bidder', 'Category', 'Blocks', 'Price per block', 'Total'],
        w.result.awards.map(a => [[a.bidder], [a.category], [String(a.blocks), true],
          [usd.format(a.pricePerBlock), true], [usd.format(a.total), true]])));
    }
  }
  document.getElementById('stages').replaceChildren(...nodes);
}

function isSealedRound(w) {
  return w.result ? Array.isArray(w.result.certificates) : w.closesAt !== undefined;
}

// An assignment stage: its markets (winners and blocks won, the positions or options bid on), each category's band
// plan as a picture (with the frequencies once the outcome is out), and a sealed round's certificates.
async function assignmentStage(id, w) {
  const nodes = [];
  const response = await fetch('/api/v1/auctions/' + id + '/stages/' + w.stage + '/markets');
  if (!response.ok) {
    return nodes;
  }
  const view = await response.json();
  nodes.push(table(['Market', 'Winners (blocks won)', view.method === 'POSITION_CLOCK' ? 'Positions' : 'Offered blocks'],
    view.markets.map(m => [[m.market], [Object.entries(m.winners).map(([b, n]) => b + ' ' + n).join(', ')],
      [view.method === 'POSITION_CLOCK' ? m.positions.map(p => p.position).join(', ')
        : m.blocks.length + ' (' + m.blocks[0] + ' to ' + m.blocks[m.blocks.length - 1] + ')']])));
  for (const m of view.markets) {
    const category = m.categories[0];
    const figure = document.createElement('figure');
    const img = document.createElement('img');
    img.src = '/api/v1/auctions/' + id + '/band-plans/' + encodeURIComponent(category) + '/picture.svg';
    img.alt = 'Band plan of ' + category + (w.result ? ', before and after the assignment' : '');
    img.className = 'band-plan';
    const caption = document.createElement('figcaption');
    caption.textContent = 'Band plan of ' + m.categories.join(', ');
    figure.append(img, caption);
    nodes.push(figure);
  }
  if (w.result && w.result.certificates) {
    nodes.push(table(['Market', 'Proven optimal', 'Value', 'Bound', 'Method'],
      w.result.certificates.map(c => [[c.market], [c.proven ? 'yes' : 'no'], [usd.format(c.value), true],
        [usd.format(c.bound), true], [c.method + (c.notPriced ? ' — not priced: ' + c.notPriced : '')]])));
  }
  return nodes;
}

async function showOutcome(id) {
  const container = document.getElementById('outcome');
  const response = await fetch('/api/v1/auctions/' + id + '/outcome');
  if (!response.ok) {
    return;
  }
  const outcome = (await response.json()).outcome;
  const lots = w => Object.entries(w.lots).map(([c, n]) => n + ' × ' + c).join(', ');
  if (outcome.assignmentRevenue !== undefined) {
    const frequencies = w => (w.frequencies || []).map(f => f.category + ': ' + (f.range || f.downlink + ' / '
      + f.uplink) + ' (' + f.position + ')').join('; ');
    container.replaceChildren(table(['Winner', 'Lots', 'Frequencies (MHz)', 'Allocation', 'Assignment',
      'Price (' + outcome.currency + ')'], outcome.winners.map(w => [[w.bidder], [lots(w)], [frequencies(w)],
      [usd.format(w.allocationPrice), true], [usd.format(w.assignmentPrice), true], [usd.format(w.price), true]])));
  } else {
    container.replaceChildren(table(['Winner', 'Lots', 'Price (' + outcome.currency + ')'],
      outcome.winners.map(w => [[w.bidder], [lots(w)], [usd.format(w.price), true]])));
  }
  const p = document.createElement('p');
  p.textContent = 'Revenue ' + usd.format(outcome.revenue) + ' ' + outcome.currency
    + (outcome.assignmentRevenue !== undefined ? ' (allocation ' + usd.format(outcome.allocationRevenue)
      + ', assignment ' + usd.format(outcome.assignmentRevenue) + ')' : '') + ' · ' + outcome.mhzSold
    + ' of ' + outcome.mhzOffered + ' MHz sold · unsold: '
    + (Object.entries(outcome.unsold).map(([c, n]) => n + ' × ' + c).join(', ') || 'none');
  container.appendChild(p);
}

showAuctions().then(() => {
  if (location.hash.length > 1) {
    selectAuction(location.hash.substring(1));
  }
});
