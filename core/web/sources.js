// The source page: each source's health state and reason, uptime over 24 h / 7 d / 30 d / 365 d,
// a strip of the last 30 days' outages, and the incidents (GET /api/v1/sources, /incidents).
'use strict';

const STRIP_DAYS = 30;

function stateBadge(state) {
  const name = state || 'unknown';
  return el('span', { class: 'state state-' + name }, t('state.' + name));
}

// The last 30 days left to right; each incident (down, degraded, maintenance) a coloured stretch.
function uptimeStrip(incidents, now) {
  const width = 240, height = 14, span = STRIP_DAYS * 86400e3, start = now - span;
  const x = (time) => Math.max(0, Math.min(width, ((time - start) / span) * width));
  const strip = svg('svg', { class: 'strip', viewBox: `0 0 ${width} ${height}`, width, height, role: 'img',
    'aria-label': t('sources.strip') }, svg('rect', { x: 0, y: 0, width, height, class: 'ok' }));
  for (const incident of incidents) {
    const from = x(Date.parse(incident.started_at));
    const to = x(incident.ended_at ? Date.parse(incident.ended_at) : now);
    strip.append(svg('rect', { x: from, y: 0, width: Math.max(1, to - from), height, class: 'state-' + incident.state },
      svg('title', {}, `${t('state.' + incident.state)}: ${formatTime(incident.started_at)} – ${
        incident.ended_at ? formatTime(incident.ended_at) : t('incident.ongoing')}`)));
  }
  return strip;
}

async function renderSources(page) {
  const now = Date.now();
  const since = new Date(now - STRIP_DAYS * 86400e3).toISOString().slice(0, 10);
  const [sources, incidents] = await Promise.all([api('sources'), api('incidents?since=' + since)]);
  const windows = ['24h', '7d', '30d', '365d'];
  page.replaceChildren(el('h2', {}, t('sources.title')), el('div', { class: 'scroll' }, table(
    [t('sources.id'), t('sources.state'), t('sources.reason'), ...windows.map((w) => `${t('sources.uptime')} ${w}`),
      t('sources.latency'), t('sources.strip')],
    sources.map((source) => el('tr', { dataset: { source: source.id } },
      el('th', {}, source.id, el('small', {}, source.subjects.join(', '))),
      el('td', { class: 'state-cell' }, stateBadge(source.health?.state)),
      el('td', { class: 'reason' }, source.health?.reason || t('none')),
      windows.map((w) => el('td', { class: 'uptime', dataset: { window: w } },
        source.uptime_percent[w] === null || source.uptime_percent[w] === undefined
          ? t('none') : formatNumber(source.uptime_percent[w], 2) + '%')),
      el('td', {}, source.health ? source.health.latency_ms + ' ms' : t('none')),
      el('td', {}, uptimeStrip(incidents.filter((i) => i.source === source.id), now)))))),
  el('h3', {}, t('sources.incidents')),
  incidents.length ? table([t('sources.id'), t('sources.state'), t('sources.reason'), t('incident.started'), t('incident.ended')],
    incidents.map((i) => el('tr', { class: 'incident', dataset: { id: i.id } },
      el('td', {}, i.source), el('td', {}, stateBadge(i.state), i.planned ? ' (' + t('incident.planned') + ')' : ''),
      el('td', {}, i.reason), el('td', {}, formatTime(i.started_at)),
      el('td', {}, i.ended_at ? formatTime(i.ended_at) : t('incident.ongoing'))))) : el('p', {}, t('sources.noIncidents')));
}
