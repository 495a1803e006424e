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

  // The case page: a letter being read ("Wird gelesen …") is replaced by its result when the
  // server says the case's documents changed. Only the uploads section is swapped, so nothing typed
  // into the page's forms is lost. Without JavaScript the next page load shows the result.
  // The section is also loaded once each time the event stream (re)connects: a reading that ended
  // before the stream was open would otherwise never show.
  var uploads = document.getElementById('uploads');
  if (uploads && window.EventSource && uploads.querySelector('[data-reading="pending"]')) {
    var caseId = uploads.getAttribute('data-case');
    var letters = new EventSource('/api/review/events');
    var refreshUploads = function () {
      fetch(window.location.pathname, { credentials: 'same-origin' })
        .then(function (response) {
          return response.ok && !response.redirected ? response.text() : null;
        })
        .then(function (page) {
          if (page === null) {
            return;
          }
          var fresh = new DOMParser().parseFromString(page, 'text/html').getElementById('uploads');
          if (!fresh || fresh.outerHTML === uploads.outerHTML) {
            return;
          }
          uploads.replaceWith(fresh);
          uploads = fresh;
          var live = document.getElementById('uploads-live');
          if (live) {
            live.textContent = 'Die Unterlagen wurden aktualisiert. / The uploads were updated.';
          }
          if (!fresh.querySelector('[data-reading="pending"]')) {
            letters.close();
          }
        });
    };
    letters.addEventListener('open', refreshUploads);
    letters.addEventListener('case', function (event) {
      var data = {};
      try {
        data = JSON.parse(event.data);
      } catch (ignored) {
        return;
      }
      if (data.caseId === caseId && data.kind === 'documents-changed') {
        refreshUploads();
      }
    });
  }
})();
