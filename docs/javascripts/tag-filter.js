/* Tag tools of the repository pages: the filter and the "show ended" toggle, as progressive
 * enhancement of tables already in the HTML.
 *
 * The page holds every tag; this script reveals the form the server rendered
 * (form[data-tag-filter]) and hides rows that do not match. It holds no data and no rules: the
 * choices are in the form, the facts in each row's data-* attributes (data-tags for the text, so
 * no row's text is read). Set-up only reveals the form and reads the query string: rows are
 * collected the first time a filter is actually set, so a page opened without one costs nothing.
 * Rows of end-of-life and preview channels are hidden by styles until the toggle is checked; the
 * toggle is kept in the query string as `ended=show`. A filter opens the collapsed channels of the
 * full listing that hold matches, and a link to a row (#tag-…) opens its channel and marks the row.
 * It starts from Material's document$ (so it runs again after instant navigation), marks each
 * form it has set up (so handlers are never added twice), and keeps the state in the query string
 * with replaceState (Material keeps its scroll position in history.state, so that is passed on).
 */
(function () {
  "use strict";

  var FIELDS = ["channel", "os", "arch", "variant"];
  var ROWS = "table[data-tag-featured] tbody tr, table[data-tag-resolution] tbody tr, table[data-tag-rows] tbody tr";

  function readQuery(form, toggle) {
    var params = new URLSearchParams(window.location.search);
    form.elements.tag.value = params.get("tag") || "";
    FIELDS.forEach(function (name) {
      var select = form.elements[name];
      var value = params.get(name);
      if (select && value && select.querySelector('option[value="' + CSS.escape(value) + '"]')) {
        select.value = value;
      }
    });
    if (toggle && params.get("ended") === "show") { toggle.checked = true; }
  }

  function writeQuery(form, toggle) {
    var params = new URLSearchParams(window.location.search);
    ["tag"].concat(FIELDS).forEach(function (name) {
      var field = form.elements[name];
      var value = field ? field.value.trim() : "";
      if (value) { params.set(name, value); } else { params.delete(name); }
    });
    if (toggle && toggle.checked) { params.set("ended", "show"); } else { params.delete("ended"); }
    var query = params.toString();
    var url = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
    window.history.replaceState(window.history.state, "", url);
  }

  function rowMatches(row, words, choices) {
    for (var i = 0; i < choices.length; i++) {
      var tokens = (row.getAttribute("data-" + choices[i][0]) || "").split(" ");
      if (tokens.indexOf(choices[i][1]) < 0) { return false; }
    }
    if (!words.length) { return true; }
    var tags = row.getAttribute("data-tags") || "";
    return words.every(function (word) { return tags.indexOf(word) >= 0; });
  }

  function collect() {
    var withRows = function (element) {
      return { element: element, rows: Array.prototype.slice.call(element.querySelectorAll("tbody tr")) };
    };
    return {
      rows: Array.prototype.slice.call(document.querySelectorAll(ROWS)),
      // The full listing: a section per channel (counted), a table per platform inside it.
      groups: Array.prototype.map.call(document.querySelectorAll("[data-tag-group]"), withRows),
      tables: Array.prototype.map.call(document.querySelectorAll("[data-tag-group] table[data-tag-rows]"), withRows)
    };
  }

  function visibleRows(part) {
    return part.rows.filter(function (row) { return !row.hidden; }).length;
  }

  function apply(form, state) {
    var words = form.elements.tag.value.toLowerCase().split(/\s+/).filter(Boolean);
    var choices = FIELDS.filter(function (name) {
      return form.elements[name] && form.elements[name].value;
    }).map(function (name) { return [name, form.elements[name].value]; });
    if (!state.tables) {
      if (!words.length && !choices.length) { return; }  // nothing set and nothing hidden yet: no work
      state.tables = collect();
    }
    var filtering = words.length > 0 || choices.length > 0;
    state.tables.rows.forEach(function (row) { row.hidden = !rowMatches(row, words, choices); });
    state.tables.tables.forEach(function (table) { table.element.hidden = visibleRows(table) === 0; });
    var shown = 0;
    var total = 0;
    state.tables.groups.forEach(function (group) {
      var visible = visibleRows(group);
      group.element.hidden = visible === 0;
      // A filter's matches are what the reader asked for: open the channels that hold some.
      var listing = group.element.querySelector("details");
      if (filtering && visible && listing) { listing.open = true; }
      shown += visible;
      total += group.rows.length;
    });
    var count = form.querySelector("output");
    // The words come from the page's language (data/messages via data-count-all / data-count-some).
    var phrase = shown === total ? form.dataset.countAll : form.dataset.countSome;
    count.textContent = phrase.replace("{total}", total).replace("{shown}", shown);
  }

  function showEndedFor(form, toggle) {
    // Choosing an end-of-life or preview channel in the menu means the reader wants to see it.
    var select = form.elements.channel;
    var option = select && select.selectedOptions[0];
    if (toggle && option && option.hasAttribute("data-status") &&
        ["eol", "preview"].indexOf(option.getAttribute("data-status")) >= 0) {
      toggle.checked = true;
    }
  }

  // Asking to see end-of-life and preview images opens their channels in the full listing.
  function openEnded(toggle) {
    if (!toggle || !toggle.checked) { return; }
    document.querySelectorAll(".tag-channel[data-ended] > details")
      .forEach(function (details) { details.open = true; });
  }

  function setUp(form) {
    if (form.dataset.filterReady) { return; }
    form.dataset.filterReady = "true";
    var tools = form.closest("[data-tag-tools]") || document;
    var toggle = tools.querySelector("input[data-show-ended]");
    var state = {};
    var update = function () { showEndedFor(form, toggle); apply(form, state); writeQuery(form, toggle); };
    form.addEventListener("input", update);  // text fields and selects both fire "input"
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    // A reset clears the fields after the event; filter once they are empty.
    form.addEventListener("reset", function () { window.setTimeout(update, 0); });
    if (toggle) {
      toggle.addEventListener("change", function () { openEnded(toggle); writeQuery(form, toggle); });
    }
    readQuery(form, toggle);
    showEndedFor(form, toggle);
    openEnded(toggle);
    form.hidden = false;
    apply(form, state);
  }

  // A link to a row (#tag-…): open the channel that holds it and mark the row, which styles show even
  // when its channel is hidden as ended. A page loaded by Material's instant navigation (a search
  // result, a link from another page) never becomes :target, so the mark does that job.
  function revealTarget() {
    document.querySelectorAll("tr[data-target]").forEach(function (row) { row.removeAttribute("data-target"); });
    var id = decodeURIComponent(window.location.hash.slice(1));
    if (id.indexOf("tag-") !== 0) { return; }
    var element = document.getElementById(id);
    var row = element && element.closest("tr");
    if (!row) { return; }
    row.setAttribute("data-target", "");
    for (var details = row.closest("details"); details; details = details.parentElement.closest("details")) {
      details.open = true;
    }
    // Tables above the row keep an estimated room until laid out (content-visibility): lay them out
    // now, or they would take their real size as the page scrolls past them and push the row away.
    var boxes = document.querySelectorAll(".guide-offscreen");
    for (var i = 0; i < boxes.length; i++) {
      if (boxes[i].compareDocumentPosition(row) & Node.DOCUMENT_POSITION_PRECEDING) { break; }
      boxes[i].style.contentVisibility = "visible";
    }
    element.scrollIntoView({ block: "center" });
  }

  function start() {
    document.querySelectorAll("form[data-tag-filter]").forEach(setUp);
    revealTarget();
  }

  if (window.tagFilterStarted) { return; }
  window.tagFilterStarted = true;
  window.addEventListener("hashchange", revealTarget);
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(start);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
