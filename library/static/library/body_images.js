/* Images in the post body come from the media library: the toolbar's image button, a file
   dragged onto the text or pasted into it is uploaded (after the writer gives its alt text
   and caption) and inserted as a <figure> pointing at the library's copy. The body textarea
   names the upload address and the dialog's words (data-image-upload, data-image-words);
   without them (a user who may not upload) nothing is added. No inline script or style. */
"use strict";

(() => {
  const ACCEPTED = ["image/jpeg", "image/png", "image/webp"];
  const inert = document.implementation.createHTMLDocument("");

  function imageFiles(transfer) {
    return Array.from((transfer && transfer.files) || []).filter((file) =>
      ACCEPTED.includes(file.type),
    );
  }

  function field(label, name, required) {
    const wrapper = document.createElement("p");
    const caption = document.createElement("label");
    const input = document.createElement("input");
    caption.textContent = label;
    caption.htmlFor = input.id = `library-dialog-${name}`;
    input.name = name;
    input.type = "text";
    input.required = required;
    input.maxLength = 300;
    wrapper.append(caption, input);
    return wrapper;
  }

  function askDetails(words, file) {
    return new Promise((resolve) => {
      const dialog = document.createElement("dialog");
      const form = document.createElement("form");
      const heading = document.createElement("h2");
      const name = document.createElement("p");
      const buttons = document.createElement("p");
      const insert = document.createElement("button");
      const cancel = document.createElement("button");
      dialog.className = "library-dialog";
      form.method = "dialog";
      heading.textContent = words.title;
      name.textContent = file.name;
      insert.type = "submit";
      insert.value = "insert";
      insert.textContent = words.insert;
      cancel.type = "button";
      cancel.textContent = words.cancel;
      cancel.addEventListener("click", () => dialog.close(""));
      buttons.append(insert, cancel);
      form.append(heading, name, field(words.alt, "alt", true), field(words.caption, "caption", false), buttons);
      dialog.append(form);
      document.body.append(dialog);
      dialog.addEventListener("close", () => {
        const details = dialog.returnValue === "insert" ? {
          alt: form.elements.alt.value.trim(),
          caption: form.elements.caption.value.trim(),
        } : null;
        dialog.remove();
        resolve(details);
      });
      dialog.showModal();
    });
  }

  async function upload(textarea, file, details) {
    const body = new FormData();
    body.append("file", file);
    body.append("alt", details.alt);
    body.append("caption", details.caption);
    const token = textarea.form.querySelector("input[name=csrfmiddlewaretoken]").value;
    const response = await fetch(textarea.dataset.imageUpload, {
      method: "POST",
      body,
      headers: { "X-CSRFToken": token },
      credentials: "same-origin",
    });
    const answer = await response.json();
    if (!response.ok) {
      throw new Error((answer.errors || []).join(" "));
    }
    return answer;
  }

  function figureMarkup(image) {
    const figure = inert.createElement("figure");
    const img = inert.createElement("img");
    img.setAttribute("src", image.url);
    img.setAttribute("alt", image.alt);
    figure.append(img);
    if (image.caption) {
      const caption = inert.createElement("figcaption");
      caption.textContent = image.caption;
      figure.append(caption);
    }
    return figure.outerHTML;
  }

  async function addImage(editor, textarea, file, position) {
    const words = JSON.parse(textarea.dataset.imageWords);
    const details = await askDetails(words, file);
    if (!details) {
      return;
    }
    try {
      const image = await upload(textarea, file, details);
      const at = position ?? editor.state.selection.to;
      editor.chain().focus().insertContentAt(at, figureMarkup(image)).run();
    } catch (error) {
      window.alert(error.message || words.failed);
    }
  }

  function toolbarButton(editor, textarea, words) {
    const button = document.createElement("button");
    const chooser = document.createElement("input");
    button.type = "button";
    button.className = "prose-menubar__button library-upload-button";
    button.textContent = words.button;
    button.title = words.button;
    chooser.type = "file";
    chooser.accept = ACCEPTED.join(",");
    chooser.hidden = true;
    button.addEventListener("click", () => chooser.click());
    chooser.addEventListener("change", () => {
      const [file] = chooser.files;
      chooser.value = "";
      if (file) {
        addImage(editor, textarea, file, null);
      }
    });
    return [button, chooser];
  }

  function takeFiles(editor, textarea, event, transfer, positionOf) {
    const files = imageFiles(transfer);
    if (!files.length) {
      return;
    }
    event.preventDefault();
    event.stopPropagation();
    addImage(editor, textarea, files[0], positionOf(event));
  }

  document.addEventListener("prose-editor:ready", (event) => {
    const { editor, textarea } = event.detail;
    if (!textarea.dataset.imageUpload) {
      return;
    }
    const words = JSON.parse(textarea.dataset.imageWords);
    const wrapper = editor.view.dom.closest(".prose-editor") || editor.view.dom.parentElement;
    const menubar = wrapper.querySelector(".prose-menubar:not(.prose-menubar--floating)");
    (menubar || wrapper).append(...toolbarButton(editor, textarea, words));
    const dropPosition = (drop) =>
      (editor.view.posAtCoords({ left: drop.clientX, top: drop.clientY }) || {}).pos ?? null;
    wrapper.addEventListener("dragover", (over) => {
      if (Array.from(over.dataTransfer.types).includes("Files")) {
        over.preventDefault();
      }
    }, true);
    wrapper.addEventListener("drop", (drop) =>
      takeFiles(editor, textarea, drop, drop.dataTransfer, dropPosition), true);
    wrapper.addEventListener("paste", (paste) =>
      takeFiles(editor, textarea, paste, paste.clipboardData, () => null), true);
  });
})();
