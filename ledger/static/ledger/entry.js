/* Journal entry form enhancements (the form works without them): live debit/credit totals and
   their difference, adding a row without a round trip, and tidying the typed account. */
(function () {
  "use strict";
  var form = document.getElementById("entry-form");
  if (!form) { return; }
  var lines = document.getElementById("entry-lines");
  var countInput = form.querySelector("input[name=line_count]");
  var totals = document.getElementById("entry-totals");

  /* The one Rupiah grammar (lms/js/rupiah.js, loaded before this file), as the server reads it. */
  var parseAmount = window.SinauRupiah.toCents;
  var formatRupiah = window.SinauRupiah.format;

  function sum(selector) {
    var total = 0, bad = false;
    form.querySelectorAll(selector).forEach(function (input) {
      var value = parseAmount(input.value);
      if (isNaN(value)) { bad = true; } else { total += value; }
    });
    return { total: total, bad: bad };
  }

  function updateTotals() {
    var debit = sum("input[name$='-debit']");
    var credit = sum("input[name$='-credit']");
    document.getElementById("total-debit").textContent = debit.bad ? "?" : formatRupiah(debit.total);
    document.getElementById("total-credit").textContent = credit.bad ? "?" : formatRupiah(credit.total);
    var diff = document.getElementById("total-diff");
    diff.textContent = (debit.bad || credit.bad) ? "?" : formatRupiah(debit.total - credit.total);
    totals.classList.toggle("unbalanced", debit.total !== credit.total);
  }

  /* The row's one account control is a text box with the chart as suggestions (<datalist>): it
     works without this file, and the server reads a code, "1101 — Kas" or a name. Here, once the
     text fits exactly one account (code, label, exact name, or one name that starts with or holds
     it), it is shown as "1101 — Kas"; text that fits none is marked, the server then explains. */
  var labels = Array.prototype.map.call(document.querySelectorAll("#account-options option"), function (o) { return o.value; });
  function matchAccount(text) {
    var wanted = text.replace(/\s+/g, " ").trim().toLowerCase();
    if (!wanted) { return ""; }
    var code = wanted.split(" ")[0];
    var rules = [
      function (label, name) { return label.toLowerCase() === wanted || label.split(" ")[0] === code || name === wanted; },
      function (label, name) { return name.indexOf(wanted) === 0; },
      function (label, name) { return name.indexOf(wanted) >= 0; }
    ];
    for (var r = 0; r < rules.length; r++) {
      var found = labels.filter(function (label) {
        return rules[r](label, label.replace(/^\S+\s+\u2014\s+/, "").toLowerCase());
      });
      if (found.length === 1) { return found[0]; }
      if (found.length > 1) { return null; }
    }
    return null;
  }
  function tidyAccount(event) {
    var input = event.target;
    if (!input.classList || !input.classList.contains("account-input")) { return; }
    var found = matchAccount(input.value);
    if (found) { input.value = found; }
    input.classList.toggle("no-match", found === null);
  }

  function addRow(event) {
    var rows = lines.querySelectorAll("fieldset.entry-line");
    var last = rows[rows.length - 1];
    var index = rows.length;
    if (index >= 60) { return; }
    event.preventDefault();
    var copy = last.cloneNode(true);
    var oldIndex = index - 1;
    copy.id = "row-" + index;
    copy.classList.remove("line-error");
    copy.querySelectorAll(".errors").forEach(function (node) { node.remove(); });
    copy.querySelectorAll(".field-error").forEach(function (node) { node.classList.remove("field-error"); });
    copy.querySelector("legend").textContent = copy.querySelector("legend").textContent.replace(/\d+/, index + 1);
    copy.querySelectorAll("input, select, label").forEach(function (node) {
      ["name", "id", "for"].forEach(function (attr) {
        var value = node.getAttribute(attr);
        if (value) { node.setAttribute(attr, value.replace("lines-" + oldIndex + "-", "lines-" + index + "-")); }
      });
      node.removeAttribute("aria-invalid");
      node.removeAttribute("aria-describedby");
      if (node.tagName === "INPUT") { node.value = ""; }
      if (node.tagName === "SELECT") { node.selectedIndex = 0; }
    });
    lines.appendChild(copy);
    countInput.value = index + 1;
    copy.querySelectorAll(".no-match").forEach(function (node) { node.classList.remove("no-match"); });
    var first = copy.querySelector("input, select");
    if (first) { first.focus(); }
  }

  totals.hidden = false;
  form.addEventListener("input", updateTotals);
  document.getElementById("add-rows").addEventListener("click", addRow);
  form.addEventListener("change", tidyAccount);
  updateTotals();
  var summary = document.getElementById("error-summary");
  if (summary) { summary.focus(); }
})();
