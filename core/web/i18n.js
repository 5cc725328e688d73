// Every string the dashboard shows, in Bahasa Indonesia (the default: regional-office staff read
// it) and English. t(key, values) fills {name} placeholders.
'use strict';

const STRINGS = {
  id: {
    'nav.region': 'Wilayah',
    'nav.sources': 'Sumber data',
    'nav.alerts': 'Peringatan',
    'login.title': 'Masuk',
    'login.help': 'Tempelkan token API yang diberikan administrator hub. Token hanya disimpan di tab ini.',
    'login.token': 'Token',
    'login.submit': 'Masuk',
    'login.logout': 'Keluar',
    'login.invalid': 'Token tidak dikenal atau tidak berlaku.',
    'who': '{name} ({role}, {scope})',
    'scope.all': 'semua provinsi',
    'scope.region': 'provinsi {region}',
    'role.admin': 'admin', 'role.operator': 'operator', 'role.viewer': 'pemantau',
    'error.forbidden': 'Akses ditolak: token Anda tidak berhak atas data ini.',
    'error.generic': 'Permintaan gagal ({status}).',
    'error.network': 'Hub tidak dapat dihubungi.',
    'loading': 'Memuat…',
    'none': '—',
    'region.title': 'Provinsi {name} ({id})',
    'region.choose': 'Kode provinsi',
    'region.show': 'Tampilkan',
    'region.subject': 'Kabupaten/kota',
    'region.alerts': 'Peringatan terbuka',
    'region.chart': 'Nilai per kabupaten/kota',
    'region.empty': 'Belum ada nilai untuk provinsi ini.',
    'region.missing': '{count} indikator belum ada data',
    'region.documents': 'JDIH: {complete} dari {documents} dokumen lengkap',
    'region.alertsBySeverity': 'Peringatan aktif: {critical} kritis, {warning} perhatian, {info} info',
    'score.total': 'Nilai',
    'score.predicate': 'Predikat',
    'score.completeness': 'Kelengkapan',
    'score.period': 'Periode',
    'score.noPredicate': 'belum berpredikat',
    'sources.title': 'Sumber data',
    'sources.id': 'Sumber',
    'sources.state': 'Status',
    'sources.reason': 'Alasan',
    'sources.uptime': 'Ketersediaan',
    'sources.latency': 'Latensi',
    'sources.strip': '30 hari terakhir',
    'sources.incidents': 'Gangguan',
    'sources.noIncidents': 'Tidak ada gangguan.',
    'incident.started': 'Mulai',
    'incident.ended': 'Selesai',
    'incident.ongoing': 'masih berlangsung',
    'incident.planned': 'terjadwal',
    'state.up': 'aktif', 'state.down': 'mati', 'state.degraded': 'lambat', 'state.maintenance': 'pemeliharaan',
    'state.pending': 'menunggu', 'state.unknown': 'belum dicek',
    'alerts.title': 'Peringatan',
    'alerts.state': 'Status',
    'alerts.kind': 'Jenis',
    'alerts.subject': 'Subjek',
    'alerts.filter': 'Saring',
    'alerts.severity': 'Tingkat',
    'alerts.message': 'Pesan',
    'alerts.firstSeen': 'Pertama terlihat',
    'alerts.lastSeen': 'Terakhir terlihat',
    'alerts.acknowledged': 'Diakui',
    'alerts.acknowledge': 'Akui',
    'alerts.acknowledgedBy': 'oleh {who}, {when}',
    'alerts.empty': 'Tidak ada peringatan.',
    'alerts.done': 'Peringatan {id} diakui.',
    'alertState.live': 'aktif', 'alertState.open': 'terbuka', 'alertState.acknowledged': 'diakui',
    'alertState.resolved': 'selesai', 'alertState.all': 'semua',
    'severity.critical': 'kritis', 'severity.warning': 'perhatian', 'severity.info': 'info',
  },
  en: {
    'nav.region': 'Region',
    'nav.sources': 'Sources',
    'nav.alerts': 'Alerts',
    'login.title': 'Sign in',
    'login.help': 'Paste the API token the hub administrator gave you. It is kept in this tab only.',
    'login.token': 'Token',
    'login.submit': 'Sign in',
    'login.logout': 'Sign out',
    'login.invalid': 'The token is unknown or no longer valid.',
    'who': '{name} ({role}, {scope})',
    'scope.all': 'every province',
    'scope.region': 'province {region}',
    'role.admin': 'admin', 'role.operator': 'operator', 'role.viewer': 'viewer',
    'error.forbidden': 'Access denied: your token does not cover this data.',
    'error.generic': 'The request failed ({status}).',
    'error.network': 'The hub cannot be reached.',
    'loading': 'Loading…',
    'none': '—',
    'region.title': 'Province {name} ({id})',
    'region.choose': 'Province code',
    'region.show': 'Show',
    'region.subject': 'Regency/city',
    'region.alerts': 'Open alerts',
    'region.chart': 'Scores per regency/city',
    'region.empty': 'No scores for this province yet.',
    'region.missing': '{count} indicators without data',
    'region.documents': 'JDIH: {complete} of {documents} documents complete',
    'region.alertsBySeverity': 'Live alerts: {critical} critical, {warning} warning, {info} info',
    'score.total': 'Score',
    'score.predicate': 'Predicate',
    'score.completeness': 'Completeness',
    'score.period': 'Period',
    'score.noPredicate': 'no predicate',
    'sources.title': 'Sources',
    'sources.id': 'Source',
    'sources.state': 'State',
    'sources.reason': 'Reason',
    'sources.uptime': 'Uptime',
    'sources.latency': 'Latency',
    'sources.strip': 'Last 30 days',
    'sources.incidents': 'Incidents',
    'sources.noIncidents': 'No incidents.',
    'incident.started': 'Started',
    'incident.ended': 'Ended',
    'incident.ongoing': 'ongoing',
    'incident.planned': 'planned',
    'state.up': 'up', 'state.down': 'down', 'state.degraded': 'degraded', 'state.maintenance': 'maintenance',
    'state.pending': 'pending', 'state.unknown': 'not checked',
    'alerts.title': 'Alerts',
    'alerts.state': 'State',
    'alerts.kind': 'Kind',
    'alerts.subject': 'Subject',
    'alerts.filter': 'Filter',
    'alerts.severity': 'Severity',
    'alerts.message': 'Message',
    'alerts.firstSeen': 'First seen',
    'alerts.lastSeen': 'Last seen',
    'alerts.acknowledged': 'Acknowledged',
    'alerts.acknowledge': 'Acknowledge',
    'alerts.acknowledgedBy': 'by {who}, {when}',
    'alerts.empty': 'No alerts.',
    'alerts.done': 'Alert {id} acknowledged.',
    'alertState.live': 'live', 'alertState.open': 'open', 'alertState.acknowledged': 'acknowledged',
    'alertState.resolved': 'resolved', 'alertState.all': 'all',
    'severity.critical': 'critical', 'severity.warning': 'warning', 'severity.info': 'info',
  },
};

let currentLang = sessionStorage.getItem('hamhub.lang') === 'en' ? 'en' : 'id';

function t(key, values) {
  const text = STRINGS[currentLang][key] ?? STRINGS.id[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => (values && name in values ? String(values[name]) : `{${name}}`));
}

function setLang(lang) {
  currentLang = lang === 'en' ? 'en' : 'id';
  sessionStorage.setItem('hamhub.lang', currentLang);
  document.documentElement.lang = currentLang;
  for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
}

// Numbers and times as each language writes them: 78,50 in Bahasa Indonesia, 78.50 in English.
function formatNumber(value, decimals) {
  if (value === null || value === undefined) return t('none');
  return new Intl.NumberFormat(currentLang === 'en' ? 'en-US' : 'id-ID', {
    minimumFractionDigits: decimals, maximumFractionDigits: decimals,
  }).format(value);
}

function formatTime(iso) {
  if (!iso) return t('none');
  return new Intl.DateTimeFormat(currentLang === 'en' ? 'en-GB' : 'id-ID', {
    dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Jakarta',
  }).format(new Date(iso)) + ' WIB';
}
