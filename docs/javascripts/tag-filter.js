/* Tag filter for the repository pages: progressive enhancement of tables already in the HTML.
 *
 * The page holds every tag; this script only reveals the form the server rendered
 * (form[data-tag-filter]) and hides rows that do not match. It holds no data and no rules:
 * the choices are in the form, the facts in each row's data-* attributes. It starts from
 * Material's document$ (so it runs again after instant navigation), marks each form it has set
 * up (so handlers are never added twice), and keeps the filter in the query string with
 * replaceState (Material keeps its scroll position in history.state, so that is passed on).
 */
(function () {
  "use strict";

  var FIELDS = ["channel", "os", "arch", "variant"];

  function readQuery(form) {
    var params = new URLSearchParams(window.location.search);
    form.elements.tag.value = params.get("tag") || "";
    FIELDS.forEach(function (name) {
      var select = form.elements[name];
      var value = params.get(name);
      if (select && value && select.querySelector('option[value="' + CSS.escape(value) + '"]')) {
        select.value = value;
      }
    });
  }

  function writeQuery(form) {
    var params = new URLSearchParams(window.location.search);
    ["tag"].concat(FIELDS).forEach(function (name) {
      var field = form.elements[name];
      var value = field ? field.value.trim() : "";
      if (value) { params.set(name, value); } else { params.delete(name); }
    });
    var query = params.toString();
    var url = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
    window.history.replaceState(window.history.state, "", url);
  }

  function rowMatches(row, words, choices) {
    for (var i = 0; i < choices.length; i++) {
      var tokens = (row.getAttribute("data-" + choices[i][0]) || "").split(" ");
      if (tokens.indexOf(choices[i][1]) < 0) { return false; }
    }
    var text = row.filterText || (row.filterText = row.textContent.toLowerCase());
    return words.every(function (word) { return text.indexOf(word) >= 0; });
  }

  function apply(form, groups) {
    var words = form.elements.tag.value.toLowerCase().split(/\s+/).filter(Boolean);
    var choices = FIELDS.filter(function (name) {
      return form.elements[name] && form.elements[name].value;
    }).map(function (name) { return [name, form.elements[name].value]; });
    var shown = 0;
    var total = 0;
    groups.forEach(function (group) {
      var visible = 0;
      group.rows.forEach(function (row) {
        var match = rowMatches(row, words, choices);
        row.hidden = !match;
        if (match) { visible++; }
      });
      group.element.hidden = visible === 0;
      shown += visible;
      total += group.rows.length;
    });
    var count = form.querySelector("output");
    count.textContent = shown === total ? total + " images" : shown + " of " + total + " images match";
  }

  function setUp(form) {
    if (form.dataset.filterReady) { return; }
    form.dataset.filterReady = "true";
    var groups = Array.prototype.map.call(document.querySelectorAll("[data-tag-group]"), function (element) {
      return { element: element, rows: Array.prototype.slice.call(element.querySelectorAll("tbody tr")) };
    });
    var update = function () { apply(form, groups); writeQuery(form); };
    form.addEventListener("input", update);  // text fields and selects both fire "input"
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    // A reset clears the fields after the event; filter once they are empty.
    form.addEventListener("reset", function () { window.setTimeout(update, 0); });
    readQuery(form);
    form.hidden = false;
    apply(form, groups);
  }

  function start() {
    document.querySelectorAll("form[data-tag-filter]").forEach(setUp);
  }

  if (window.tagFilterStarted) { return; }
  window.tagFilterStarted = true;
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(start);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
