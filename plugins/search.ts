// Wires the search page. The index itself is written after Eleventy by
// lib/search-index.ts (Pagefind), from the built pages; the UI is Pagefind's own,
// served from the site (/pagefind/), so search works on any static host.
export const SEARCH_URL = "/search/";

const PAGE = `<h1>Search</h1>
<link rel="stylesheet" href="/pagefind/pagefind-ui.css">
<div id="search" class="search" data-pagefind-ignore>
  <noscript><p>Search needs JavaScript. Every chat is also listed in the <a href="/archive/">archive</a> and by <a href="/tags/">tag</a>.</p></noscript>
</div>
<script src="/pagefind/pagefind-ui.js"></script>
<script src="/search/search.js"></script>
`;

// An external file rather than an inline script, so the Content-Security-Policy needs no hash for it.
const SCRIPT = `// Starts Pagefind's search UI; the bundle path comes from this script's own address,
// so the page works under any path prefix.
(function () {
  var here = document.currentScript && document.currentScript.src;
  var bundlePath = new URL("../pagefind/", here || location.href).pathname;
  if (typeof PagefindUI !== "function") {
    document.getElementById("search").textContent = "Search is available on the published site (run npm run build).";
    return;
  }
  // The index already holds each page's full path, prefix included (lib/search-index.ts).
  var ui = new PagefindUI({ element: "#search", bundlePath: bundlePath, baseUrl: "/", showSubResults: true, showImages: false, resetStyles: false });
  // Pagefind's box has only a title; a visible label says what it searches (WCAG 2.2: label in name).
  var input = document.querySelector("#search .pagefind-ui__search-input");
  if (input) {
    input.id = "search-input";
    var label = document.createElement("label");
    label.htmlFor = "search-input";
    label.className = "search-label";
    label.textContent = "Search every chat";
    document.getElementById("search").prepend(label);
  }
  var query = new URLSearchParams(location.search).get("q");
  if (query) ui.triggerSearch(query);
})();
`;

export default function searchPlugin(eleventyConfig: any): void {
  eleventyConfig.addTemplate("chatpost-search.njk", PAGE, { layout: "base.njk", title: "Search", permalink: SEARCH_URL });
  eleventyConfig.addTemplate("chatpost-search-script.njk", `{% raw %}${SCRIPT}{% endraw %}`, {
    layout: false,
    permalink: `${SEARCH_URL}search.js`,
    eleventyExcludeFromCollections: true,
  });
}
