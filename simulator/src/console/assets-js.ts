// The console's only script, served at /_sim/console/assets/console.js. Every page works without it; it
// adds copy buttons, search as you type, and live updates: on a server-sent event the page's live regions
// ([data-live]) are fetched again and swapped in, keeping open <details> and the focused field.
export const CONSOLE_JS = String.raw`
(function () {
  'use strict';

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    var area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.className = 'visually-hidden';
    document.body.appendChild(area);
    area.select();
    try { document.execCommand('copy'); } finally { area.remove(); }
    return Promise.resolve();
  }

  function addCopyButtons(root) {
    root.querySelectorAll('.copy-value:not([data-copy-ready])').forEach(function (el) {
      el.setAttribute('data-copy-ready', '');
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'secondary small copy';
      button.textContent = 'Copy';
      button.setAttribute('aria-label', 'Copy ' + (el.getAttribute('data-copy-label') || 'value'));
      button.addEventListener('click', function () {
        copyText(el.textContent).then(function () {
          button.textContent = 'Copied';
          setTimeout(function () { button.textContent = 'Copy'; }, 1500);
        });
      });
      el.insertAdjacentElement('afterend', button);
    });
  }

  var refreshing = null;
  var again = false;
  function refresh() {
    if (refreshing) { again = true; return refreshing; }
    refreshing = fetch(location.href, { headers: { 'x-console-refresh': '1' }, cache: 'no-store', credentials: 'same-origin' })
      .then(function (res) { return res.ok ? res.text() : null; })
      .then(function (html) { if (html) swap(new DOMParser().parseFromString(html, 'text/html')); })
      .catch(function () {})
      .finally(function () {
        refreshing = null;
        if (again) { again = false; refresh(); }
      });
    return refreshing;
  }

  function swap(doc) {
    document.querySelectorAll('[data-live]').forEach(function (region) {
      var fresh = doc.getElementById(region.id);
      if (!fresh || fresh.innerHTML === region.innerHTML) return;
      if (region.contains(document.activeElement) && document.activeElement.matches('input,select,textarea')) return;
      var open = Array.prototype.map.call(region.querySelectorAll('details[open][data-key]'), function (d) { return d.getAttribute('data-key'); });
      region.innerHTML = fresh.innerHTML;
      open.forEach(function (key) {
        var d = region.querySelector('details[data-key="' + CSS.escape(key) + '"]');
        if (d) d.open = true;
      });
      addCopyButtons(region);
    });
  }

  function liveUpdates() {
    if (document.body.getAttribute('data-live-events') !== 'on' || !window.EventSource) return;
    var source = new EventSource('/_sim/console/events');
    var timer = null;
    source.addEventListener('change', function () {
      clearTimeout(timer);
      timer = setTimeout(refresh, 100);
    });
    var state = document.getElementById('live-state');
    // Whatever changed between the page being rendered and the stream opening (or while it was down)
    // came with no event: catch up once on every (re)connection.
    source.addEventListener('open', function () {
      if (state) state.textContent = 'Live';
      refresh();
    });
    source.addEventListener('error', function () { if (state) state.textContent = 'Reconnecting…'; });
  }

  function searchAsYouType() {
    var form = document.getElementById('filters');
    if (!form) return;
    var timer = null;
    function apply() {
      var params = new URLSearchParams();
      new FormData(form).forEach(function (value, name) { if (value) params.set(name, value); });
      var query = params.toString();
      history.replaceState(null, '', form.getAttribute('action') + (query ? '?' + query : ''));
      refresh();
    }
    form.addEventListener('input', function (event) {
      if (event.target.name !== 'q') return;
      clearTimeout(timer);
      timer = setTimeout(apply, 200);
    });
    form.addEventListener('change', function (event) { if (event.target.name !== 'q') apply(); });
  }

  addCopyButtons(document);
  liveUpdates();
  searchAsYouType();
})();
`;
