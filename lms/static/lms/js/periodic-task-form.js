// django-celery-beat's periodic task form in the Django admin: under the crontab field, the chosen
// schedule in words. Their template did this in an inline script, which the admin's CSP refuses.
(function () {
  "use strict";
  var script = document.currentScript;
  var data = document.getElementById("readable-crontabs");
  var select = document.getElementById("id_crontab");
  if (!script || !data || !select) return;
  var readable = JSON.parse(data.textContent);
  var translation = document.querySelector(".field-crontab_translation");
  if (translation) translation.hidden = true;
  function update() {
    var help = document.querySelector(".field-crontab .help");
    if (!help) return;
    help.textContent = script.dataset.crontabHelp || "";
    var words = readable[select.value];
    if (words) {
      help.appendChild(document.createElement("br"));
      help.appendChild(document.createTextNode(script.dataset.translationLabel + " " + words));
    }
  }
  select.addEventListener("change", update);
})();
