/* The one grammar for a typed Rupiah amount, as lms.formatting.parse_rupiah reads it on the server:
   an optional minus, an optional "Rp" (or "Rp."), the whole part as plain ASCII digits or grouped by
   threes with dots, then an optional comma with one or two decimals. "1.2.3", "2.50", "1 000" and
   non-ASCII digits are refused. The PATTERN below is the same text as RUPIAH_PATTERN in Python;
   tests/lms/test_rupiah_grammar.py checks that, and runs both on a table of examples. */
(function (root) {
  "use strict";
  var PATTERN = /^(-)?(?:[Rr][Pp]\.?[ \u00a0]*)?(0|[1-9][0-9]{0,2}(?:\.[0-9]{3})+|[1-9][0-9]*)(?:,([0-9]{1,2}))?$/;

  /* "Rp 1.250.000,5" → "1250000.50" (exact text, like Python's f"{amount:.2f}"); null when refused. */
  function canonical(text) {
    var match = PATTERN.exec(String(text == null ? "" : text).trim());
    if (!match) { return null; }
    var whole = match[2].replace(/\./g, "");
    var frac = ((match[3] || "") + "00").slice(0, 2);
    var negative = match[1] && (whole !== "0" || frac !== "00");
    return (negative ? "-" : "") + whole + "." + frac;
  }

  /* Amount in whole cents (a Number), NaN when refused; "" and spaces count as 0. */
  function toCents(text) {
    if (!String(text == null ? "" : text).trim()) { return 0; }
    var exact = canonical(text);
    if (exact === null) { return NaN; }
    return parseInt(exact.replace(".", ""), 10);
  }

  /* 125000050 → "Rp 1.250.000,50", as lms.formatting.format_rupiah. */
  function format(cents) {
    var sign = cents < 0 ? "-" : "";
    cents = Math.abs(cents);
    var whole = Math.floor(cents / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ".");
    var frac = cents % 100;
    return sign + "Rp " + whole + (frac ? "," + (frac < 10 ? "0" : "") + frac : "");
  }

  root.SinauRupiah = { PATTERN: PATTERN, canonical: canonical, toCents: toCents, format: format };
})(window);
