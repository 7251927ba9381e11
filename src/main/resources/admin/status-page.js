"use strict";
// The status page. Everything it shows comes from the admin API, read with the token the operator gives
// once. Names, errors and payloads come from Flatchr and Lucca, so they only ever enter the page as text
// (text nodes, textContent), never as markup.
(() => {
  const TOKEN_KEY = "flatchr-lucca.admin-token";
  const REFRESH_MS = 5000;
  const PAGE_SIZE = 50;
  const STATUSES = [
    { id: "received", label: "Received", hint: "Waiting for its first delivery to Lucca" },
    { id: "retrying", label: "Retrying", hint: "Lucca failed for a while; tried again automatically" },
    { id: "delivered", label: "Delivered", hint: "Created in Lucca" },
    { id: "already-in-lucca", label: "Already in Lucca", hint: "Found in Lucca, so not created again" },
    { id: "dead", label: "Dead", hint: "Lucca refused it or retries ran out: needs a person" },
    { id: "rejected", label: "Rejected", hint: "Flatchr sent an incomplete candidate, or a search found the names "
      + "and vacancy of a webhook's hire under another e-mail: needs a person" },
    { id: "dry-run", label: "Dry run", hint: "Recorded only: no Lucca was configured" },
    { id: "cancelled", label: "Cancelled", hint: "Stopped by an operator" },
    { id: "withdrawn", label: "Withdrawn", hint: "Moved out of hired in Flatchr before it reached Lucca" },
  ];
  const LABELS = new Map(STATUSES.map((s) => [s.id, s.label]));
  // Not a status: the hires of any status that wait for a person's decision (moved out of hired after their Lucca
  // account or a rehire's contract was made, or after HR was asked to give their contract by hand; stopped after a
  // create whose answer was lost). Chosen like a status, it asks for needsDecision.
  const DECISIONS = { id: "needs-decision", label: "Needs a decision",
    hint: "Moved out of hired or stopped after its Lucca account (or contract) was made, or may have been, or after HR was asked to give its contract by hand: each mark says what, a person decides" };
  // The same rules as the admin API: final hires can be replayed (never a delivered one), queued ones cancelled.
  const REPLAYABLE = new Set(["dead", "rejected", "already-in-lucca", "dry-run", "cancelled", "withdrawn"]);
  // A dead or rejected hire is cancelled to close it: it then no longer counts as waiting for a person.
  const CANCELLABLE = new Set(["received", "retrying", "dead", "rejected"]);
  const NEEDS_A_PERSON = new Set(["dead", "rejected"]);
  // What Lucca's last answer made of a tenant's API key, in the admin API's words.
  const KEY_STATES = new Map([
    ["ok", { label: "Accepted", hint: "Lucca accepted the key on its last call" }],
    ["rejected", { label: "Rejected", hint: "Lucca refused the key: this tenant's hires wait until it is fixed" }],
    ["unknown", { label: "Not tried yet", hint: "No call to Lucca with this key since the connector started" }],
    ["not used", { label: "Not used", hint: "Dry run: no Lucca is configured, hires are only recorded" }],
  ]);
  // What Flatchr's API made of a tenant's Flatchr key, in the admin API's words.
  const FLATCHR_KEY_STATES = new Map([
    ["ok", { label: "Accepted", hint: "Flatchr accepted the API key on its last call" }],
    ["rejected", { label: "Rejected", hint: "Flatchr refused the API key (keys expire a year after they are made): "
      + "no search of Flatchr, no outcome written back, until a new key is set. Webhooks still come." }],
    ["unknown", { label: "Not tried yet", hint: "No call to Flatchr with this key since the connector started" }],
    ["not used", { label: "Not used", hint: "No Flatchr API key: hires come by Flatchr's webhook only" }],
  ]);
  // Why the last search of Flatchr failed, in the admin API's words; the error says more.
  const SEARCH_FAILURES = new Map([
    ["key-rejected", "Flatchr rejected the API key"],
    ["unavailable", "Flatchr did not answer"],
    ["refused", "Flatchr refused the search"],
    ["columns-unknown", "a trigger column is not among Flatchr's columns (name it by its title)"],
    ["too-large", "Flatchr's answer was larger than the connector reads"],
  ]);
  // Where the outcome written on the candidate in Flatchr (the result tag) stands.
  const WRITE_BACKS = new Map([
    ["pending", { label: "pending",
      hint: "The outcome is yet to be written on the candidate in Flatchr: tried again automatically" }],
    ["written", { label: "written", hint: "The outcome is written on the candidate in Flatchr" }],
    ["failed", { label: "failed",
      hint: "The outcome could not be written on the candidate in Flatchr: see the hire's history" }],
    ["skipped", { label: "not written",
      hint: "The outcome was older than the write-back's window (RETRY_MAX_AGE_HOURS) when it could first be "
        + "written: it was not written on the candidate in Flatchr" }],
  ]);
  const FOUND_BY_SEARCH = "Found by a search of Flatchr's API: its webhook never came";
  // The connector's rule for a tenant id: anything else in the address is ignored rather than asked for.
  const TENANT_ID = /^[a-z0-9][a-z0-9-]{0,39}$/;

  const $ = (id) => document.getElementById(id);
  // Dates in the operator's own language and zone; the year only when it is not this one.
  const thisYear = new Intl.DateTimeFormat(undefined, { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });
  const otherYear = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
  const clock = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit" });
  const clockWithSeconds = new Intl.DateTimeFormat(undefined, { timeStyle: "medium" });
  // Flatchr's days are Paris days: a search's window starts at midnight there, whatever the operator's zone.
  const FLATCHR_ZONE = "Europe/Paris";
  const flatchrDay = new Intl.DateTimeFormat(undefined, { day: "numeric", month: "short", timeZone: FLATCHR_ZONE });
  const flatchrDayWithYear = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeZone: FLATCHR_ZONE });
  const flatchrYear = new Intl.DateTimeFormat("en", { year: "numeric", timeZone: FLATCHR_ZONE });

  const state = {
    token: sessionStorage.getItem(TOKEN_KEY),
    status: "",
    tenant: "", // "": all tenants
    tenantChoices: null, // the tenant ids the selector was last built with
    tenantCount: 0,
    tenants: [], // the tenants last drawn, for the search of Flatchr
    searching: false, // a search of Flatchr asked from the page is going on
    page: 0,
    openHireId: null,
    draftNote: { hireId: null, text: "" },
    shown: "", // the last answers drawn, so an unchanged refresh redraws nothing under the pointer
    timer: null,
    run: 0, // only the latest refresh may draw: an older answer (another filter, a signed-out token) is dropped
  };

  /** Builds an element; strings among the children become text nodes, whatever they contain. */
  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === "class") node.className = value;
      else if (key === "dataset") Object.assign(node.dataset, value);
      else if (key === "onclick") node.addEventListener("click", value);
      else node.setAttribute(key, value === true ? "" : value);
    }
    for (const child of children.flat(Infinity)) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  class ApiError extends Error {
    constructor(status, problem) {
      super((problem && (problem.detail || problem.title)) || `The connector answered ${status}.`);
      this.status = status;
      this.problem = problem || {};
    }
  }

  /** Calls the admin API; a refused token ends the session, whatever the call was. */
  async function api(method, path, body) {
    const headers = { Authorization: `Bearer ${state.token}`, Accept: "application/json" };
    if (body !== undefined) headers["Content-Type"] = "application/json";
    let response;
    try {
      response = await fetch(path, { method, headers, body, cache: "no-store" });
    } catch {
      throw new ApiError(0, { detail: "The connector cannot be reached. Is it running?" });
    }
    const answer = await response.json().catch(() => null);
    if (response.status === 401) {
      signOut("This admin token was refused. Check ADMIN_TOKEN and sign in again.");
      throw new ApiError(401, answer);
    }
    if (!response.ok) throw new ApiError(response.status, answer);
    return answer;
  }

  // ---- Session -------------------------------------------------------------------------------------------

  function showSignIn(error) {
    stopRefresh();
    state.shown = "";
    $("dashboard").hidden = true;
    $("session").hidden = true;
    hideDetail(); // the address keeps naming the hire, which opens again after signing in
    $("hire-rows").replaceChildren();
    $("counts").replaceChildren();
    $("tenant-rows").replaceChildren();
    $("tenants-summary").textContent = "";
    state.tenants = [];
    $("flatchr-search").hidden = true;
    $("flatchr-search-result").replaceChildren();
    $("tenant-filter").replaceChildren(el("option", { value: "" }, "All tenants"));
    state.tenantChoices = null;
    $("sign-in").hidden = false;
    $("sign-in-error").textContent = error || "";
    $("sign-in-error").hidden = !error;
    $("token").value = "";
    $("token").focus();
  }

  function signOut(error) {
    sessionStorage.removeItem(TOKEN_KEY);
    state.token = null;
    showSignIn(error);
  }

  async function signIn(event) {
    event.preventDefault();
    const token = $("token").value.trim();
    if (!token) {
      showSignIn("Enter the admin token.");
      return;
    }
    state.token = token;
    $("sign-in-button").disabled = true;
    try {
      await api("GET", "api/stats");
      sessionStorage.setItem(TOKEN_KEY, token);
      showDashboard();
    } catch (error) {
      if (error.status === 401) return; // api() already sent the operator back here with the reason
      state.token = null;
      showSignIn(error.status === 404
        ? "The admin API is off on this connector: set ADMIN_TOKEN and restart it."
        : error.message);
    } finally {
      $("sign-in-button").disabled = false;
    }
  }

  function showDashboard() {
    $("sign-in").hidden = true;
    $("dashboard").hidden = false;
    $("session").hidden = false;
    state.tenant = linkedTenant();
    drawPreviewScope();
    refresh();
    openLinkedHire();
  }

  // ---- Address -------------------------------------------------------------------------------------------

  // The address names what the operator looks at, #tenant=acme&hire=<id>, so that it can be copied,
  // bookmarked or reloaded. The chat alerts link to one hire as /admin/#hire=<id>.
  function address() {
    return new URLSearchParams(location.hash.slice(1));
  }

  /**
   * The tenant the address names; a mistyped one shows all tenants rather than an error every refresh (as does one
   * the API answers no one has: refresh).
   */
  function linkedTenant() {
    const tenant = address().get("tenant") || "";
    return TENANT_ID.test(tenant) ? tenant : "";
  }

  /** The linked hire opens once the operator is signed in. */
  function openLinkedHire() {
    const hireId = address().get("hire");
    if (hireId && state.token) openDetail(hireId);
  }

  /** An address edited or pasted by hand: both are read before either changes it. */
  function followAddress() {
    if (!state.token) return;
    const tenant = linkedTenant();
    const hireId = address().get("hire");
    if (tenant !== state.tenant) setTenant(tenant);
    if (hireId) openDetail(hireId);
  }

  function writeAddress() {
    const params = new URLSearchParams();
    if (state.tenant) params.set("tenant", state.tenant);
    if (state.openHireId) params.set("hire", state.openHireId);
    const hash = params.toString();
    history.replaceState(null, "", hash ? `#${hash}` : location.pathname + location.search);
  }

  // ---- Refresh -------------------------------------------------------------------------------------------

  function stopRefresh() {
    clearTimeout(state.timer);
    state.timer = null;
    state.run += 1;
  }

  /**
   * Reads the tenants, the counts and the current page of hires (these two of the chosen tenant), redraws
   * what changed, and comes back in a few seconds.
   */
  async function refresh() {
    stopRefresh();
    if (!state.token) return;
    const run = state.run;
    const query = new URLSearchParams({ page: state.page, size: PAGE_SIZE });
    if (state.status === DECISIONS.id) query.set("needsDecision", "true");
    else if (state.status) query.set("status", state.status);
    if (state.tenant) query.set("tenant", state.tenant);
    try {
      const [tenants, stats, list] = await Promise.all([api("GET", "api/tenants"),
        api("GET", `api/stats${tenantQuery()}`), api("GET", `api/hires?${query}`)]);
      if (run !== state.run) return;
      // A page past the end (the list shrank: the last page's hires replayed or cancelled meanwhile) steps back to
      // the last page with hires, read afresh, rather than showing "51–50 of 50" and no hire.
      const lastPage = Math.max(0, Math.ceil(list.total / list.size) - 1);
      if (state.page > lastPage) {
        state.page = lastPage;
        state.shown = "";
        refresh();
        return;
      }
      const shown = JSON.stringify([tenants, stats, list]);
      if (shown !== state.shown) {
        state.shown = shown;
        drawTenants(tenants.tenants || []);
        drawCounts(stats);
        drawHires(list);
        if (state.openHireId) drawDetail(state.openHireId);
      }
      $("updated").textContent = `Updated ${clockWithSeconds.format(new Date())} · refreshes every ${REFRESH_MS / 1000} s`;
      $("updated").classList.remove("stale");
    } catch (error) {
      if (error.status === 401 || run !== state.run) return;
      // A tenant the token may not look at, or no one has (a stale link, one whose hires are all gone): all the
      // token's tenants are shown, as for a mistyped one, rather than the same error at every refresh.
      if (error.status === 404 && error.problem.field === "tenant" && state.tenant) {
        setTenant("");
        return;
      }
      $("updated").textContent = `Not updated: ${error.message}`;
      $("updated").classList.add("stale");
    }
    if (state.token) state.timer = setTimeout(refresh, REFRESH_MS);
  }

  /** "?tenant=acme" for the calls that one tenant narrows, nothing for all tenants. */
  function tenantQuery() {
    return state.tenant ? `?${new URLSearchParams({ tenant: state.tenant })}` : "";
  }

  // ---- Tenants -------------------------------------------------------------------------------------------

  /** The tenants table, the selector and the summary: which customer is in trouble shows at a glance. */
  function drawTenants(tenants) {
    $("tenant-rows").replaceChildren(...tenants.map(tenantRow));
    const troubled = tenants.filter(inTrouble).map((tenant) => tenant.id);
    const summary = $("tenants-summary");
    summary.textContent = troubled.length
      ? `Needs a look: ${troubled.join(", ")}`
      : tenants.some(usesFlatchr)
        ? "No key rejected, no search of Flatchr failed, no hire waiting for a person."
        : "No key rejected, no hire waiting for a person.";
    summary.classList.toggle("alarm", troubled.length > 0);
    state.tenants = tenants;
    drawTenantChoices(tenants.map((tenant) => tenant.id));
    drawSearchForm();
  }

  /**
   * A key Lucca refuses holds all of the tenant's hires; a default department Lucca does not list stops those that
   * fall back to it; a key Flatchr refuses, or a failed search, leaves hires whose webhook never came unfound; a dead
   * or rejected hire, or one marked "needs a decision", waits for a person.
   */
  function inTrouble(tenant) {
    const counts = tenant.counts || {};
    return tenant.credentials === "rejected" || defaultDepartmentWrong(tenant) || flatchrInTrouble(tenant)
      || (tenant.decisionsNeeded || 0) > 0 || [...NEEDS_A_PERSON].some((status) => (counts[status] || 0) > 0);
  }

  /** Null until checked, "ok", or what is wrong with it (the setting and its id). */
  function defaultDepartmentWrong(tenant) {
    return Boolean(tenant.defaultDepartment) && tenant.defaultDepartment !== "ok";
  }

  function usesFlatchr(tenant) {
    return Boolean(tenant.flatchrApi) && tenant.flatchrApi !== "not used";
  }

  /** A rejected key, a failed search, or days no search covers (a backfill's to search) leave hires unfound. */
  function flatchrInTrouble(tenant) {
    const search = tenant.lastSearchOfFlatchr;
    return usesFlatchr(tenant) && (tenant.flatchrApi === "rejected"
      || Boolean(search && search.outcome && search.outcome !== "succeeded")
      || Boolean(search && search.daysNotSearched));
  }

  function tenantRow(tenant) {
    const counts = tenant.counts || {};
    const chosen = state.tenant === tenant.id;
    const classes = [inTrouble(tenant) ? "trouble" : null, chosen ? "active" : null].filter(Boolean);
    // The row chooses its tenant, as a count chooses its status; chosen again, it shows all tenants again.
    const choose = () => setTenant(chosen ? "" : tenant.id);
    const row = el("tr", { class: classes.join(" ") || null, dataset: { tenant: tenant.id } },
      el("td", { class: "tenant-id" }, el("button", {
        type: "button", class: "link", "aria-pressed": String(chosen), onclick: choose,
        title: chosen ? "Show all tenants again" : `Show only the hires of ${tenant.id}`,
      }, tenant.id)),
      el("td", { class: "lucca" }, tenant.lucca === "dry-run"
        ? el("span", { class: "muted" }, "Dry run: nothing is sent")
        : el("span", { class: "mono" }, tenant.lucca),
        defaultDepartmentWrong(tenant)
          ? el("div", { class: "sub default-department" }, `${tenant.defaultDepartment}: hires that fall back `
            + "to it stop, dead; fix it, then replay them")
          : null),
      el("td", { class: "key" }, keyState(tenant.credentials)),
      flatchrCell(tenant),
      countCell("queued", (counts.received || 0) + (counts.retrying || 0), false),
      countCell("dead", counts.dead || 0, true),
      countCell("rejected", counts.rejected || 0, true),
      countCell(DECISIONS.id, tenant.decisionsNeeded || 0, true));
    row.addEventListener("click", (event) => {
      if (!event.target.closest("button")) choose();
    });
    return row;
  }

  function keyState(credentials) {
    const known = KEY_STATES.get(credentials) || { label: credentials, hint: "" };
    return el("span", {
      class: `badge key-${String(credentials).replace(/\W+/g, "-")}`, title: known.hint,
      dataset: { credentials },
    }, el("span", { class: "dot", "aria-hidden": "true" }), known.label);
  }

  /** What Flatchr made of the tenant's API key, and its last search in a line: when, from which day, what it found. */
  function flatchrCell(tenant) {
    const flatchrApi = tenant.flatchrApi || "not used";
    const known = FLATCHR_KEY_STATES.get(flatchrApi) || { label: flatchrApi, hint: "" };
    return el("td", { class: "flatchr" },
      el("span", {
        class: `badge key-${String(flatchrApi).replace(/\W+/g, "-")}`, title: known.hint, dataset: { flatchrApi },
      }, el("span", { class: "dot", "aria-hidden": "true" }), known.label),
      usesFlatchr(tenant) ? lastSearch(tenant.lastSearchOfFlatchr) : null);
  }

  function lastSearch(search) {
    if (!search) return el("div", { class: "sub last-search" }, "not searched yet");
    if (!search.outcome) return el("div", { class: "sub last-search" }, "no search finished yet");
    return [lastOutcome(search), daysNotSearched(search.daysNotSearched)];
  }

  function lastOutcome(search) {
    const next = search.nextAt ? `; next ${moment(search.nextAt)}` : "";
    if (search.outcome === "succeeded") {
      const counts = [`${search.found ?? 0} found`, `${search.recorded ?? 0} recorded`];
      if (search.failed) counts.push(`${search.failed} failed`);
      return el("div", {
        class: "sub last-search", dataset: { outcome: search.outcome },
        title: "Hired candidates Flatchr's API shows since that day; recorded: those no webhook had brought",
      }, `searched ${moment(search.at)} from ${day(search.since)}: ${counts.join(", ")}${next}`);
    }
    return el("div", { class: "sub last-search failed", dataset: { outcome: search.outcome } },
      el("div", {}, `search failed ${moment(search.at)}: `
        + `${SEARCH_FAILURES.get(search.outcome) || search.outcome}${next}`),
      search.error ? el("div", { class: "clamp", title: search.error }, search.error) : null);
  }

  /**
   * The days no search covers: no search succeeded since the first try, and a search looks back a year at most.
   * Their hires, if their webhook never came, are found by a backfill from the first of them only.
   */
  function daysNotSearched(days) {
    if (!days) return null;
    return el("div", {
      class: "sub days-not-searched", dataset: { from: days.from },
      title: "No search succeeded since the first was tried, and a search looks back a year at most: once "
        + "searches succeed, search these days with Search Flatchr from their first; each search covers its day to "
        + "today, so a large company moves that day back a few weeks at a time",
    }, `not searched: ${day(days.from)} to ${day(days.to)}; backfill from ${day(days.from)}`);
  }

  function countCell(name, count, alarming) {
    return el("td", { class: alarming && count > 0 ? "num alarm" : "num", dataset: { count: name } }, String(count));
  }

  /** Rebuilt only when the ids change, so that a refresh never closes the list under the operator's pointer. */
  function drawTenantChoices(ids) {
    const choices = [...ids];
    // A tenant taken out of the configuration keeps its hires in the journal: named in the address, it stays.
    if (state.tenant && !choices.includes(state.tenant)) choices.push(state.tenant);
    document.body.classList.toggle("one-tenant", choices.length <= 1);
    state.tenantCount = ids.length;
    drawPreviewScope();
    const key = JSON.stringify(choices);
    if (key === state.tenantChoices) return;
    state.tenantChoices = key;
    const select = $("tenant-filter");
    select.replaceChildren(el("option", { value: "" }, "All tenants"), ...choices.map((id) =>
      el("option", { value: id }, ids.includes(id) ? id : `${id} (not configured)`)));
    select.value = state.tenant;
  }

  function setTenant(tenant) {
    state.tenant = tenant;
    state.page = 0;
    $("tenant-filter").value = tenant;
    state.shown = "";
    writeAddress();
    drawPreviewScope();
    drawSearchHint();
    refresh();
  }

  // ---- Counts --------------------------------------------------------------------------------------------

  function drawCounts(stats) {
    const counts = stats.counts || {};
    $("counts").replaceChildren(...STATUSES.map((status) => countTile(status, counts[status.id] || 0,
      NEEDS_A_PERSON.has(status.id))), countTile(DECISIONS, stats.decisionsNeeded || 0, true));
    const oldest = $("oldest");
    if (stats.oldestQueuedReceivedAt) {
      const age = stats.oldestQueuedAgeSeconds || 0;
      // its wait as the alert reckons it: from when it last entered the queue (a hire replayed a minute ago waits a
      // minute), or from the end of its hold; late past the alert's limit (ALERT_QUEUE_AGE_SECONDS)
      const held = stats.oldestQueuedHeldUntil;
      oldest.replaceChildren("Oldest hire waiting for Lucca: ", el("button", {
        type: "button", class: "link", onclick: () => openDetail(stats.oldestQueuedHireId),
      }, held ? `held until ${clock.format(new Date(held))}` : `waiting for ${duration(age)}`));
      const late = age > stats.queueAgeLimitSeconds;
      oldest.className = late ? "oldest late" : "oldest";
      oldest.title = late ? `Waiting longer than ${duration(stats.queueAgeLimitSeconds)} (ALERT_QUEUE_AGE_SECONDS)` : "";
    } else {
      oldest.textContent = "No hire is waiting for Lucca.";
      oldest.className = "oldest";
      oldest.title = "";
    }
  }

  /** A count that filters the list by its status (or by the "needs a decision" mark), chosen again to show all. */
  function countTile(filter, count, alarming) {
    const classes = ["count", `status-${filter.id}`];
    if (state.status === filter.id) classes.push("active");
    if (alarming && count > 0) classes.push("alarm");
    return el("button", {
      type: "button", class: classes.join(" "), title: `${filter.hint}. Click to show only these.`,
      "aria-pressed": String(state.status === filter.id), dataset: { status: filter.id },
      onclick: () => setFilter(state.status === filter.id ? "" : filter.id),
    }, el("span", { class: "count-label" }, el("span", { class: "dot", "aria-hidden": "true" }), filter.label),
    el("span", { class: "count-value" }, String(count)));
  }

  function setFilter(status) {
    state.status = status;
    state.page = 0;
    $("status-filter").value = status;
    state.shown = "";
    refresh();
  }

  // ---- Hires table ---------------------------------------------------------------------------------------

  function drawHires(list) {
    const hires = list.hires || [];
    $("hire-rows").replaceChildren(...hires.map(hireRow));
    const empty = $("empty");
    empty.hidden = hires.length > 0;
    empty.textContent = emptyText();
    const first = list.total === 0 ? 0 : list.page * list.size + 1;
    const last = list.page * list.size + hires.length;
    $("page-info").textContent = `${first}–${last} of ${list.total}`;
    $("previous-page").disabled = list.page === 0;
    $("next-page").disabled = last >= list.total;
    $("pager").hidden = list.total <= list.size && list.page === 0;
  }

  function emptyText() {
    const of = state.tenant ? ` of ${state.tenant}` : "";
    if (state.status === DECISIONS.id) return `No hire${of} waits for a decision.`;
    if (state.status) return `No hire${of} with the status “${LABELS.get(state.status)}”.`;
    return state.tenant ? `No hire${of} yet.` : "No hire yet. Hires appear here as soon as Flatchr sends one.";
  }

  function hireRow(hire) {
    const row = el("tr", { dataset: { hireId: hire.hireId } },
      el("td", { class: "candidate" },
        el("button", { type: "button", class: "link", onclick: () => openDetail(hire.hireId) },
          candidateName(hire)), originBadge(hire)),
      el("td", { class: "tenant tenant-only" }, hire.tenant || dash()),
      el("td", {}, badge(hire.status), hire.status === "retrying" && hire.nextAttemptAt
        ? el("div", { class: "sub" }, `next try ${clock.format(new Date(hire.nextAttemptAt))}`) : null,
      hire.heldUntil ? el("div", { class: "sub", dataset: { heldUntil: hire.heldUntil } },
        `held until ${clock.format(new Date(hire.heldUntil))}`) : null,
      decisionMark(hire), writeBackLine(hire.writeBack)),
      el("td", { class: "nowrap", title: hire.receivedAt }, when(hire.receivedAt)),
      el("td", { class: "num" }, String(hire.attempts ?? 0)),
      el("td", { class: "warnings" }, warningsSummary(hire.warnings || [])),
      el("td", { class: "error-cell" }, hire.lastError
        ? el("span", { class: "clamp", title: hire.lastError }, hire.lastError) : dash()),
      el("td", {}, hire.luccaUserId != null ? el("span", { class: "mono" }, String(hire.luccaUserId)) : dash()),
      el("td", { class: "actions" }, actionButtons(hire)));
    row.addEventListener("click", (event) => {
      if (!event.target.closest("button")) openDetail(hire.hireId);
    });
    return row;
  }

  /**
   * The candidate's name, or why it is not shown: erased by retention, another company's candidate (not shown to a
   * tenant's token), left out of the list with an event too large for it (the hire's own view has it), or not in what
   * Flatchr sent. Read as erased, a kept name would pass for gone. Another company's before a large event's: its own
   * view has no name for a tenant's token either, and "Open to see the name" would send the reader to nothing.
   */
  function candidateName(hire) {
    if (hire.candidate) return hire.candidate;
    const why = hire.personalDataErased ? "Name not kept" : hire.otherCompany ? "Another company's candidate"
      : hire.eventLeftOut ? "Open to see the name" : "Name not given";
    return el("span", { class: "muted" }, why);
  }

  function badge(status) {
    return el("span", { class: `badge status-${status}`, dataset: { status } },
      el("span", { class: "dot", "aria-hidden": "true" }), LABELS.get(status) || status);
  }

  /** A discreet mark on the hires a search of Flatchr found; nothing on the usual, the webhook's. */
  function originBadge(hire) {
    if (hire.origin !== "flatchr-api") return null;
    return el("span", { class: "origin", title: FOUND_BY_SEARCH, dataset: { origin: hire.origin } },
      "API", el("span", { class: "visually-hidden" }, ` (${FOUND_BY_SEARCH})`));
  }

  /** A hire stopped after its create was sent to Lucca waits for a person: said on its row. */
  function decisionMark(hire) {
    if (!hire.needsDecision) return null;
    return el("div", { class: "sub decision", title: hire.needsDecision, dataset: { decision: "needed" } },
      "needs a decision");
  }

  /** Where the outcome written on the candidate in Flatchr stands; nothing when none is written. */
  function writeBackLine(writeBack) {
    if (!writeBack) return null;
    const known = WRITE_BACKS.get(writeBack) || { label: writeBack, hint: "" };
    return el("div", { class: `sub writeback writeback-${writeBack}`, title: known.hint, dataset: { writeBack } },
      `in Flatchr: ${known.label}`);
  }

  function warningsSummary(warnings) {
    if (warnings.length === 0) return dash();
    return el("span", { class: "warning-text clamp", title: warnings.join("\n") },
      warnings.length > 1 ? `${warnings[0]} (+${warnings.length - 1} more)` : warnings[0]);
  }

  function actionButtons(hire) {
    const buttons = [];
    // a hire whose data retention erased cannot be replayed (the API answers 409): no button that always fails
    if (REPLAYABLE.has(hire.status) && !hire.personalDataErased) {
      buttons.push(el("button", {
        type: "button", class: "button small", dataset: { action: "replay" },
        title: "Send this hire to Lucca again (it is looked up first, so nobody is created twice)",
        onclick: (event) => act(event.currentTarget, hire, "replay"),
      }, "Replay"));
    }
    if (CANCELLABLE.has(hire.status)) {
      buttons.push(el("button", {
        type: "button", class: "button small danger", dataset: { action: "cancel" },
        title: hire.status === "dead" || hire.status === "rejected"
          ? "Close this hire: it will not be sent to Lucca, and no longer waits for a person"
          : "Stop sending this hire to Lucca (it can be replayed later)",
        onclick: (event) => act(event.currentTarget, hire, "cancel"),
      }, "Cancel"));
    }
    if (hire.heldUntil || hire.status === "retrying") {
      buttons.push(el("button", {
        type: "button", class: "button small", dataset: { action: "deliver-now" },
        title: "Send this hire to Lucca now instead of waiting for its hold or its next try",
        onclick: (event) => act(event.currentTarget, hire, "deliver-now"),
      }, "Deliver now"));
    }
    return buttons;
  }

  const DONE = {
    "replay": (who) => `${who} is queued for Lucca again.`,
    "cancel": (who) => `${who} was cancelled: nothing more will be sent to Lucca. It can be replayed later.`,
    "deliver-now": (who) => `${who} is being sent to Lucca now.`,
    "decision": (who) => `The decision on ${who} is noted in its history.`,
  };

  async function act(button, hire, action, body) {
    button.disabled = true;
    const who = hire.candidate || "the hire";
    try {
      await api("POST", `api/hires/${encodeURIComponent(hire.hireId)}/${action}`,
        body === undefined ? undefined : JSON.stringify(body));
      notify(DONE[action](who), "success");
      if (action === "decision") state.draftNote = { hireId: null, text: "" };
      state.shown = "";
      await refresh();
    } catch (error) {
      if (error.status !== 401) notify(`Could not ${action} ${who}: ${error.message}`, "error");
      button.disabled = false;
      // a decision on a mark that changed meanwhile: the drawer shows the mark of now, the note typed kept, and is
      // sent on that mark next, the person told
      if (action === "decision" && error.status === 409 && state.openHireId) {
        if (state.draftNote.hireId === hire.hireId) state.draftNote = { ...state.draftNote, mark: null };
        drawDetail(state.openHireId);
      }
    }
  }

  // ---- Detail drawer -------------------------------------------------------------------------------------

  async function openDetail(hireId) {
    state.openHireId = hireId;
    writeAddress();
    if (await drawDetail(hireId)) {
      $("detail").hidden = false;
      $("backdrop").hidden = false;
      document.body.classList.add("drawer-open");
      $("detail").focus();
    } else if (state.openHireId === hireId) {
      closeDetail();
    }
  }

  /** Draws one hire in the drawer; false if it could not be read or another hire was opened meanwhile. */
  async function drawDetail(hireId) {
    let hire;
    try {
      hire = await api("GET", `api/hires/${encodeURIComponent(hireId)}`);
    } catch (error) {
      if (error.status !== 401) notify(`Could not open the hire: ${error.message}`, "error");
      return false;
    }
    if (state.openHireId !== hireId) return false;
    $("detail-title").replaceChildren(candidateName(hire), " ", badge(hire.status));
    $("detail-id").textContent = `Hire ${hire.hireId}`;
    $("detail-body").replaceChildren(...detailSections(hire));
    return true;
  }

  function hideDetail() {
    state.openHireId = null;
    $("detail").hidden = true;
    $("backdrop").hidden = true;
    document.body.classList.remove("drawer-open");
  }

  function closeDetail() {
    hideDetail();
    writeAddress();
  }

  function detailSections(hire) {
    const facts = [
      ["Tenant", hire.tenant || dash()],
      ["Received", when(hire.receivedAt)],
      ["Came from", hire.origin === "flatchr-api"
        ? [el("span", { dataset: { origin: hire.origin } }, "A search of Flatchr's API: its webhook never came")]
        : "Flatchr's webhook"],
      ["In Flatchr", writeBackFact(hire.writeBack)],
      ["Last change", when(hire.updatedAt)],
      ["Attempts", String(hire.attempts ?? 0)],
      ["Next attempt", hire.nextAttemptAt ? when(hire.nextAttemptAt) : dash()],
      ["Lucca user", hire.luccaUserId != null ? String(hire.luccaUserId) : dash()],
      ["Lucca's last status", hire.lastLuccaStatus != null ? `HTTP ${hire.lastLuccaStatus}` : dash()],
    ];
    const sections = [
      el("dl", { class: "facts" }, facts.map(([name, value]) => [el("dt", {}, name), el("dd", {}, value)])),
    ];
    const actions = actionButtons(hire);
    if (actions.length) sections.push(el("div", { class: "drawer-actions" }, actions));
    if (hire.needsDecision) sections.push(decisionForm(hire));
    if (hire.lastError) {
      sections.push(section("Last error", el("p", { class: "error-box" }, hire.lastError)));
    }
    if (hire.warnings && hire.warnings.length) {
      sections.push(section("Warnings", el("ul", { class: "warning-list" }, hire.warnings.map((w) => el("li", {}, w)))));
    }
    sections.push(section("History", historyList(hire.history || [])));
    if (hire.luccaRequest != null) sections.push(section("Request to Lucca", jsonBlock(hire.luccaRequest)));
    if (hire.lastLuccaBody) sections.push(section("Lucca's last answer", jsonBlock(hire.lastLuccaBody)));
    if (hire.flatchrEvent != null) {
      sections.push(el("details", { class: "section" }, el("summary", {}, "What Flatchr sent"),
        jsonBlock(hire.flatchrEvent)));
    }
    return sections;
  }

  function writeBackFact(writeBack) {
    if (!writeBack) return el("span", { class: "muted" }, "Nothing written on the candidate");
    return el("span", { class: `writeback-${writeBack}`, dataset: { writeBack } },
      (WRITE_BACKS.get(writeBack) || { hint: writeBack }).hint);
  }

  function historyList(history) {
    if (history.length === 0) return el("p", { class: "muted" }, "No event recorded.");
    return el("ol", { class: "history" }, history.map((event) => el("li", {},
      el("div", { class: "history-head" }, badge(event.status),
        el("span", { class: "muted nowrap", title: event.at }, when(event.at))),
      event.luccaCall || event.luccaStatus != null
        ? el("div", { class: "sub mono" }, [event.luccaCall, event.luccaStatus != null ? `HTTP ${event.luccaStatus}` : null]
          .filter(Boolean).join(" · "))
        : null,
      event.detail ? el("div", { class: "history-detail" }, event.detail) : null)));
  }

  /**
   * The hire was stopped (moved out of hired in Flatchr, or cancelled) after the connector made the Lucca account,
   * or sent its create and lost the answer; the connector never undoes an account: a person looks and decides in
   * Lucca, then says what they did here, which clears the mark.
   */
  function decisionForm(hire) {
    const note = el("textarea", { id: "decision-note", rows: "2", maxlength: "500",
      placeholder: "What was decided, e.g. contract ended in Lucca on 2027-01-05" });
    // The drawer is drawn again when the page refreshes: what is being typed survives it, with the mark it was typed
    // on. A redraw that puts another mark under it (Lucca's late answer made the account) does not make the note a
    // decision on that one: the API refuses it as made on a mark changed since, and the person is told.
    const draft = state.draftNote.hireId === hire.hireId ? state.draftNote : null;
    if (draft) note.value = draft.text;
    const markTyped = () => (draft && draft.mark) || hire.needsDecision;
    note.addEventListener("input", () => {
      state.draftNote = { hireId: hire.hireId, mark: markTyped(), text: note.value };
    });
    const button = el("button", { type: "submit", class: "button small", dataset: { action: "decision" } },
      "Noted, clear the mark");
    const form = el("form", { class: "decision-form" },
      el("p", {}, `Needs a decision since ${when(hire.needsDecisionSince)}: ${hire.needsDecision}. `
        + "The connector changed nothing in Lucca."),
      el("label", { for: "decision-note" }, "Decision"), note, button);
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      if (!note.value.trim()) {
        notify("Say what was decided before clearing the mark.", "error");
        return;
      }
      // the mark read: one changed since (Lucca's late answer made the account) is refused, to be read again
      act(button, hire, "decision", { note: note.value.trim(), needsDecision: markTyped() });
    });
    return section("Needs a decision", form);
  }

  function section(title, ...content) {
    return el("section", { class: "section" }, el("h3", {}, title), ...content);
  }

  /** Pretty JSON when it is JSON (or a JSON text, as Lucca's answers are kept), the text as is otherwise. */
  function jsonBlock(value) {
    let text = value;
    if (typeof value === "string") {
      try {
        text = JSON.stringify(JSON.parse(value), null, 2);
      } catch {
        text = value;
      }
    } else {
      text = JSON.stringify(value, null, 2);
    }
    return el("pre", { class: "code-block" }, text);
  }

  // ---- Mapping preview -----------------------------------------------------------------------------------

  async function preview(event) {
    event.preventDefault();
    const result = $("preview-result");
    const body = $("preview-input").value.trim();
    try {
      JSON.parse(body);
    } catch (error) {
      result.replaceChildren(el("p", { class: "form-error" }, `This is not JSON: ${error.message}`));
      return;
    }
    $("preview-button").disabled = true;
    try {
      // Each tenant maps with its own settings; with several and none chosen, the connector says so.
      const answer = await api("POST", `api/preview${tenantQuery()}`, body);
      result.replaceChildren(...previewResult(answer));
    } catch (error) {
      if (error.status === 401) return;
      const field = error.problem.field ? ` (${error.problem.field})` : "";
      result.replaceChildren(el("p", { class: "form-error" }, `${error.message}${field}`));
    } finally {
      $("preview-button").disabled = false;
    }
  }

  function drawPreviewScope() {
    $("preview-scope").textContent = state.tenant
      ? `With the settings of ${state.tenant}.`
      : state.tenantCount > 1 ? "Choose a tenant above: each has its own settings." : "";
  }

  function previewResult(answer) {
    if (!answer.hire) {
      return [el("p", { class: "form-error" }, `Nothing would be sent to Lucca: ${answer.reason || "this is not a hire"}.`)];
    }
    const parts = [];
    const warnings = answer.warnings || [];
    if (warnings.length) {
      parts.push(section("Warnings", el("ul", { class: "warning-list" }, warnings.map((w) => el("li", {}, w)))));
    }
    const requests = answer.requests || [];
    parts.push(section(requests.length === 1 ? "1 request to Lucca" : `${requests.length} requests to Lucca`,
      requests.map((request) => el("div", { class: "preview-request" },
        el("div", { class: "request-line" }, el("span", { class: "method" }, request.method || ""),
          el("span", { class: "mono" }, request.path || ""), el("span", { class: "muted" }, request.name || "")),
        request.body != null ? jsonBlock(request.body) : null))));
    return parts;
  }

  // ---- Search of Flatchr -------------------------------------------------------------------------------

  /** Shown as soon as one tenant has a Flatchr API key: a search now, from a given day, listed or recorded. */
  function drawSearchForm() {
    const box = $("flatchr-search");
    const shown = state.tenants.some(usesFlatchr);
    if (shown && box.hidden && !$("flatchr-since").value) {
      const today = new Date();
      $("flatchr-since").max = isoDay(today);
      $("flatchr-since").value = isoDay(new Date(today.getFullYear(), today.getMonth(), today.getDate() - 30));
    }
    box.hidden = !shown;
    drawSearchHint();
  }

  /** The tenant searched: the chosen one, or the only one. */
  function searchedTenant() {
    if (state.tenant) return state.tenants.find((tenant) => tenant.id === state.tenant) || { id: state.tenant };
    return state.tenants.length === 1 ? state.tenants[0] : null;
  }

  function drawSearchHint() {
    const tenant = searchedTenant();
    const dryRun = $("flatchr-dry-run").checked;
    let hint;
    if (!tenant) {
      hint = "Choose a tenant in the table above: each has its own Flatchr.";
    } else if (tenant.flatchrApi === "not used") {
      hint = `${tenant.id} has no Flatchr API key.`;
    } else {
      hint = dryRun ? "Lists the hires a search would record; records nothing."
        : "Records each hire the connector does not have yet, and sends it to Lucca.";
      if (state.tenantCount > 1) hint = `${tenant.id}: ${hint}`;
    }
    $("flatchr-search-hint").textContent = hint;
    $("flatchr-search-button").disabled = state.searching || !tenant || tenant.flatchrApi === "not used";
  }

  async function searchFlatchr(event) {
    event.preventDefault();
    const tenant = searchedTenant();
    if (state.searching || !tenant) return;
    const result = $("flatchr-search-result");
    const since = $("flatchr-since").value;
    if (!since) {
      result.replaceChildren(el("p", { class: "form-error" }, "Choose the day to search from."));
      return;
    }
    const dryRun = $("flatchr-dry-run").checked;
    const query = new URLSearchParams({ tenant: tenant.id, since, dryRun: String(dryRun) });
    state.searching = true;
    drawSearchHint();
    result.replaceChildren(el("p", { class: "muted" }, `Searching the Flatchr of ${tenant.id}…`));
    try {
      const answer = await api("POST", `api/reconcile?${query}`);
      result.replaceChildren(...(answer && typeof answer === "object" ? searchResult(answer)
        : [el("p", { class: "form-error" }, "The connector gave no result for this search: the tenant's last "
          + "search in the table above says how it went.")]));
    } catch (error) {
      if (error.status === 401) return;
      const field = error.problem && error.problem.field ? ` (${error.problem.field})` : "";
      result.replaceChildren(el("p", { class: "form-error" }, droppedSearch(error)
        ? "No answer came: the connection was closed before the search was over; it may still be running (the "
          + "connector answers once it ends, and closes a connection silent for HTTP_IDLE_TIMEOUT_SECONDS, 65 s "
          + "unless set, as a proxy may sooner). "
          + (dryRun ? "A dry run's list is kept nowhere: search fewer days at a time to see it. "
            : "The hires it records appear in Recent hires, marked API; once it is over, a backfill shows as the "
              + "tenant's last search above. ")
          + "Until then a new search is refused as one going on. (If the top of the page says the connector cannot "
          + "be reached, it stopped instead.)"
        : `${error.message}${field}`));
    } finally {
      state.searching = false;
      drawSearchHint();
    }
    // A search that recorded hires, or failed, shows in the tenants table and the hires at once.
    if (state.token) {
      state.shown = "";
      refresh();
    }
  }

  /**
   * The search runs within the request: a long one (months of a busy company) outlasts the connection, which the
   * connector (HTTP_IDLE_TIMEOUT_SECONDS) or a proxy closes with no answer, while the search goes on. The connector's
   * own failures are problem documents; a proxy's 502 or 504 is not.
   */
  function droppedSearch(error) {
    const fromTheConnector = Boolean(error.problem && error.problem.title);
    return error.status === 0 || ((error.status === 502 || error.status === 504) && !fromTheConnector);
  }

  function searchResult(answer) {
    const listed = (answer.dryRun ? answer.wouldRecord : answer.recorded) || [];
    const found = answer.found ?? 0;
    const of = state.tenantCount > 1 ? `${answer.tenant}, ` : "";
    const head = `${answer.dryRun ? "Dry run" : "Searched"} (${of}from ${day(answer.since)}): `;
    const hires = `${plural(found, "hire")} in Flatchr`;
    let verdict;
    if (found === 0) verdict = "Flatchr shows no hire in that time.";
    else if (listed.length === 0) verdict = `${hires}, each one known already: nothing to record.`;
    else if (answer.dryRun) verdict = `${hires}; ${listed.length} not known yet would be recorded:`;
    else verdict = `${hires}; ${listed.length} not known yet recorded, each as a webhook's hire (see Recent hires):`;
    const parts = [el("p", { class: "search-summary" }, head, verdict)];
    if (listed.length) {
      parts.push(el("ul", { class: "found-list" }, listed.map((item) =>
        el("li", { title: item.applicant ? `Application ${item.applicant} in Flatchr` : null },
          el("span", { class: "found-name" }, item.candidate || "Name not given"),
          item.vacancy ? el("span", { class: "muted" }, ` · ${item.vacancy}`) : null))));
    }
    // The run succeeds with the hires it found all the same: its moves out of hired are not applied, said apart.
    if (answer.movesSearchFailed) {
      parts.push(el("p", { class: "form-error", dataset: { movesSearchFailed: answer.movesSearchFailed } },
        `The search of moves out of hired failed (${SEARCH_FAILURES.get(answer.movesSearchFailed)
          || answer.movesSearchFailed}): a candidate moved out of hired in those days is not withdrawn yet, and their `
        + "hire may still reach Lucca. "
        // a day's answer over the connector's cap stays so: searching it again cannot help
        + (answer.movesSearchFailed === "too-large"
          ? "One day's moves are more than the connector reads (its log names the day): check that day's moves out of "
            + "hired in Flatchr; cancel the hires of candidates no longer hired, and decide in Lucca for one already "
            + "there."
          : "Scheduled searches try those days again where the tenant has them (a search interval above 0); "
            + "otherwise run this backfill again.")));
    }
    return parts;
  }

  // ---- Small things --------------------------------------------------------------------------------------

  let noticeTimer = null;

  function notify(text, kind) {
    clearTimeout(noticeTimer);
    $("notice-text").textContent = text;
    $("notice").className = `notice ${kind}`;
    $("notice").hidden = false;
    // Successes fade on their own; an error stays until it is read and dismissed.
    if (kind === "success") noticeTimer = setTimeout(() => { $("notice").hidden = true; }, 6000);
  }

  function when(iso) {
    if (!iso) return dash();
    const date = new Date(iso);
    return (date.getFullYear() === new Date().getFullYear() ? thisYear : otherYear).format(date);
  }

  /** A time of today as the clock shows it, another day's with its day. */
  function moment(iso) {
    const date = new Date(iso);
    return date.toDateString() === new Date().toDateString() ? clock.format(date) : when(iso);
  }

  /** A day of Flatchr's (an instant at its midnight, or a YYYY-MM-DD day), the year only when it is not this one. */
  function day(value) {
    if (!value) return "?";
    const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T12:00:00Z` : value);
    return (flatchrYear.format(date) === flatchrYear.format(new Date()) ? flatchrDay : flatchrDayWithYear).format(date);
  }

  /** YYYY-MM-DD of a local date, as a date input takes it. */
  function isoDay(date) {
    return [date.getFullYear(), date.getMonth() + 1, date.getDate()].map((n) => String(n).padStart(2, "0")).join("-");
  }

  function plural(count, noun) {
    return `${count} ${noun}${count === 1 ? "" : "s"}`;
  }

  function dash() {
    return el("span", { class: "muted" }, "—");
  }

  function duration(seconds) {
    if (seconds < 60) return `${seconds} s`;
    const minutes = Math.floor(seconds / 60);
    if (minutes < 60) return `${minutes} min`;
    const hours = Math.floor(minutes / 60);
    if (hours < 48) return `${hours} h ${minutes % 60} min`;
    return `${Math.floor(hours / 24)} days`;
  }

  // ---- Start ---------------------------------------------------------------------------------------------

  function start() {
    const filter = $("status-filter");
    [...STATUSES, DECISIONS].forEach((status) => filter.append(el("option", { value: status.id }, status.label)));
    filter.addEventListener("change", () => setFilter(filter.value));
    $("sign-in-form").addEventListener("submit", signIn);
    $("sign-out").addEventListener("click", () => signOut());
    $("refresh").addEventListener("click", () => { state.shown = ""; refresh(); });
    $("previous-page").addEventListener("click", () => { state.page -= 1; refresh(); });
    $("next-page").addEventListener("click", () => { state.page += 1; refresh(); });
    $("preview-form").addEventListener("submit", preview);
    $("flatchr-search-form").addEventListener("submit", searchFlatchr);
    $("flatchr-dry-run").addEventListener("change", drawSearchHint);
    $("notice-close").addEventListener("click", () => { $("notice").hidden = true; });
    $("detail-close").addEventListener("click", closeDetail);
    $("backdrop").addEventListener("click", closeDetail);
    const tenantFilter = $("tenant-filter");
    tenantFilter.addEventListener("change", () => setTenant(tenantFilter.value));
    window.addEventListener("hashchange", followAddress);
    document.addEventListener("keydown", (event) => {
      if (event.key === "Escape" && !$("detail").hidden) closeDetail();
    });
    // A hidden tab stops asking; it catches up as soon as it is looked at again.
    document.addEventListener("visibilitychange", () => {
      if (document.hidden) stopRefresh();
      else if (state.token) refresh();
    });
    if (state.token) showDashboard();
    else showSignIn();
  }

  start();
})();
