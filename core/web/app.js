// Sign-in, language switch and the three pages: #/region[/CODE], #/sources, #/alerts[/REGION].
'use strict';

const $ = (id) => document.getElementById(id);

function showMessage(text, isError) {
  const box = $('message');
  box.textContent = text;
  box.className = isError ? 'error' : 'info';
  box.hidden = !text;
}

function showWho() {
  const me = session.me;
  $('who').textContent = me ? t('who', {
    name: me.name, role: t('role.' + me.role),
    scope: me.region ? t('scope.region', { region: me.region }) : t('scope.all'),
  }) : '';
}

async function route() {
  showMessage('', false);
  const signedIn = Boolean(session.me);
  $('login').hidden = signedIn;
  $('nav').hidden = !signedIn;
  $('logout').hidden = !signedIn;
  showWho();
  const page = $('page');
  if (!signedIn) {
    page.replaceChildren();
    return;
  }
  const [name, arg] = location.hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  for (const link of document.querySelectorAll('#nav a')) {
    link.classList.toggle('current', link.getAttribute('href') === '#/' + (name || 'region'));
  }
  page.replaceChildren(el('p', { class: 'loading' }, t('loading')));
  try {
    if (name === 'sources') await renderSources(page);
    else if (name === 'alerts') await renderAlerts(page, arg);
    else await renderRegion(page, arg);
  } catch (error) {
    page.replaceChildren();
    showMessage(explain(error), true);
    if (error.status === 401) signOut();
  }
}

async function signIn(token) {
  session.token = token;
  try {
    session.me = await api('me');
  } catch (error) {
    session.token = '';
    session.me = null;
    await route();
    showMessage(explain(error), true);
    return;
  }
  await route();
}

function signOut() {
  session.token = '';
  session.me = null;
  route();
}

$('login').addEventListener('submit', (e) => {
  e.preventDefault();
  const token = $('token').value.trim();
  $('token').value = '';
  signIn(token);
});
$('logout').addEventListener('click', signOut);
for (const button of document.querySelectorAll('[data-lang]')) {
  button.addEventListener('click', () => {
    setLang(button.dataset.lang);
    route();
  });
}
window.addEventListener('hashchange', route);

setLang(currentLang);
if (session.token) signIn(session.token);
else route();
