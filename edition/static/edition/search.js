// The static edition's search page: Pagefind's UI over the index built with the edition,
// found relative to this page (search/index.html), so it works under any path prefix.
// The query of the header's search box (?q=) is searched at once.
(() => {
  "use strict";
  const element = document.getElementById("edition-search");
  if (!element || typeof PagefindUI === "undefined") return;
  const root = new URL("../", window.location.href).pathname;
  const search = new PagefindUI({
    element: "#edition-search",
    bundlePath: `${root}pagefind/`,
    baseUrl: root,
    showImages: false,
    translations: { placeholder: element.dataset.placeholder },
  });
  const query = new URLSearchParams(window.location.search).get("q");
  if (query) search.triggerSearch(query);
})();
