// Progressive enhancement for the workspace pages: the live queue (Server-Sent Events). Every form,
// sign-in and sign-out included, is a plain POST with a server-rendered CSRF token. No inline scripts (CSP).
'use strict';
(function () {
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
          if (response.redirected) {
            // The session ended: the page itself leads to the sign-in, which leads back here.
            window.location.reload();
            return null;
          }
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
