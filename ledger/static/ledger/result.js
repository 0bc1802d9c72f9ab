/* After "Periksa jawaban" the page opens at #hasil (the form posts to "#hasil", so the browser
   scrolls there without this file); this moves keyboard and screen-reader focus to the result too. */
(function () {
  "use strict";
  var id = window.location.hash.slice(1);
  if (!id) { return; }
  var target = document.getElementById(id);
  if (target && target.classList.contains("grade-result")) {
    target.focus({ preventScroll: false });
    target.scrollIntoView({ block: "start" });
  }
})();
