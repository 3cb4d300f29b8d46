// Price-path and demand charts (uPlot, drawn on a canvas). Each chart keeps its node across refreshes, so a live
// update only gives it new data; it follows its container's width, so it never widens the page at 390 px.
import uPlot from '/webjars/uplot/dist/uPlot.esm.js';
import { el, whole } from '/app/ngms.mjs';

// GOV.UK colours, each with at least 4.4:1 contrast on white (WCAG 2.1 AA for graphics)
const COLOURS = ['#1d70b8', '#d4351c', '#00703c', '#4c2c92', '#d53880', '#505a5f', '#6f72af', '#0b0c0c'];
const charts = new Map();

function width(node) {
  return Math.max(260, Math.min(900, node.clientWidth || 900));
}

/**
 * A line chart `id` (rounds along the bottom) of `lines`: [{label, values, dash}], with the caption `title` and the
 * text alternative `description` (which names the table holding the same figures). Returns its `<figure>`; a second
 * call with the same id updates that chart in place.
 */
export function lineChart({ id, title, description, rounds, lines, unit }) {
  const data = [rounds, ...lines.map(l => l.values)];
  const known = charts.get(id);
  if (known && known.labels === lines.map(l => l.label).join('|')) {
    known.plot.setData(data);
    known.figure.dataset.rounds = String(rounds.length);
    known.figure.setAttribute('aria-label', description);
    return known.figure;
  }
  if (known) {
    known.plot.destroy();
  }
  const canvas = el('div', { class: 'app-chart-canvas' });
  const figure = el('figure', { class: 'app-chart', id, role: 'img', 'aria-label': description,
    dataset: { rounds: String(rounds.length) } },
  el('figcaption', { class: 'govuk-body-s govuk-!-font-weight-bold' }, title), canvas);
  const options = {
    width: 900, height: 260,
    scales: { x: { time: false } },
    legend: { live: false },
    cursor: { drag: { x: false, y: false } },
    axes: [
      { label: 'Round', values: (u, ticks) => ticks.map(t => (Number.isInteger(t) ? String(t) : '')) },
      { label: unit, size: 100, values: (u, ticks) => ticks.map(t => whole(Math.round(t))) }
    ],
    series: [{ label: 'Round' }, ...lines.map((l, i) => ({
      label: l.label, stroke: COLOURS[i % COLOURS.length], width: 2, dash: l.dash ? [6, 4] : undefined,
      points: { show: true, size: 6 }, value: (u, v) => whole(v)
    }))]
  };
  const plot = new uPlot(options, data, canvas);
  const fit = () => plot.setSize({ width: width(figure), height: 260 });
  new ResizeObserver(fit).observe(figure);
  requestAnimationFrame(fit);
  charts.set(id, { plot, figure, labels: lines.map(l => l.label).join('|') });
  return figure;
}
