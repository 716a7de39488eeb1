// The web UI's progressive script, served as /assets/app.js: every page works without it; it adds live story updates, passage linking and shortcuts.

export const APP_JS = `'use strict';
(function () {
  var typing = function (el) { return el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable); };

  // "/" focuses the search box.
  document.addEventListener('keydown', function (event) {
    if (event.key === '/' && !typing(document.activeElement)) {
      var box = document.getElementById('q');
      if (box) { event.preventDefault(); box.focus(); box.select(); }
    }
  });

  // Story list: j / k move through the stories (Enter opens the focused one).
  var storyLinks = Array.prototype.slice.call(document.querySelectorAll('ol.stories h2 a'));
  document.addEventListener('keydown', function (event) {
    if (!storyLinks.length || typing(document.activeElement) || event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key !== 'j' && event.key !== 'k') return;
    var at = storyLinks.indexOf(document.activeElement);
    var next = event.key === 'j' ? Math.min(storyLinks.length - 1, at + 1) : Math.max(0, at - 1);
    storyLinks[next].focus();
    storyLinks[next].scrollIntoView({ block: 'nearest' });
  });

  // Filters apply as soon as a select changes.
  document.querySelectorAll('form[data-autosubmit] select').forEach(function (select) {
    select.addEventListener('change', function () { select.form.submit(); });
  });

  // Side by side: a shared passage lights up in both texts; the other text scrolls to it. n / p step through passages.
  var marks = Array.prototype.slice.call(document.querySelectorAll('mark.passage[data-passage]'));
  function show(mark, scroll) {
    var id = mark.getAttribute('data-passage');
    marks.forEach(function (m) { m.classList.toggle('active', m.getAttribute('data-passage') === id); });
    if (!scroll) return;
    var side = mark.closest('[data-side]');
    var other = marks.filter(function (m) { return m.getAttribute('data-passage') === id && m.closest('[data-side]') !== side; })[0];
    if (other) other.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }
  marks.forEach(function (mark) {
    mark.addEventListener('click', function () { show(mark, true); });
    mark.addEventListener('keydown', function (event) { if (event.key === 'Enter' || event.key === ' ') { event.preventDefault(); show(mark, true); } });
  });
  var leftMarks = marks.filter(function (m) { var s = m.closest('[data-side]'); return s && s.getAttribute('data-side') === 'a'; });
  var current = -1;
  document.addEventListener('keydown', function (event) {
    if (!leftMarks.length || typing(document.activeElement) || event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key !== 'n' && event.key !== 'p') return;
    current = event.key === 'n' ? Math.min(leftMarks.length - 1, current + 1) : Math.max(0, current - 1);
    var mark = leftMarks[current];
    mark.focus();
    mark.scrollIntoView({ block: 'center', behavior: 'smooth' });
    show(mark, true);
  });

  // Story page: new articles joining the story show up without a reload (the page is asked again with its ETag: 304 while unchanged).
  var main = document.querySelector('main[data-poll]');
  if (main && window.fetch && window.DOMParser) {
    var etag = main.getAttribute('data-etag');
    var seconds = Math.max(2, Number(main.getAttribute('data-poll')) || 15);
    var poll = function () {
      if (document.hidden) return;
      fetch(location.pathname + location.search, { headers: { 'If-None-Match': etag, 'Accept': 'text/html' }, cache: 'no-store', credentials: 'same-origin' })
        .then(function (response) {
          if (response.status !== 200) return;
          var tag = response.headers.get('ETag');
          return response.text().then(function (html) {
            var next = new DOMParser().parseFromString(html, 'text/html').querySelector('main[data-poll]');
            if (!next) return;
            main.innerHTML = next.innerHTML;
            if (tag) etag = tag;
            var note = document.createElement('div');
            note.className = 'updated';
            note.setAttribute('role', 'status');
            note.textContent = 'Story updated: ' + (next.getAttribute('data-articles') || 'new') + ' articles';
            document.body.appendChild(note);
            setTimeout(function () { note.remove(); }, 6000);
          });
        })
        .catch(function () { /* offline or restarting: try again next time */ });
    };
    setInterval(poll, seconds * 1000);
  }
})();
`;
