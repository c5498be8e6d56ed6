// Directive Ledger: the read side in pictures. Plain JavaScript, no build step. The page and the API share the
// browser's HTTP Basic login (same origin, realm "ledger").
'use strict';

const STATUSES = [
  ['DONE_ON_TIME', 'đúng hạn', 'doneOnTime'],
  ['DONE_LATE', 'trễ hạn', 'doneLate'],
  ['IN_PROGRESS_ON_TIME', 'đang làm, trong hạn', 'inProgress'],
  ['NOT_STARTED', 'chưa thực hiện', 'notStarted'],
  ['OVERDUE_NOT_DONE', 'quá hạn', 'overdue'],
  ['CANCELLED', 'đã hủy', 'cancelled'],
];
const LABEL = Object.fromEntries(STATUSES.map(s => [s[0], s[1]]));
const DEMO_DIRECTIVE = '21fc5745-b370-3e18-b428-3827c4635e5c'; // 22-TB/CQTTBCĐ in the demo data

const $ = id => document.getElementById(id);
const esc = s => String(s ?? '').replace(/[&<>"']/g, c => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}[c]));
const fmt = n => (n ?? 0).toLocaleString('vi-VN');

// ------------------------------------------------------------------ API

// the two time axes: asOf, what the ledger said at that instant; onDay, the state of affairs on that business day
function asOfParam() {
  const v = $('asOf').value;
  const d = $('onDay').value;
  return (v ? '&asOf=' + encodeURIComponent(v) : '') + (d ? '&onDay=' + encodeURIComponent(d) : '');
}

function recordedAsOfParam() {
  const v = $('asOf').value;
  return v ? '&asOf=' + encodeURIComponent(v) : '';
}

async function api(path, options) {
  // absolute from the origin: a page opened as http://user:password@host/ui/ has credentials in its base URL,
  // which fetch refuses; the browser sends the login it already holds for the origin
  const r = await fetch(new URL(path, location.origin), Object.assign({credentials: 'same-origin', headers: {Accept: 'application/json'}}, options || {}));
  let body = null;
  try { body = await r.json(); } catch (e) { /* empty */ }
  if (!r.ok) {
    const err = new Error((body && (body.detail || body.title)) || ('HTTP ' + r.status));
    err.status = r.status;
    err.body = body;
    throw err;
  }
  return body;
}

function showAnsweredAt(answer) {
  if (!answer) return;
  const at = String(answer.at).replace('T', ' ').replace(/:\d\d(\.\d+)?(?=[+-]\d\d:\d\d$)/, '').replace(/([+-]\d\d:\d\d)$/, ' ($1)');
  $('answeredAt').textContent = (answer.source === 'events' ? 'tính lại từ sự kiện, tại ' : 'hiện tại ') + at
    + (answer.onDay ? ' — tình hình ngày ' + answer.onDay : '');
  $('answeredAt').title = answer.at + ' = ' + answer.atUtc;
}

function nodePath(id) {
  // a task id is directiveId/code, addressed as two path segments
  const slash = id.indexOf('/');
  return slash < 0 ? '/api/directives/' + encodeURIComponent(id)
    : '/api/tasks/' + encodeURIComponent(id.substring(0, slash)) + '/' + encodeURIComponent(id.substring(slash + 1));
}

// ------------------------------------------------------------------ (a) the chain

let currentRoot = null;
let stalls = new Map();

function legend() {
  $('legend').innerHTML = STATUSES.map(s => `<span><i class="s-${s[0]}"></i>${esc(s[1])}</span>`).join('')
    + '<span><i style="background:#fff1f1;outline:1px solid #f5a3a3"></i>chậm / tắc</span>';
}

function statusBar(r) {
  const total = STATUSES.reduce((n, s) => n + (r[s[2]] || 0), 0);
  if (!total) return '<div class="bar" title="không có nhiệm vụ"></div>';
  const parts = STATUSES.filter(s => r[s[2]]).map(s =>
    `<span class="s-${s[0]}" style="width:${(100 * r[s[2]] / total).toFixed(2)}%" title="${esc(s[1])}: ${r[s[2]]}"></span>`);
  return `<div class="bar" title="${esc(STATUSES.filter(s => r[s[2]]).map(s => s[1] + ': ' + r[s[2]]).join(', '))}">${parts.join('')}</div>`;
}

function nodeElement(n) {
  const d = document.createElement('details');
  d.className = n.kind.toLowerCase();
  d.dataset.id = n.id;
  d.dataset.kind = n.kind;
  if (!n.childCount) d.classList.add('leaf');
  const stall = stalls.get(n.id);
  if (stall) d.classList.add('stalled');
  const r = n.rollup || {};
  const pct = r.percentDone == null ? '–' : Math.round(r.percentDone) + '%';
  // a task's own progress as last reported, beside the share of tasks done
  const reported = n.kind === 'TASK' && n.lastReportedPercent != null
    ? `<span class="pct" title="báo cáo gần nhất ${esc(n.lastReportedOn || '')}">bc ${n.lastReportedPercent}%</span>` : '';
  const chip = n.kind === 'TASK'
    ? `<span class="chip s-${esc(n.status)}">${esc(LABEL[n.status] || n.status)}</span>`
    : (n.status && n.status !== 'ACTIVE' ? `<span class="chip s-${esc(n.status)}">${esc(n.status)}</span>` : '');
  const s = document.createElement('summary');
  s.innerHTML = `<span class="tw"></span>`
    + `<span class="lbl"><span class="kind ${n.kind}">${n.kind === 'TASK' ? 'NV' : 'VB'}</span>${esc(n.label)}</span>`
    + `<span class="ttl" title="${esc(n.title)}">${chip}${esc(n.title)}</span>`
    + statusBar(r)
    + `<span class="pct" title="tỷ lệ hoàn thành">${pct}</span>` + reported;
  d.appendChild(s);

  const meta = [];
  if (n.kind === 'DIRECTIVE') {
    meta.push(`${named(n.issuer, n.issuerName)} · ${esc(n.date || '')}`);
    if (r.recipients) meta.push(`nhận ${r.received}/${r.recipients} · đã xử lý ${r.acted} · chưa phản hồi ${r.neverAcknowledged}`);
  } else {
    // a group member's task (code@BODY): the group as the document wrote it, above the member's own name
    const groups = (n.leadGroups || []).map(g => `“${esc(g.wording)}”`).join(', ');
    meta.push(`chủ trì ${groups ? groups + ': ' : ''}${namedList(n.leads, n.leadNames)}`);
    if (n.due) meta.push(`hạn ${esc(n.due)}`);
    if (n.deadline) meta.push(`“${esc(n.deadline)}”`);
    if (n.completedOn) meta.push(`hoàn thành ${esc(n.completedOn)}`);
  }
  if (n.childCount && r.tasks) meta.push(`${fmt(r.tasks)} nhiệm vụ · hạn cuối ${esc(r.latestDeadline || '—')}`);
  if (n.missing && n.missing.length) meta.push(`thiếu: ${esc(n.missing.join(', '))}`);
  if (n.uncoveredLeads && n.uncoveredLeads.length) meta.push(`<span class="gapNote">⚑ chưa cụ thể hóa: ${namedList(n.uncoveredLeads, n.uncoveredLeadNames)}</span>`);
  if (stall) meta.push(`<span class="stallNote" title="${esc(stall.detail)}">⚠ ${esc(stall.text)}</span>`);
  const m = document.createElement('div');
  m.className = 'meta';
  m.innerHTML = meta.join(' · ');
  d.appendChild(m);

  (n.children || []).forEach(c => d.appendChild(nodeElement(c)));
  if (n.childCount > (n.children || []).length) {
    const more = document.createElement('div');
    more.className = 'more';
    const shown = (n.children || []).length;
    more.innerHTML = `<a href="#">… ${n.childCount - shown} mục nữa — mở</a>`;
    more.querySelector('a').addEventListener('click', ev => { ev.preventDefault(); loadChildren(d, n, shown, more); });
    d.appendChild(more);
  }
  d.open = n.depth < 2 || !!stall;
  return d;
}

/** A body as "name" with its code on hover (the answers give each code's name beside it), or the code alone. */
function named(code, name) {
  if (!code) return '';
  return name ? `<span title="${esc(code)}">${esc(name)}</span>` : esc(code);
}

function namedList(codes, names) {
  return (codes || []).map((c, i) => named(c, (names || [])[i])).join(', ');
}

async function loadChildren(el, n, offset, moreEl) {
  const size = 50;
  const page = Math.floor(offset / size);
  try {
    const a = await api(nodePath(n.id) + `/chain?depth=2&size=${size}&page=${page}` + asOfParam());
    const kids = a.data.root.children.slice(offset - page * size);
    kids.forEach(c => { c.depth = n.depth + 1; el.insertBefore(nodeElement(c), moreEl); });
    const shown = offset + kids.length;
    if (shown >= n.childCount || !kids.length) moreEl.remove();
    else {
      moreEl.innerHTML = `<a href="#">… ${n.childCount - shown} mục nữa — mở</a>`;
      moreEl.querySelector('a').onclick = ev => { ev.preventDefault(); loadChildren(el, n, shown, moreEl); };
    }
    el.open = true;
  } catch (e) {
    moreEl.textContent = 'Lỗi: ' + e.message;
  }
}

async function showChain(id) {
  currentRoot = id;
  const depth = $('depth').value;
  const afterDays = $('afterDays').value || 7;
  $('tree').innerHTML = '<p class="muted">Đang tải…</p>';
  try {
    const [chain, st] = await Promise.all([
      api(nodePath(id) + `/chain?depth=${depth}` + asOfParam()),
      api(nodePath(id) + `/stalls?afterDays=${afterDays}&limit=500` + asOfParam()),
    ]);
    stalls = new Map();
    const byNode = new Map();
    for (const it of st.data.items) {
      if (!byNode.has(it.nodeId)) byNode.set(it.nodeId, []);
      byNode.get(it.nodeId).push(it);
    }
    for (const [nodeId, items] of byNode) {
      const count = r => items.filter(i => i.reason === r);
      const parts = [];
      const received = count('RECEIVED_NOT_ACTED'), silent = count('NEVER_ACKNOWLEDGED'), idle = count('TASK_NOT_STARTED');
      const days = xs => Math.max(...xs.map(i => i.days));
      if (received.length) parts.push(`${received.length} nơi nhận chưa xử lý (đến ${days(received)} ngày)`);
      if (silent.length) parts.push(`${silent.length} nơi chưa phản hồi (${days(silent)} ngày)`);
      if (idle.length) parts.push(`chưa triển khai sau ${days(idle)} ngày`);
      const detail = items.map(i => `${i.bodyName || i.body}: ${i.reason === 'RECEIVED_NOT_ACTED' ? 'nhận, chưa xử lý'
        : i.reason === 'NEVER_ACKNOWLEDGED' ? 'chưa phản hồi' : 'chưa triển khai'} ${i.days} ngày (từ ${i.since})`).join('\n');
      stalls.set(nodeId, {text: parts.join(' · '), detail});
    }
    const d = st.data;
    $('stallSummary').innerHTML = `Chậm quá ${d.afterDays} ngày (tính đến ${esc(d.cutoff)}): `
      + `<b>${fmt(d.receivedNotActed)}</b> nơi nhận chưa xử lý · <b>${fmt(d.neverAcknowledged)}</b> chưa phản hồi · `
      + `<b>${fmt(d.tasksNotStarted)}</b> nhiệm vụ chưa triển khai · tắc sâu nhất ở cấp ${d.deepestLevel}`;
    $('tree').innerHTML = '';
    $('tree').appendChild(nodeElement(chain.data.root));
    showAnsweredAt(chain);
  } catch (e) {
    $('tree').innerHTML = `<p class="error">${esc(e.status === 404 ? 'Không có văn bản này (tại thời điểm đã chọn).' : e.message)}</p>`;
    $('stallSummary').textContent = '';
  }
}

async function search(q) {
  const hits = $('hits');
  hits.innerHTML = '';
  if (!q.trim()) return;
  try {
    const a = await api('/api/search/directives?limit=20&q=' + encodeURIComponent(q) + recordedAsOfParam());
    if (!a.data.hits.length) hits.innerHTML = '<li class="muted">Không tìm thấy.</li>';
    for (const h of a.data.hits) {
      const li = document.createElement('li');
      li.innerHTML = `<span class="sym">${esc(h.symbol)}</span>${esc(h.subject)} <span class="muted">— ${esc(h.issuerName || h.issuingBodyCode)}, ${esc(h.issuedOn)}</span>`;
      li.onclick = () => { [...hits.children].forEach(x => x.classList.remove('sel')); li.classList.add('sel'); showChain(h.directiveId); };
      hits.appendChild(li);
    }
  } catch (e) {
    hits.innerHTML = `<li class="error">${esc(e.message)}</li>`;
  }
}

// ------------------------------------------------------------------ (b) the dashboard

const SVG = 'http://www.w3.org/2000/svg';

function svgEl(name, attrs, text) {
  const e = document.createElementNS(SVG, name);
  Object.entries(attrs || {}).forEach(([k, v]) => e.setAttribute(k, v));
  if (text != null) e.textContent = text;
  return e;
}

function statusChart(d) {
  const rows = [
    ['Được giao', d.assigned, '#12355b'],
    ['Đang mở', d.open, '#627d98'],
    ['Sắp đến hạn (' + d.dueWithinDays + ' ngày)', d.dueSoon, '#3b82f6'],
    ['Quá hạn', d.overdue, '#dc2626'],
    ['Không có hạn cụ thể', d.openWithoutDueDate, '#9aa5b1'],
    ['Hoàn thành đúng hạn', d.doneOnTime, '#16a34a'],
    ['Hoàn thành trễ hạn', d.doneLate, '#f59e0b'],
    ['Hủy / dừng', d.cancelled, '#52606d'],
  ];
  const W = 480, left = 160, rowH = 22, H = rows.length * rowH + 8;
  const max = Math.max(1, ...rows.map(r => r[1] || 0));
  const svg = svgEl('svg', {width: '100%', viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': 'số nhiệm vụ theo tình trạng'});
  rows.forEach((r, i) => {
    const y = 4 + i * rowH;
    const w = (W - left - 50) * (r[1] || 0) / max;
    svg.appendChild(svgEl('text', {x: left - 6, y: y + 14, 'text-anchor': 'end'}, r[0]));
    svg.appendChild(svgEl('rect', {x: left, y: y + 3, width: W - left - 50, height: 14, fill: '#f0f4f8', rx: 2}));
    svg.appendChild(svgEl('rect', {x: left, y: y + 3, width: Math.max(w, r[1] ? 2 : 0), height: 14, fill: r[2], rx: 2}));
    svg.appendChild(svgEl('text', {x: left + w + 5, y: y + 14, class: 'val'}, fmt(r[1])));
  });
  return svg;
}

function trendChart(trends) {
  const W = 480, H = 200, left = 34, bottom = 40, top = 14;
  const svg = svgEl('svg', {width: '100%', viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': 'xu hướng theo tháng'});
  if (!trends.length) {
    svg.appendChild(svgEl('text', {x: W / 2, y: H / 2, 'text-anchor': 'middle'}, 'Chưa có dữ liệu'));
    return svg;
  }
  const tick = Math.max(1, Math.ceil(Math.max(1, ...trends.map(t => Math.max(t.assigned, t.doneOnTime, t.doneLate))) / 4));
  const max = tick * 4;
  const plotH = H - bottom - top;
  const step = (W - left - 10) / trends.length;
  const bw = Math.min(22, step / 3.5);
  const y = v => top + plotH - plotH * v / max;
  for (let k = 0; k <= 4; k++) {
    const v = tick * k;
    svg.appendChild(svgEl('line', {x1: left, x2: W - 6, y1: y(v), y2: y(v), stroke: '#e4e7eb'}));
    svg.appendChild(svgEl('text', {x: left - 4, y: y(v) + 4, 'text-anchor': 'end'}, v));
  }
  trends.forEach((t, i) => {
    const x0 = left + i * step + step / 2 - 1.5 * bw;
    const bars = [[t.assigned, '#bcccdc', 'được giao'], [t.doneOnTime, '#16a34a', 'đúng hạn'], [t.doneLate, '#f59e0b', 'trễ hạn']];
    bars.forEach((b, j) => {
      const rect = svgEl('rect', {x: x0 + j * bw, y: y(b[0]), width: bw - 2, height: top + plotH - y(b[0]), fill: b[1]});
      rect.appendChild(svgEl('title', {}, `${t.month}: ${b[2]} ${b[0]}`));
      svg.appendChild(rect);
      if (b[0]) svg.appendChild(svgEl('text', {x: x0 + j * bw + (bw - 2) / 2, y: y(b[0]) - 2, 'text-anchor': 'middle', class: 'val'}, b[0]));
    });
    svg.appendChild(svgEl('text', {x: left + i * step + step / 2, y: H - 22, 'text-anchor': 'middle'}, t.month));
  });
  const lg = [['được giao', '#bcccdc'], ['đúng hạn', '#16a34a'], ['trễ hạn', '#f59e0b']];
  lg.forEach((l, i) => {
    svg.appendChild(svgEl('rect', {x: left + 4 + i * 90, y: H - 8, width: 9, height: 8, fill: l[1]}));
    svg.appendChild(svgEl('text', {x: left + 16 + i * 90, y: H - 1}, l[0]));
  });
  return svg;
}

async function showDashboard() {
  const code = $('body').value.trim();
  if (!code) return;
  const url = `/api/bodies/${encodeURIComponent(code)}/dashboard?subtree=${$('subtree').checked}&dueWithinDays=${$('dueWithin').value || 7}` + asOfParam();
  try {
    const a = await api(url);
    const d = a.data;
    const rate = d.onTimeRate == null ? '—' : Math.round(100 * d.onTimeRate) + '%';
    $('dashTitle').innerHTML = `<b>${esc(d.name)}</b> (${esc(d.bodyCode)}, ${esc(d.level)}${d.subtree ? ', cả cấp dưới' : ''}) · ngày ${esc(d.today)} · tỷ lệ đúng hạn <b>${rate}</b>`;
    $('statusChart').replaceChildren(statusChart(d));
    $('trendChart').replaceChildren(trendChart(d.trends || []));
    showAnsweredAt(a);
  } catch (e) {
    $('dashTitle').innerHTML = `<span class="error">${esc(e.status === 404 ? 'Không có cơ quan ' + code : e.message)}</span>`;
    $('statusChart').replaceChildren();
    $('trendChart').replaceChildren();
  }
}

// ------------------------------------------------------------------ (c) read models and rebuilds

let modelsTimer = null;

function duration(seconds) {
  if (seconds < 60) return seconds + ' s';
  if (seconds < 3600) return Math.floor(seconds / 60) + ' ph ' + String(seconds % 60).padStart(2, '0') + ' s';
  return Math.floor(seconds / 3600) + ' giờ ' + String(Math.floor(seconds % 3600 / 60)).padStart(2, '0') + ' ph';
}

function generationCell(g) {
  if (!g) return '<span class="muted">—</span>';
  if (g.state === 'ACTIVE') {
    return `<b>g${g.generation}</b> <span class="muted" title="vị trí đã xử lý / đầu dòng sự kiện · ${esc(g.mode)}">${fmt(g.position)}/${fmt(g.head)}</span>`
      + (g.error ? ` <span class="error" title="${esc(g.error)}">lỗi, đang thử lại</span>` : '');
  }
  const p = g.progress || {};
  const rate = p.eventsPerSecond == null ? '… sự kiện/s' : fmt(Math.round(p.eventsPerSecond)) + ' sự kiện/s';
  const eta = g.state === 'READY' ? 'đã bắt kịp' : p.etaSeconds == null ? 'còn …' : 'còn ' + duration(p.etaSeconds);
  return `<div class="progress ${g.state === 'READY' ? 'ready' : ''}" title="${esc(g.state)} · ${fmt(g.events)} sự kiện · ${p.elapsedSeconds ?? 0} s">`
    + `<span style="width:${p.percent || 0}%"></span><em>g${g.generation} · ${p.percent ?? 0}%</em></div>`
    + `<div class="rate">${rate} · ${eta}</div>`
    + (g.error ? `<div class="error" title="${esc(g.error)}">lỗi, đang thử lại</div>` : '');
}

async function showModels() {
  clearTimeout(modelsTimer);
  let busy = false;
  try {
    const s = await api('/api/admin/read-models');
    const rows = s.models.map(m => {
      busy = busy || (m.rebuild && m.rebuild.state === 'BUILDING');
      const ready = m.rebuild && m.rebuild.state === 'READY'
        ? ` <button data-activate="${esc(m.name)}" data-gen="${m.rebuild.generation}">kích hoạt</button>` : '';
      return `<tr><td><b>${esc(m.name)}</b></td><td>${generationCell(m.active)}</td><td>${generationCell(m.rebuild)}${ready}</td>`
        + `<td><button data-rebuild="${esc(m.name)}" ${m.rebuild ? 'disabled' : ''}>dựng lại</button></td></tr>`;
    });
    $('models').innerHTML = `<table class="models"><tr><th>mô hình</th><th>đang dùng</th><th>đang dựng lại</th><th></th></tr>${rows.join('')}</table>`
      + `<div class="muted">đầu dòng sự kiện: vị trí ${fmt(s.head)}</div>`;
    $('models').querySelectorAll('[data-rebuild]').forEach(b => b.onclick = () => rebuild(b.dataset.rebuild));
    $('models').querySelectorAll('[data-activate]').forEach(b => b.onclick = () => activate(b.dataset.activate, b.dataset.gen));
    $('rebuildAll').disabled = false;
  } catch (e) {
    $('models').innerHTML = `<p class="muted">${esc(e.status === 403 ? 'Chỉ quản trị viên (ADMIN) xem và dựng lại mô hình đọc.' : e.message)}</p>`;
    $('rebuildAll').disabled = true;
  }
  modelsTimer = setTimeout(showModels, busy ? 1000 : 4000);
}

async function rebuild(name) {
  try {
    await api(`/api/admin/read-models/${encodeURIComponent(name)}/rebuild`, {method: 'POST'});
    $('rebuildNote').textContent = `đã bắt đầu dựng lại: ${name}`;
  } catch (e) {
    $('rebuildNote').textContent = e.message;
  }
  showModels();
}

async function activate(name, gen) {
  try {
    await api(`/api/admin/read-models/${encodeURIComponent(name)}/generations/${gen}/activate`, {method: 'POST'});
  } catch (e) {
    $('rebuildNote').textContent = e.message;
  }
  showModels();
}

// ------------------------------------------------------------------ wiring

function refreshAll() {
  if (currentRoot) showChain(currentRoot);
  showDashboard();
}

function fromQuery() {
  const p = new URLSearchParams(location.search);
  if (p.get('asOf')) $('asOf').value = p.get('asOf');
  if (p.get('onDay')) $('onDay').value = p.get('onDay');
  if (p.get('body')) $('body').value = p.get('body');
  if (p.get('depth')) $('depth').value = p.get('depth');
  return p.get('directive') || p.get('task') || DEMO_DIRECTIVE;
}

document.addEventListener('DOMContentLoaded', () => {
  legend();
  const first = fromQuery();
  $('chainForm').addEventListener('submit', ev => { ev.preventDefault(); search($('search').value); });
  $('dashForm').addEventListener('submit', ev => { ev.preventDefault(); showDashboard(); });
  $('depth').addEventListener('change', () => currentRoot && showChain(currentRoot));
  $('afterDays').addEventListener('change', () => currentRoot && showChain(currentRoot));
  $('subtree').addEventListener('change', showDashboard);
  $('asOf').addEventListener('change', refreshAll);
  $('onDay').addEventListener('change', refreshAll);
  $('asOfClear').addEventListener('click', () => { $('asOf').value = ''; $('onDay').value = ''; refreshAll(); });
  $('rebuildAll').addEventListener('click', () => rebuild('all'));
  showChain(first);
  showDashboard();
  showModels();
});
