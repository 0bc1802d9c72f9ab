/* Quiz attempt: autosave, countdown and automatic submit when time runs out.
 * The page works without this script (plain form posts); nothing here grades or knows answers. */
(function () {
  "use strict";
  var form = document.getElementById("attempt-form");
  if (!form || !window.fetch || !window.FormData) { return; }
  var status = document.getElementById("autosave-status");
  var timer = document.getElementById("timer");
  var reviewUrl = form.getAttribute("data-review-url");
  // Not form.action: the form's buttons are named "action", which shadows the property (a
  // RadioNodeList), and every autosave went to ".../[object RadioNodeList]" (404).
  var postUrl = form.getAttribute("action") || window.location.href;
  var pending = null, saving = false, dirty = false, sending = false;

  function say(text) { if (status) { status.textContent = text; } }
  function clock(date) { return ("0" + date.getHours()).slice(-2) + "." + ("0" + date.getMinutes()).slice(-2); }

  function post(action) {
    var data = new FormData(form);
    data.set("action", action);
    return fetch(postUrl, {
      method: "POST", body: data, credentials: "same-origin",
      headers: { "Accept": "application/json", "X-Requested-With": "fetch" }
    });
  }

  function save() {
    if (saving || sending) { dirty = true; return; }
    saving = true; dirty = false;
    say(form.getAttribute("data-saving-text"));
    post("save").then(function (response) {
      return response.json().then(function (body) { return { ok: response.ok, body: body }; });
    }).then(function (result) {
      saving = false;
      if (result.body.finished) { window.location.href = result.body.review_url || reviewUrl; return; }
      var problems = Object.keys(result.body.problems || {});
      if (problems.length) {
        // The typed text is kept; the messages on the question show after "Simpan jawaban".
        say(form.getAttribute("data-problems-text") + " " + problems.join(", ") + ".");
      } else {
        say(form.getAttribute("data-saved-text") + " " + clock(new Date()));
      }
      if (typeof result.body.seconds_left === "number") { secondsLeft = result.body.seconds_left; }
      if (dirty) { schedule(); }
    }).catch(function () {
      saving = false;
      say(form.getAttribute("data-failed-text"));
    });
  }

  function schedule() {
    if (pending) { clearTimeout(pending); }
    pending = setTimeout(save, 1200);
  }

  form.addEventListener("change", schedule);
  form.addEventListener("input", function (event) {
    if (event.target && event.target.type === "text") { schedule(); }
  });
  form.addEventListener("submit", function () { sending = true; if (pending) { clearTimeout(pending); } });

  var secondsLeft = timer ? parseInt(timer.getAttribute("data-seconds-left"), 10) : NaN;
  if (timer && !isNaN(secondsLeft)) {
    var label = form.getAttribute("data-time-text");
    var tick = function () {
      if (secondsLeft <= 0) {
        timer.textContent = form.getAttribute("data-time-up-text");
        if (!sending) {
          sending = true;
          var action = document.createElement("input");
          action.type = "hidden"; action.name = "action"; action.value = "submit";
          form.appendChild(action);
          form.submit();
        }
        return;
      }
      var m = Math.floor(secondsLeft / 60), s = secondsLeft % 60;
      timer.textContent = label + " " + m + ":" + ("0" + s).slice(-2);
      timer.classList.toggle("is-low", secondsLeft <= 60);
      secondsLeft -= 1;
      setTimeout(tick, 1000);
    };
    tick();
  }
})();
