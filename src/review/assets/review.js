// Progressive enhancement for the workspace pages: CSRF token for fetch (forms carry it from the server), sign-out over
// the JSON API, and the live queue (Server-Sent Events). Sign-in is a plain form POST. No inline scripts (CSP).
'use strict';
(function () {
  var csrf = document.body.getAttribute('data-csrf') || '';

  function post(url, body) {
    return fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf },
      body: body ? JSON.stringify(body) : undefined,
    });
  }

  var logout = document.getElementById('logout');
  if (logout) {
    logout.addEventListener('click', function () {
      post('/api/auth/logout').then(function () {
        window.location.assign('/review/login');
      });
    });
  }

  var table = document.getElementById('queue');
  if (table && window.EventSource) {
    var live = document.getElementById('live');
    var pending = null;
    var source = new EventSource('/api/review/events');
    source.addEventListener('case', function () {
      // Several events in a row: one reload of the rows.
      clearTimeout(pending);
      pending = setTimeout(reloadRows, 300);
    });
    function reloadRows() {
      var query = new URLSearchParams(window.location.search);
      fetch('/review/rows?' + query.toString(), { credentials: 'same-origin' })
        .then(function (response) {
          return response.ok ? response.text() : null;
        })
        .then(function (rows) {
          if (rows === null) {
            return;
          }
          var template = document.createElement('template');
          template.innerHTML = '<table><tbody>' + rows + '</tbody></table>';
          var body = table.querySelector('tbody');
          body.replaceWith(template.content.querySelector('tbody'));
          live.textContent = 'Die Liste wurde aktualisiert. / The list was updated.';
          table.setAttribute('data-updated', String(Date.now()));
        });
    }
  }
})();
