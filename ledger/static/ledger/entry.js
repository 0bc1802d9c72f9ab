/* Journal entry form enhancements (the form works without them): live debit/credit totals and
   their difference, adding a row without a round trip, and a type-ahead for the account select. */
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

  /* Type-ahead: a search box bound to the account list sets the <select> (which stays the value sent). */
  function enhanceAccount(select) {
    if (select.dataset.enhanced) { return; }
    select.dataset.enhanced = "1";
    var search = document.createElement("input");
    search.type = "search";
    search.setAttribute("list", "account-options");
    search.className = "account-search";
    search.placeholder = form.dataset.searchPlaceholder || "";
    search.setAttribute("aria-label", form.dataset.searchLabel || "");
    search.autocomplete = "off";
    if (select.value) { search.value = select.options[select.selectedIndex].text; }
    /* By code ("1101"), by the suggestion picked ("1101 — Kas") or by name ("kas", "piutang ang"):
       exact matches first, then a code or name that starts with the text, then a name containing it.
       No match clears the select, so a stale account is never posted; the server then asks for one. */
    search.addEventListener("change", function () {
      var wanted = search.value.trim().toLowerCase();
      if (!wanted) { select.value = ""; return; }
      var ranks = [null, null, null];
      for (var i = 0; i < select.options.length; i++) {
        var option = select.options[i];
        if (!option.value) { continue; }
        var label = option.text.toLowerCase();
        var name = label.replace(/^\S+\s+(\u2014\s+)?/, "");
        var rank = (label === wanted || option.value === wanted || name === wanted) ? 0
          : (label.indexOf(wanted) === 0 || name.indexOf(wanted) === 0) ? 1
          : (name.indexOf(wanted) >= 0) ? 2 : -1;
        if (rank >= 0 && ranks[rank] === null) { ranks[rank] = option; }
      }
      var found = ranks[0] || ranks[1] || ranks[2];
      select.value = found ? found.value : "";
      search.value = found ? found.text : search.value;
      search.classList.toggle("no-match", !found);
    });
    select.addEventListener("change", function () {
      search.value = select.value ? select.options[select.selectedIndex].text : "";
    });
    select.parentNode.insertBefore(search, select);
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
    copy.querySelectorAll(".errors, .account-search").forEach(function (node) { node.remove(); });
    copy.querySelectorAll(".field-error").forEach(function (node) { node.classList.remove("field-error"); });
    copy.querySelector("legend").textContent = copy.querySelector("legend").textContent.replace(/\d+/, index + 1);
    copy.querySelectorAll("input, select, label").forEach(function (node) {
      ["name", "id", "for"].forEach(function (attr) {
        var value = node.getAttribute(attr);
        if (value) { node.setAttribute(attr, value.replace("lines-" + oldIndex + "-", "lines-" + index + "-")); }
      });
      node.removeAttribute("aria-invalid");
      node.removeAttribute("aria-describedby");
      delete node.dataset.enhanced;
      if (node.tagName === "INPUT") { node.value = ""; }
      if (node.tagName === "SELECT") { node.selectedIndex = 0; }
    });
    lines.appendChild(copy);
    countInput.value = index + 1;
    copy.querySelectorAll("select.account-select").forEach(enhanceAccount);
    var first = copy.querySelector("input, select");
    if (first) { first.focus(); }
  }

  totals.hidden = false;
  form.addEventListener("input", updateTotals);
  document.getElementById("add-rows").addEventListener("click", addRow);
  form.querySelectorAll("select.account-select").forEach(enhanceAccount);
  updateTotals();
  var summary = document.getElementById("error-summary");
  if (summary) { summary.focus(); }
})();
