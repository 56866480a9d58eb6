// DockFlare UI behaviour. Loaded from /js/site.js (the CSP allows no inline script). Text is always set with
// textContent, never innerHTML, so a hostname or label can never become markup.
"use strict";

(function () {
    function el(tag, text, attrs) {
        const node = document.createElement(tag);
        if (text !== undefined && text !== null) { node.textContent = text; }
        for (const [k, v] of Object.entries(attrs || {})) { node.setAttribute(k, v); }
        return node;
    }

    // Confirmation for dangerous buttons: <button data-confirm="Revoke this key?">.
    document.addEventListener("submit", function (event) {
        const button = event.submitter;
        const message = (button && button.dataset.confirm) || event.target.dataset.confirm;
        if (message && !window.confirm(message)) { event.preventDefault(); }
    });

    // Copy buttons: <button data-copy="#id">.
    document.addEventListener("click", function (event) {
        const target = event.target.closest("[data-copy]");
        if (!target) { return; }
        const source = document.querySelector(target.dataset.copy);
        if (source && navigator.clipboard) {
            navigator.clipboard.writeText(source.textContent.trim()).then(function () { target.textContent = "Copied"; }, function () { });
        }
    });

    function applyFilters(table) {
        const text = (document.getElementById("route-filter") || { value: "" }).value.trim().toLowerCase();
        const status = (document.getElementById("status-filter") || { value: "" }).value;
        let shown = 0;
        for (const row of table.tBodies[0].rows) {
            const visible = (!text || row.textContent.toLowerCase().includes(text)) && (!status || row.dataset.status === status);
            row.classList.toggle("hidden", !visible);
            if (visible) { shown++; }
        }
        const count = document.getElementById("route-count");
        if (count) { count.textContent = shown + " route(s)" + (shown !== table.tBodies[0].rows.length ? " of " + table.tBodies[0].rows.length : ""); }
    }

    function cell(row, label, content) {
        const td = el("td", null, { "data-label": label });
        if (content instanceof Node) { td.appendChild(content); } else { td.textContent = content || ""; }
        row.appendChild(td);
        return td;
    }

    // A route waiting out its grace period says how long is left: "(deleted in 4 min, at 2026-12-04 12:34:56Z)".
    function countdown(span) {
        const at = new Date(span.dataset.deadline);
        const seconds = Math.max(0, Math.round((at.getTime() - Date.now()) / 1000));
        const left = seconds >= 120 ? Math.round(seconds / 60) + " min" : seconds + " s";
        span.textContent = " (deleted in " + left + ", at " + at.toISOString().replace(".000", "").replace("T", " ") + ")";
        return span;
    }

    function renderRoutes(table, snapshot) {
        const body = table.tBodies[0];
        const rows = snapshot.routes.map(function (r) {
            const tr = el("tr", null, { "data-status": r.status });
            cell(tr, "Hostname", r.hostname);
            cell(tr, "Path", r.path);
            cell(tr, "Service", r.service);
            if (r.containerName) {
                const link = el("a", r.source, { href: "/containers/" + encodeURIComponent(r.containerHost || "") + "/" + encodeURIComponent(r.containerName) });
                cell(tr, "Source", link);
            } else {
                cell(tr, "Source", r.source);
            }
            cell(tr, "Zone", r.zone);
            cell(tr, "Tunnel", r.tunnel);
            cell(tr, "Access", r.access);
            const status = cell(tr, "Status", el("span", r.status, { "class": "status", "data-status": r.status }));
            if (r.deleteAt) { status.appendChild(countdown(el("span", null, { "class": "countdown", "data-deadline": r.deleteAt }))); }
            for (const d of r.diagnostics) { status.appendChild(el("span", d, { "class": "diag" })); }
            return tr;
        });
        body.replaceChildren.apply(body, rows);
        const empty = document.getElementById("no-routes");
        if (empty) { empty.classList.toggle("hidden", rows.length > 0); }
        const last = document.getElementById("last-reconcile");
        if (last) { last.textContent = snapshot.lastReconcile ? "Last reconcile: " + snapshot.lastReconcile : "No reconcile has finished yet."; }
        const findings = document.getElementById("findings");
        if (findings) { findings.replaceChildren.apply(findings, snapshot.findings.map(function (f) { return el("li", f); })); }
        const noFindings = document.getElementById("no-findings");
        if (noFindings) { noFindings.classList.toggle("hidden", snapshot.findings.length > 0); }
        applyFilters(table);
    }

    document.addEventListener("DOMContentLoaded", function () {
        const table = document.getElementById("routes");
        if (!table) { return; }
        for (const id of ["route-filter", "status-filter"]) {
            const input = document.getElementById(id);
            if (input) { input.addEventListener("input", function () { applyFilters(table); }); }
        }
        applyFilters(table);
        for (const span of table.querySelectorAll(".countdown[data-deadline]")) { countdown(span); }
        window.setInterval(function () {
            for (const span of table.querySelectorAll(".countdown[data-deadline]")) { countdown(span); }
        }, 5000);
        if (table.dataset.live && window.EventSource) {
            const source = new EventSource(table.dataset.live);
            source.addEventListener("routes", function (event) { renderRoutes(table, JSON.parse(event.data)); });
            table.dataset.connected = "true";
        }
    });
})();
