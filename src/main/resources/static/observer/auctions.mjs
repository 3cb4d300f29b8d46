// The observer site's home: every auction, newest first, each a link to its page.
import { api, dataTable, el, instant, show, showError, stateTag } from '/app/ngms.mjs';

async function main() {
  try {
    const auctions = (await api('/api/v1/auctions')).data
      .sort((a, b) => String(b.createdAt).localeCompare(String(a.createdAt)));
    if (auctions.length === 0) {
      show('auctions', el('p', { class: 'govuk-body' }, 'No auction has been created yet.'));
      return;
    }
    show('auctions', dataTable({
      caption: 'Auctions', id: 'auction-list',
      headers: ['Auction', 'State', 'Directive', 'Created'],
      rows: auctions.map(a => [
        el('a', { class: 'govuk-link', href: '/observer/auction.html?id=' + encodeURIComponent(a.id) },
          a.title || a.id),
        stateTag(a.state), a.directive.id + ' version ' + a.directive.version, instant(a.createdAt)])
    }));
  } catch (e) {
    showError('auctions', e, 'The auctions could not be loaded');
  }
}

main();
