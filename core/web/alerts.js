// The alerts page: live (or filtered) alerts of the token's province, with an acknowledge button
// for operator and admin tokens (GET /api/v1/alerts, POST /api/v1/alerts/{id}/acknowledge).
'use strict';

const alertFilters = { state: 'live', kind: '', subject: '', region: '' };

function filterForm(page) {
  const states = ['live', 'open', 'acknowledged', 'resolved', 'all'];
  return el('form', { class: 'filters', onsubmit: (e) => {
    e.preventDefault();
    for (const key of Object.keys(alertFilters)) {
      if (e.target.elements[key]) alertFilters[key] = e.target.elements[key].value.trim();
    }
    renderAlerts(page).catch((error) => showMessage(explain(error), true));
  } },
  el('label', {}, t('alerts.state') + ' ', el('select', { name: 'state' },
    states.map((s) => el('option', { value: s, selected: s === alertFilters.state }, t('alertState.' + s))))),
  el('label', {}, t('alerts.kind') + ' ', el('input', { name: 'kind', value: alertFilters.kind, size: 14, maxlength: 64 })),
  el('label', {}, t('alerts.subject') + ' ', el('input', { name: 'subject', value: alertFilters.subject, size: 8, maxlength: 64 })),
  session.me.region ? null
    : el('label', {}, t('region.choose') + ' ', el('input', { name: 'region', value: alertFilters.region, size: 4, maxlength: 16 })),
  el('button', { type: 'submit' }, t('alerts.filter')));
}

async function acknowledge(page, id) {
  await api(`alerts/${id}/acknowledge`, { method: 'POST', body: {} });
  await renderAlerts(page);
  showMessage(t('alerts.done', { id }), false);
}

async function renderAlerts(page, region) {
  if (region !== undefined) alertFilters.region = region;
  const query = new URLSearchParams({ lang: currentLang, state: alertFilters.state });
  for (const key of ['kind', 'subject', 'region']) if (alertFilters[key]) query.set(key, alertFilters[key]);
  const form = filterForm(page);
  page.replaceChildren(el('h2', {}, t('alerts.title')), form);
  const alerts = await api('alerts?' + query);
  const mayAcknowledge = session.me.role === 'operator' || session.me.role === 'admin';
  if (!alerts.length) {
    page.append(el('p', { class: 'empty' }, t('alerts.empty')));
    return;
  }
  page.append(el('div', { class: 'scroll' }, table(
    [t('alerts.severity'), t('alerts.subject'), t('alerts.message'), t('alerts.firstSeen'), t('alerts.lastSeen'),
      t('alerts.state'), t('alerts.acknowledged'), ''],
    alerts.map((a) => el('tr', { class: 'alert severity-' + a.severity, dataset: { id: a.id, state: a.state } },
      el('td', {}, t('severity.' + a.severity)),
      el('td', {}, a.subject || t('none')),
      el('td', { class: 'message' }, a.message),
      el('td', {}, formatTime(a.first_seen)),
      el('td', {}, formatTime(a.last_seen)),
      el('td', { class: 'alert-state' }, t('alertState.' + a.state)),
      el('td', { class: 'ack' }, a.acknowledged_by
        ? t('alerts.acknowledgedBy', { who: a.acknowledged_by, when: formatTime(a.acknowledged_at) }) : t('none')),
      el('td', {}, mayAcknowledge && a.state === 'open'
        ? el('button', { type: 'button', class: 'acknowledge', onclick: (e) => {
          e.target.disabled = true;
          acknowledge(page, a.id).catch((error) => showMessage(explain(error), true));
        } }, t('alerts.acknowledge'))
        : null))))));
}
