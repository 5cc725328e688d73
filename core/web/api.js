// The hub's REST API as the dashboard uses it: the token pasted at sign-in (kept in this tab's
// sessionStorage) goes as a Bearer token with every data call.
'use strict';

class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

const session = {
  get token() { return sessionStorage.getItem('hamhub.token') || ''; },
  set token(value) {
    if (value) sessionStorage.setItem('hamhub.token', value);
    else sessionStorage.removeItem('hamhub.token');
  },
  me: null,
};

async function api(path, options = {}) {
  let response;
  try {
    response = await fetch('/api/v1/' + path, {
      method: options.method || 'GET',
      headers: { Authorization: 'Bearer ' + session.token, ...(options.body ? { 'Content-Type': 'application/json' } : {}) },
      body: options.body ? JSON.stringify(options.body) : undefined,
    });
  } catch (e) {
    throw new ApiError(0, t('error.network'));
  }
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(response.status, body?.error?.message || '');
  return body;
}

// What a person should read for a failed call: 403 says the token's province does not cover it.
function explain(error) {
  if (error.status === 403) return t('error.forbidden') + (error.message ? ' (' + error.message + ')' : '');
  if (error.status === 401) return t('login.invalid');
  if (error.status === 0) return t('error.network');
  return t('error.generic', { status: error.status }) + (error.message ? ' ' + error.message : '');
}
