"use strict";
// The post form's search-result and link-card preview follows the title, the lead and the
// search-engine fields as they are typed, by the rules of seo/meta.py: the search title or
// the title; the search description, the lead or the body's text, cut at 300 characters.
(function () {
  const LIMIT = 300;
  const oneLine = (text) => (text || "").split(/\s+/).filter(Boolean).join(" ");
  const cut = (text) => (text.length > LIMIT ? text.slice(0, LIMIT - 1) + "…" : text);
  const value = (name) => oneLine((document.getElementById("id_" + name) || {}).value);
  const bodyText = () => {
    const markup = (document.getElementById("id_body") || {}).value || "";
    return oneLine(new DOMParser().parseFromString(markup, "text/html").body.textContent);
  };

  function update(preview) {
    const title = value("seo_title") || value("title");
    const description = cut(value("seo_description") || value("lead") || bodyText());
    preview.querySelectorAll("[data-preview=title]").forEach((node) => {
      node.textContent = title;
    });
    preview.querySelectorAll("[data-preview=description]").forEach((node) => {
      node.textContent = description;
    });
  }

  document.addEventListener("DOMContentLoaded", () => {
    const preview = document.getElementById("search-preview");
    const form = preview && preview.closest("form");
    if (!form) return;
    form.addEventListener("input", () => update(preview));
    form.addEventListener("change", () => update(preview));
  });
})();
