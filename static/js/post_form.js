// The post form's writing aids (editorial/admin/autosave.py): autosave a few seconds after the
// writer stops typing, ask before leaving with unsaved changes, and count words as they type.
"use strict";

(function () {
  const AUTOSAVE_AFTER_MS = 3000;
  const config = document.getElementById("post-form-desk");
  if (!config) return;
  const form = config.closest("form");
  let unsaved = config.hasAttribute("data-unsaved");
  let submitting = false;
  let timer = null;
  let sending = null; // an autosave on its way, called off when the form is submitted

  function typedFields() {
    const fields = {};
    for (const [name, value] of new FormData(form)) {
      if (typeof value !== "string" || name.startsWith("_") || name === "csrfmiddlewaretoken") continue;
      (fields[name] = fields[name] || []).push(value);
    }
    return fields;
  }

  function csrfToken() {
    const input = form.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  function autosave() {
    timer = null;
    if (submitting) return;
    sending = new AbortController();
    fetch(config.dataset.autosaveUrl, {
      method: "POST",
      signal: sending.signal,
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": csrfToken() },
      body: JSON.stringify({ fields: typedFields() }),
    })
      .then((response) => (response.ok ? response.json() : null))
      .then((saved) => {
        if (!saved) return;
        const time = new Date(saved.saved_at).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", second: "2-digit" });
        status.textContent = config.dataset.savedTemplate.replace("%(time)s", time);
        form.dataset.autosaved = saved.saved_at;
      })
      .catch(() => {});
  }

  // Words of the lead and the body's text, as Post.word_count counts them.
  function words() {
    const lead = form.querySelector("#id_lead");
    const body = form.querySelector("#id_body");
    const markup = (body ? body.value : "").replace(/<\/?(h[1-6]|p|li|[uo]l|blockquote|figure|figcaption|br|hr|img|div|table|t[rdh])\b[^>]*>/gi, "\n");
    const bodyText = new DOMParser().parseFromString(markup, "text/html").body.textContent;
    return `${lead ? lead.value : ""} ${bodyText}`.split(/\s+/).filter(Boolean).length;
  }

  const counter = document.createElement("p");
  counter.className = "help word-count";
  counter.setAttribute("aria-live", "polite");
  const status = document.createElement("p");
  status.className = "help autosave-status";
  const bodyRow = form.querySelector(".field-body");
  if (bodyRow) bodyRow.append(counter, status);

  function countWords() {
    const count = words();
    const minutes = Math.max(1, Math.ceil(count / Number(config.dataset.wordsPerMinute)));
    counter.textContent = config.dataset.wordsTemplate
      .replace("%(words)s", count)
      .replace("%(minutes)s", minutes);
  }

  function changed() {
    unsaved = true;
    clearTimeout(timer);
    timer = setTimeout(autosave, AUTOSAVE_AFTER_MS);
    // The body's textarea follows the editor once the editor has handled the change.
    setTimeout(countWords, 0);
  }

  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
  form.addEventListener("submit", () => {
    submitting = true;
    clearTimeout(timer);
    if (sending) sending.abort();
  });
  window.addEventListener("beforeunload", (event) => {
    if (!unsaved || submitting) return;
    event.preventDefault();
    event.returnValue = "";
  });
  // The body editor announces each change (toolbar ones too) with an "input" event on its
  // textarea; the admin's select2 choices announce theirs to jQuery only.
  document.addEventListener("prose-editor:ready", countWords);
  if (window.django && window.django.jQuery) {
    window.django.jQuery(form).on("select2:select select2:unselect", changed);
  }
  countWords();
})();
