/* Page tools: text size (remembered across pages), print. Progressive enhancement: without
 * this script the buttons stay hidden and the PDF link still works.
 * Loaded in <head> without defer so a remembered size applies before the first paint;
 * no inline script or handler anywhere, so a Content-Security-Policy needs no unsafe-inline. */
(function () {
  "use strict";
  var KEY = "portal.textSize";
  // Steps of the root font size; portal.css sizes everything in rem, so all text follows.
  var STEPS = [87.5, 100, 112.5, 125, 150];
  var DEFAULT = 1;
  var root = document.documentElement;

  function stored() {
    try {
      var value = parseInt(window.localStorage.getItem(KEY), 10);
      return value >= 0 && value < STEPS.length ? value : DEFAULT;
    } catch (e) {
      return DEFAULT; // storage refused (privacy mode): the size still changes on this page
    }
  }

  function apply(step) {
    // A data attribute, not an inline style: the stylesheet maps it to a font size.
    if (step === DEFAULT) root.removeAttribute("data-text-size");
    else root.setAttribute("data-text-size", String(step));
  }

  var current = stored();
  apply(current);

  function init() {
    var tools = document.querySelectorAll("[data-page-tools]");
    Array.prototype.forEach.call(tools, function (box) {
      var smaller = box.querySelector('[data-page-tool="text-smaller"]');
      var larger = box.querySelector('[data-page-tool="text-larger"]');
      var print = box.querySelector('[data-page-tool="print"]');
      var status = box.querySelector("[data-page-tool-status]");

      function refresh(announce) {
        // aria-disabled keeps the button focusable at either end, where `disabled` would drop focus.
        smaller.setAttribute("aria-disabled", String(current === 0));
        larger.setAttribute("aria-disabled", String(current === STEPS.length - 1));
        if (announce && status) {
          status.textContent = status.getAttribute("data-label") + ": " + STEPS[current] + " %";
        }
      }

      function change(delta) {
        var next = current + delta;
        if (next < 0 || next >= STEPS.length) return;
        current = next;
        apply(current);
        try {
          window.localStorage.setItem(KEY, String(current));
        } catch (e) {
          /* not remembered, still applied */
        }
        refresh(true);
      }

      smaller.addEventListener("click", function () { change(-1); });
      larger.addEventListener("click", function () { change(1); });
      print.addEventListener("click", function () { window.print(); });
      [smaller, larger, print].forEach(function (button) { button.hidden = false; });
      refresh(false);
    });
    // Printed links show their address: the full one, which the print stylesheet reads here.
    Array.prototype.forEach.call(document.querySelectorAll("main a[href]"), function (link) {
      var href = link.getAttribute("href");
      if (href && href.charAt(0) !== "#" && href.indexOf("mailto:") !== 0) link.setAttribute("data-print-href", link.href);
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();

  // Another tab changed the size: follow it.
  window.addEventListener("storage", function (event) {
    if (event.key === KEY) {
      current = stored();
      apply(current);
    }
  });
})();
