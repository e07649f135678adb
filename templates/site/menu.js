// e4 site: the menu on narrow screens. Without this script the menu is simply shown
// in full; with it, a "Menu" button opens and closes it (Enter or Space, Escape closes).
(function () {
  "use strict";
  var nav = document.querySelector("nav.menu");
  if (!nav) { return; }
  var button = nav.querySelector(".menu-button");
  var narrow = window.matchMedia("(max-width: 760px)");
  function set(open) {
    button.setAttribute("aria-expanded", open ? "true" : "false");
    nav.classList.toggle("closed", !open);
  }
  function layout() {
    button.hidden = !narrow.matches;
    set(!narrow.matches);
  }
  button.addEventListener("click", function () {
    set(button.getAttribute("aria-expanded") !== "true");
  });
  nav.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && narrow.matches && button.getAttribute("aria-expanded") === "true") {
      set(false);
      button.focus();
    }
  });
  if (narrow.addEventListener) { narrow.addEventListener("change", layout); }
  layout();
}());
