namespace BorderAlerts.Endpoints.Panel;

/// <summary>
/// /panel/panel.js, the panel's only script (served from this origin; the CSP allows no other and no inline script).
/// It makes the rule editor's test box live: typing in the rule's query or the test box asks /panel/rules/preview,
/// 300 ms after the last key, and shows the answer in the live region. Without it the Test button does the same.
/// </summary>
public static class PanelScript
{
    public const string Js = """
        "use strict";
        (() => {
          const form = document.getElementById("test-form");
          const result = document.getElementById("test-result");
          if (!form || !result) return;
          const ruleQuery = document.getElementById("rule-query");
          const testQuery = document.getElementById("test-query");
          let timer = 0, latest = 0;

          // The server's fragment is HTML it encoded itself; any other answer (signed out, bad id) is shown as text.
          async function preview() {
            const mine = ++latest;
            let shown;
            try {
              const response = await fetch("/panel/rules/preview?" + new URLSearchParams(new FormData(form)), { credentials: "same-origin" });
              const html = await response.text();
              shown = response.ok ? { html } : { text: new DOMParser().parseFromString(html, "text/html").body.textContent.trim() };
            } catch {
              shown = { text: "The live preview could not reach the server; the Test button still works." };
            }
            if (mine !== latest) return; // a later key's answer wins
            if ("html" in shown) result.innerHTML = shown.html; else result.textContent = shown.text;
          }

          function later() {
            clearTimeout(timer);
            timer = setTimeout(preview, 300);
          }

          form.addEventListener("input", later);
          // The query being edited above is the one to test.
          if (ruleQuery && testQuery) ruleQuery.addEventListener("input", () => { testQuery.value = ruleQuery.value; later(); });
        })();
        """;
}
