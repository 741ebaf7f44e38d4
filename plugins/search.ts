// Wires the search page. The index itself is written after Eleventy by
// lib/search-index.ts (Pagefind), from the built pages; the UI is Pagefind's own,
// served from the site (/pagefind/), so search works on any static host.
import { context } from "./context.ts";

export const SEARCH_URL = "/search/";

// The way round search is in the page itself, not written by a script: readers without
// JavaScript, and readers whose browser did not load Pagefind's script (a flaky network,
// a blocker) or ours, all get it. The status region repeats Pagefind's result count
// ("2 results for nurses") for screen readers: Pagefind's own message is not a live region.
// On a site in another language, the page's own English words say lang="en" (uiLang,
// plugins/site.ts). Pagefind's words are English too (the script gives them), so the box
// says lang="en", and so does the status that repeats its count; the script gives the
// result list, whose titles and excerpts are the site's, the page's language back.
const PAGE = `<h1{% if uiLang %} lang="{{ uiLang }}"{% endif %}>Search</h1>
<link rel="stylesheet" href="/pagefind/pagefind-ui.css">
<div id="search" class="search" data-pagefind-ignore{% if uiLang %} lang="{{ uiLang }}"{% endif %}></div>
<div id="search-status" class="visually-hidden" role="status"{% if uiLang %} lang="{{ uiLang }}"{% endif %}></div>
<p class="search-fallback"{% if uiLang %} lang="{{ uiLang }}"{% endif %}><noscript>Search needs JavaScript. </noscript><span class="search-unavailable" hidden>Search could not be loaded. </span>Every chat is also listed in the <a href="/archive/">archive</a> and by <a href="/tags/">tag</a>.</p>
<script src="/pagefind/pagefind-ui.js"></script>
<script src="/search/search.js"></script>
`;

/** What the page says when Pagefind's script did not load: `npm start` writes no index, so the preview says why. */
export const UNAVAILABLE = {
  build: "Search could not be loaded. ",
  preview: "Search works on the built site: the preview (npm start) has no search index; run npm run build to try it. ",
} as const;

/**
 * Every word of Pagefind's UI, in English. Pagefind takes its words from <html lang>
 * ("Suche", "6 Ergebnisse für chat" on a de-DE site), but the rest of the interface is
 * English on every site (README, "What readers see"), so the search box is too. The
 * index it searches is still chosen by <html lang>. `language` is for its numbers.
 */
export const PAGEFIND_WORDS = {
  language: "en",
  placeholder: "Search",
  clear_search: "Clear",
  load_more: "Load more results",
  search_label: "Search this site",
  filters_label: "Filters",
  zero_results: "No results for [SEARCH_TERM]",
  many_results: "[COUNT] results for [SEARCH_TERM]",
  one_result: "[COUNT] result for [SEARCH_TERM]",
  total_zero_results: "No results",
  total_one_result: "[COUNT] result",
  total_many_results: "[COUNT] results",
  alt_search: "No results for [SEARCH_TERM]. Showing results for [DIFFERENT_TERM] instead",
  search_suggestion: "No results for [SEARCH_TERM]. Try one of the following searches:",
  searching: "Searching for [SEARCH_TERM]...",
  results_label: "Search results",
  keyboard_navigate: "navigate",
  keyboard_select: "select",
  keyboard_clear: "clear",
  keyboard_close: "close",
  keyboard_search: "search",
  error_search: "Search failed",
  filter_selected_one: "[COUNT] selected",
  filter_selected_many: "[COUNT] selected",
  input_hint: "Results will appear as you type",
  loading: "Loading",
} as const;

/**
 * The ids of the headings a post page writes in English, whatever the site's language
 * (layouts/partials/chat-block.njk, topics.njk, layouts/post.njk): Pagefind's sub-results
 * link to them by id and copy their text without its lang="en".
 */
export const ENGLISH_HEADING_IDS = ["chat-heading", "topics-heading", "notes-heading", "references-heading"] as const;

/**
 * The page's script (an external file rather than an inline script, so the
 * Content-Security-Policy needs no hash for it). The developer's hint is in the
 * preview's copy only, never in a built site's.
 */
export function searchScript(mode: "build" | "preview"): string {
  return `// Starts Pagefind's search UI; the bundle path comes from this script's own address,
// so the page works under any path prefix.
(function () {
  var here = document.currentScript && document.currentScript.src;
  var bundlePath = new URL("../pagefind/", here || location.href).pathname;
  var box = document.getElementById("search");
  var ui;
  try {
    // The index already holds each page's full path, prefix included (lib/search-index.ts).
    // A page whose own title is a heading with an id (an about page's "# About the chat")
    // would list that heading under its result as a second link to the same place:
    // Pagefind leaves out a first sub-result only when its address is the page's own.
    var topOfPage = function (result) {
      var first = result.sub_results && result.sub_results[0];
      if (first && first.anchor && /^h1$/i.test(first.anchor.element)) first.url = (result.meta && result.meta.url) || result.url;
      return result;
    };
    if (typeof PagefindUI === "function") ui = new PagefindUI({ element: "#search", bundlePath: bundlePath, baseUrl: "/", showSubResults: true, showImages: false, resetStyles: false, processResult: topOfPage, translations: ${JSON.stringify(PAGEFIND_WORDS)} });
  } catch (e) {
    ui = undefined;
  }
  if (!ui) {
    // Pagefind's script did not load: the page's links to the archive and the tags stay,
    // with a word on why there is no search box.
    var unavailable = document.querySelector(".search-unavailable");
    if (unavailable) {
      unavailable.textContent = ${JSON.stringify(UNAVAILABLE[mode])};
      unavailable.hidden = false;
    }
    return;
  }
  // Pagefind's box has only a title; a visible label says what it searches (WCAG 2.2: label in name).
  var input = box.querySelector(".pagefind-ui__search-input");
  if (input) {
    input.id = "search-input";
    var label = document.createElement("label");
    label.htmlFor = "search-input";
    label.className = "search-label";
    label.textContent = "Search every chat";
    box.prepend(label);
  }
  // Pagefind redraws its message ("2 results for nurses") and its result list as the
  // reader types. Once it has settled, the message is repeated in the page's status
  // region, which screen readers announce; the result list, unstyled as a list, keeps
  // its list role in WebKit with role="list". On a site in another language (the box
  // says lang="en"), the list says the page's language, and a sub-result that is one of
  // the page's English headings ("The chat", "Topics") says lang="en" again.
  var status = document.getElementById("search-status");
  var pageLang = document.documentElement.lang;
  var english = ${JSON.stringify(ENGLISH_HEADING_IDS)};
  var settle;
  new MutationObserver(function () {
    var lists = box.querySelectorAll(".pagefind-ui__results:not([role])");
    for (var i = 0; i < lists.length; i++) {
      lists[i].setAttribute("role", "list");
      if (box.lang && pageLang) lists[i].lang = pageLang;
    }
    if (box.lang) {
      var links = box.querySelectorAll(".pagefind-ui__result-nested .pagefind-ui__result-link:not([lang])");
      for (var j = 0; j < links.length; j++) {
        var id = links[j].hash.slice(1);
        if (english.indexOf(id) >= 0) links[j].lang = box.lang;
      }
    }
    clearTimeout(settle);
    settle = setTimeout(function () {
      var message = box.querySelector(".pagefind-ui__message");
      var said = message ? message.textContent.replace(/\\s+/g, " ").trim() : "";
      if (status && status.textContent !== said) status.textContent = said;
    }, 400);
  }).observe(box, { childList: true, subtree: true, characterData: true });
  var query = new URLSearchParams(location.search).get("q");
  if (query) ui.triggerSearch(query);
})();
`;
}

export default function searchPlugin(eleventyConfig: any): void {
  eleventyConfig.addTemplate("chatpost-search.njk", PAGE, { layout: "base.njk", title: "Search", permalink: SEARCH_URL });
  eleventyConfig.addTemplate("chatpost-search-script.njk", `{% raw %}${searchScript(context().mode)}{% endraw %}`, {
    layout: false,
    permalink: `${SEARCH_URL}search.js`,
    eleventyExcludeFromCollections: true,
  });
}
