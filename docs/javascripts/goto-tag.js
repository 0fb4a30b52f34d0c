/* The "go to tag" box (form[data-goto-tag]): a tag, a full reference, an old image name or a digest,
 * to the row of that tag (#tag-<tag> on its repository page).
 *
 * It holds no data: api/tags.json says which repository has which tag and where its page is, and
 * api/digests.json (fetched only for a digest) what a digest is. What the reader typed is only
 * compared with those lists and shown back as text, never as markup. It holds no words either: its replies,
 * in the page's language, are on the form (data-goto-words, from data/messages).
 */
(function () {
  "use strict";

  var cache = {};

  function siteBase() {
    var config = document.getElementById("__config");
    var base = config ? JSON.parse(config.textContent).base : ".";
    return new URL(base.replace(/\/?$/, "/"), window.location.href);
  }

  // api/ exists once, at the site root beside javascripts/, while a page of another edition (/ko/…) has its
  // own base for the pages it links to: the data files are found from this script's own address.
  var script = document.currentScript && document.currentScript.src;

  function apiBase() {
    return script ? new URL("../", script) : siteBase();
  }

  function fetchJson(path) {
    if (!cache[path]) {
      cache[path] = fetch(new URL(path, apiBase())).then(function (response) {
        if (!response.ok) { throw new Error(path + ": " + response.status); }
        return response.json();
      });
    }
    return cache[path];
  }

  // "docker pull mcr.microsoft.com/dotnet/aspnet:10.0 " or "FROM … AS build" -> the reference alone.
  function cleanInput(value) {
    var words = value.trim().split(/\s+/).filter(function (word) {
      return !/^(docker|pull|from|as|--platform=\S*)$/i.test(word);
    });
    return (words[0] || "").replace(/^["']|["']$/g, "");
  }

  // -> {name, tag, digest}; the name without the registry.
  function parse(reference) {
    var digest = null;
    var at = reference.indexOf("@");
    if (at >= 0) { digest = reference.slice(at + 1); reference = reference.slice(0, at); }
    if (/^sha256:[0-9a-f]{64}$/i.test(reference)) { return { name: "", tag: "", digest: reference.toLowerCase() }; }
    var slash = reference.lastIndexOf("/");
    var colon = reference.lastIndexOf(":");
    var name = "";
    var tag = reference;
    if (colon > slash) { name = reference.slice(0, colon); tag = reference.slice(colon + 1); }
    else if (slash >= 0) { name = reference; tag = ""; }
    name = name.replace(/^(https?:\/\/)?mcr\.microsoft\.com\//i, "").replace(/^docker\.io\//i, "").toLowerCase();
    return { name: name, tag: tag, digest: digest && digest.toLowerCase() };
  }

  // A reply of data-goto-words as parts for say(): each {placeholder} becomes its value, a text or a list
  // of parts (links); the rest of the sentence stays text.
  function reply(form, key, values) {
    var sentence = JSON.parse(form.getAttribute("data-goto-words"))[key];
    var parts = [];
    sentence.split(/(\{[a-z_]+\})/).forEach(function (piece) {
      var name = /^\{([a-z_]+)\}$/.exec(piece);
      var value = name && Object.prototype.hasOwnProperty.call(values || {}, name[1]) ? values[name[1]] : piece;
      parts = parts.concat(value);
    });
    return parts;
  }

  function say(form, parts) {
    var output = form.querySelector("output");
    output.textContent = "";
    parts.forEach(function (part) {
      if (typeof part === "string") { output.appendChild(document.createTextNode(part)); return; }
      var link = document.createElement("a");
      link.href = part.href;
      link.textContent = part.text;
      output.appendChild(link);
    });
  }

  function jump(index, repository, tag) {
    var entry = index.repositories[repository];
    var target = new URL(entry.page, siteBase());
    target.hash = "tag-" + tag;
    if (target.pathname === window.location.pathname) {
      var element = document.getElementById("tag-" + tag);
      var row = element && element.closest("tr");
      var filter = document.querySelector("form[data-tag-filter]");
      var details = element && element.closest("details");
      if (details) { details.open = true; }
      var land = function () {
        window.location.hash = target.hash;  // a real hash change: the row becomes :target
        if (element) { element.scrollIntoView({ block: "center" }); }
      };
      // A row the filter hides: clear the filter, whose reset re-filters in a timeout; land after it.
      if (row && row.hidden && filter) { filter.reset(); window.setTimeout(land, 0); } else { land(); }
      return true;
    }
    window.location.href = target.href;
    return true;
  }

  function findTag(index, tag, preferred) {
    var order = [preferred].concat(Object.keys(index.repositories));
    for (var i = 0; i < order.length; i++) {
      var entry = index.repositories[order[i]];
      if (entry && entry.tags.indexOf(tag) >= 0) { return order[i]; }
    }
    return null;
  }

  function goDigest(form, index, digest) {
    return fetchJson("api/digests.json").then(function (record) {
      var entry = record.digests[digest];
      if (entry && !entry.current) { entry = record.digests[entry.current_digest]; }
      if (!entry || !entry.tags || !entry.tags.length) {
        say(form, reply(form, "no_digest", { digest: digest.slice(0, 19) + "…" }));
        return;
      }
      jump(index, entry.repository, entry.tags[0]);
    });
  }

  function go(form) {
    var typed = cleanInput(form.elements["goto"].value);
    if (!typed) { return; }
    var wanted = parse(typed);
    fetchJson("api/tags.json").then(function (index) {
      if (wanted.digest) { return goDigest(form, index, wanted.digest); }
      var name = wanted.name;
      Object.keys(index.renamed_prefixes).forEach(function (prefix) {
        if (name.indexOf(prefix) === 0) { name = index.renamed_prefixes[prefix] + name.slice(prefix.length); }
      });
      // A mirror's name for an image (registry.example.com/mcr/dotnet/aspnet): from "dotnet/" on.
      var mirrored = name.indexOf("/dotnet/");
      if (name && !index.repositories[name] && !index.legacy[name] && mirrored >= 0) {
        name = name.slice(mirrored + 1);
      }
      if (name && !index.repositories[name]) {
        var today = index.legacy[name];
        if (today) {
          var found = wanted.tag && today.filter(function (repo) { return findTag(index, wanted.tag, repo) === repo; });
          if (found && found.length) { return jump(index, found[0], wanted.tag); }
          var links = [];
          today.forEach(function (repo, n) {
            links.push({ href: new URL(index.repositories[repo].page, siteBase()).href, text: repo });
            if (n < today.length - 1) { links.push(", "); }
          });
          var legacy = { href: new URL(index.legacy_page, siteBase()).href, text: reply(form, "legacy_link")[0] };
          say(form, reply(form, "old_name", { name: name, repositories: links, link: legacy }));
          return;
        }
        say(form, reply(form, "no_repository", { name: name }));
        return;
      }
      var tag = wanted.tag || "latest";
      var repository = name || findTag(index, tag, form.getAttribute("data-goto-tag"));
      if (!repository || index.repositories[repository].tags.indexOf(tag) < 0) {
        say(form, name ? reply(form, "no_tag_in", { tag: tag, name: name }) : reply(form, "no_tag", { tag: tag }));
        return;
      }
      say(form, []);
      jump(index, repository, tag);
    }).catch(function () { say(form, reply(form, "load_failed")); });
  }

  function setUp(form) {
    if (form.dataset.gotoReady) { return; }
    form.dataset.gotoReady = "true";
    form.addEventListener("submit", function (event) { event.preventDefault(); go(form); });
    form.hidden = false;
  }

  function start() {
    document.querySelectorAll("form[data-goto-tag]").forEach(setUp);
  }

  if (window.gotoTagStarted) { return; }
  window.gotoTagStarted = true;
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(start);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
