// Tag suggestions while typing, for the work form's tag fields (progressive enhancement).
// Without this script each field still offers its <datalist> of common tags. With it, the
// datalist is refilled from /tags/autocomplete for the tag being typed after the last comma,
// each suggestion keeping the tags already typed before it; a synonym suggests its canonical tag.
// Built with DOM methods only (no innerHTML): tag names are text, never markup.
(function () {
  'use strict';
  var DELAY = 200;

  function setup(input) {
    var type = input.getAttribute('data-tag-type');
    var list = input.list;
    if (!type || !list) return;
    var original = Array.prototype.map.call(list.options, function (o) { return o.value; });
    var timer = null;
    var asked = '';

    function fill(prefix, names) {
      while (list.firstChild) list.removeChild(list.firstChild);
      var seen = {};
      names.forEach(function (n) {
        var value = prefix + n.value;
        if (seen[value]) return;
        seen[value] = true;
        var option = document.createElement('option');
        option.value = value;
        if (n.label) option.label = n.label;
        list.appendChild(option);
      });
    }

    function update() {
      var text = input.value;
      var cut = text.lastIndexOf(',');
      var prefix = cut < 0 ? '' : text.slice(0, cut + 1).replace(/\s*$/, ' ');
      var typed = text.slice(cut + 1).trim();
      if (typed.length < 2) {
        fill(prefix, original.map(function (v) { return { value: v }; }));
        return;
      }
      if (typed === asked) return;
      asked = typed;
      var url = '/tags/autocomplete?type=' + encodeURIComponent(type) + '&q=' + encodeURIComponent(typed);
      fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
        .then(function (res) { return res.ok ? res.json() : { tags: [] }; })
        .then(function (body) {
          if (asked !== typed) return;
          fill(prefix, (body.tags || []).map(function (t) {
            return t.synonymOf ? { value: t.synonymOf, label: t.name + ' → ' + t.synonymOf } : { value: t.name };
          }));
        })
        .catch(function () { /* keep the list as it is */ });
    }

    input.addEventListener('input', function () {
      if (timer) clearTimeout(timer);
      timer = setTimeout(update, DELAY);
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll('input[data-tag-type][list]'), setup);
})();
