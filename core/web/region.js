// The region page: each kab/kota of a province with score, predicate, completeness and open
// alerts per instrument (GET /api/v1/regions/{code}/completeness), and the scores as a bar chart.
'use strict';

function completenessBar(share) {
  const percent = Math.round((share || 0) * 100);
  return el('span', { class: 'bar', title: `${t('score.completeness')} ${percent}%` },
    el('span', { class: 'fill', style: `width:${percent}%` }),
    el('span', { class: 'pct' }, percent + '%'));
}

function standingCell(subject, standing) {
  if (!standing) return el('td', { class: 'empty' }, t('none'));
  return el('td', { dataset: { subject: subject.id, instrument: standing.instrument } },
    el('div', { class: 'total', title: t('score.total') }, formatNumber(standing.total, 2)),
    el('div', { class: 'predicate' + (standing.target_reached ? ' reached' : ''), title: t('score.predicate') },
      standing.predicate_name || t('score.noPredicate')),
    completenessBar(standing.completeness),
    standing.missing.length ? el('div', { class: 'missing', title: standing.missing.map((m) => `${m.indicator} ${m.name}`).join('\n') },
      t('region.missing', { count: standing.missing.length })) : null,
    el('div', { class: 'alerts' + (standing.open_alerts ? ' has' : '') }, t('region.alerts') + ': ',
      el('span', { class: 'count' }, standing.open_alerts)));
}

// Grouped bars: one group per kab/kota, one bar per instrument, on the instruments' 0–100 scale.
function scoreChart(subjects, instruments) {
  const barWidth = 10, gap = 8, height = 160, top = 10, bottom = 40;
  const groupWidth = instruments.length * barWidth + gap;
  const width = Math.max(200, subjects.length * groupWidth + 40);
  const y = (v) => top + (height - top - bottom) * (1 - Math.min(100, Math.max(0, v)) / 100);
  const chart = svg('svg', { class: 'chart', viewBox: `0 0 ${width} ${height}`, width, height, role: 'img',
    'aria-label': t('region.chart') });
  for (const tick of [0, 50, 75, 100]) {
    chart.append(svg('line', { x1: 30, x2: width, y1: y(tick), y2: y(tick), class: 'grid' }),
      svg('text', { x: 26, y: y(tick) + 3, class: 'tick' }, tick));
  }
  subjects.forEach((subject, i) => {
    const x0 = 36 + i * groupWidth;
    instruments.forEach((instrument, j) => {
      const standing = subject.instruments.find((s) => s.instrument === instrument);
      if (!standing) return;
      chart.append(svg('rect', { x: x0 + j * barWidth, y: y(standing.total), width: barWidth - 1,
        height: y(0) - y(standing.total), class: 'bar-' + j,
        dataset: { subject: subject.id, instrument, total: standing.total } },
        svg('title', {}, `${subject.name} — ${instrument}: ${formatNumber(standing.total, 2)}`)));
    });
    chart.append(svg('text', { x: x0, y: height - bottom + 12, class: 'label',
      transform: `rotate(45 ${x0} ${height - bottom + 12})` }, subject.id));
  });
  const legend = el('p', { class: 'legend' },
    instruments.map((instrument, j) => el('span', {}, el('i', { class: 'swatch bar-' + j }), instrument)));
  return el('figure', {}, el('figcaption', {}, t('region.chart')), chart, legend);
}

async function renderRegion(page, code) {
  const me = session.me;
  if (!code) code = me.region || '';
  const chooser = me.region ? null : el('form', { class: 'filters', onsubmit: (e) => {
    e.preventDefault();
    location.hash = '#/region/' + encodeURIComponent(e.target.elements.code.value.trim());
  } }, el('label', {}, t('region.choose') + ' ', el('input', { name: 'code', value: code, size: 4, maxlength: 16 })),
  el('button', { type: 'submit' }, t('region.show')));
  page.replaceChildren(chooser || '');
  if (!code) return;
  const overview = await api(`regions/${encodeURIComponent(code)}/completeness?lang=${currentLang}`);
  const subjects = overview.subjects.filter((s) => s.kind !== 'province');
  const instruments = [...new Set(overview.subjects.flatMap((s) => s.instruments.map((i) => i.instrument)))].sort();
  const severity = overview.alerts_by_severity;
  page.append(el('h2', {}, t('region.title', { name: overview.province.name, id: overview.province.id })),
    el('p', { class: 'summary' }, t('region.alertsBySeverity', {
      critical: severity.critical || 0, warning: severity.warning || 0, info: severity.info || 0 })));
  if (!instruments.length) {
    page.append(el('p', {}, t('region.empty')));
    return;
  }
  const periods = instruments.map((instrument) => {
    const any = overview.subjects.flatMap((s) => s.instruments).find((s) => s.instrument === instrument);
    return `${instrument.toUpperCase()} (${t('score.period')} ${any.period})`;
  });
  page.append(el('div', { class: 'scroll' }, table([t('region.subject'), ...periods],
    subjects.map((subject) => el('tr', { dataset: { subject: subject.id } },
      el('th', {}, el('div', {}, subject.name), el('small', {}, subject.id),
        subject.documents ? el('small', { class: 'docs' }, t('region.documents', subject.documents)) : null),
      instruments.map((instrument) => standingCell(subject, subject.instruments.find((s) => s.instrument === instrument))))))));
  page.append(scoreChart(subjects, instruments));
}
