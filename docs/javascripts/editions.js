// The language switcher keeps what the reader set on the page: the wizard's answers and the tag
// filter live in the query string, the place in the page in the hash (Korean headings also carry
// their English twin's anchor). Both editions read the same query keys and values.
document.addEventListener("click", function (event) {
  var link = event.target.closest && event.target.closest("a.md-select__link[hreflang]");
  if (!link) return;
  var url = new URL(link.getAttribute("href"), location.href);
  url.search = location.search;
  url.hash = location.hash;
  link.href = url.href;
}, true);
