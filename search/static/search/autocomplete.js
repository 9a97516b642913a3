/* Title suggestions under the site search box (ARIA combobox with a listbox).
   Progressive enhancement: without this script the box is a plain GET form. */
(function () {
  "use strict";
  var form = document.querySelector("form[data-autocomplete-url]");
  if (!form || !window.fetch) return;
  var input = form.querySelector("input[name=q]");
  var list = document.createElement("ul");
  var timer = null;
  var pending = null;
  var active = -1;
  var items = [];

  list.id = input.id + "-suggestions";
  list.className = "autocomplete";
  list.setAttribute("role", "listbox");
  list.setAttribute("aria-label", form.dataset.suggestionsLabel || "");
  list.hidden = true;
  form.appendChild(list);
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-controls", list.id);
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("autocomplete", "off");

  function close() {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  }

  function highlight(index) {
    items.forEach(function (li, i) { li.setAttribute("aria-selected", i === index ? "true" : "false"); });
    active = index;
    if (index >= 0) input.setAttribute("aria-activedescendant", items[index].id);
    else input.removeAttribute("aria-activedescendant");
  }

  function show(results) {
    list.textContent = "";
    items = results.map(function (result, i) {
      var li = document.createElement("li");
      li.id = list.id + "-" + i;
      li.setAttribute("role", "option");
      li.setAttribute("lang", result.language);
      li.dataset.url = result.url;
      li.textContent = result.title;
      li.addEventListener("mousedown", function (event) {
        event.preventDefault();  // keep focus in the box until we navigate
        window.location.href = result.url;
      });
      list.appendChild(li);
      return li;
    });
    if (!items.length) return close();
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
    highlight(-1);
  }

  function fetchSuggestions() {
    var q = input.value.trim();
    if (q.length < 2) return close();
    if (pending) pending.abort();
    pending = new AbortController();
    var url = form.dataset.autocompleteUrl + "?" + new URLSearchParams({ q: q, lang: form.dataset.lang || "" });
    fetch(url, { signal: pending.signal, headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : { results: [] }; })
      .then(function (data) { show(data.results || []); })
      .catch(function () { /* aborted or offline: the form still works */ });
  }

  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(fetchSuggestions, 150);
  });
  input.addEventListener("keydown", function (event) {
    if (list.hidden) return;
    if (event.key === "ArrowDown") { event.preventDefault(); highlight((active + 1) % items.length); }
    else if (event.key === "ArrowUp") { event.preventDefault(); highlight(active <= 0 ? items.length - 1 : active - 1); }
    else if (event.key === "Escape") { event.preventDefault(); close(); }  // first Escape closes the list, not clears the box
    else if (event.key === "Enter" && active >= 0) { event.preventDefault(); window.location.href = items[active].dataset.url; }
  });
  input.addEventListener("blur", function () { setTimeout(close, 100); });
})();
