// a11y_web.js - the accessible DOM layer (an Emscripten --js-library, next to platform_web.js).
//
// Index
//   - MFA11Y.init        the skip link (first Tab stop), the layer (<main>, dialog, live regions);
//                        its styles are in web/style.css (no inline styles: the page's CSP)
//   - MFA11Y.update      builds / updates the DOM from the app's record of the frame (app_a11y_json)
//   - MFA11Y.build       one DOM node per item: headings, texts, notices, progress, buttons, radios,
//                        checkboxes, text fields, selects, tables; radios and checkboxes grouped per
//                        question
//   - MFA11Y.table       a recorded table as <table> with <caption>, <th scope="col">, <th scope="row">
//   - MFA11Y.focus       focus after a change of screen, a dialog opening or closing, a removed node
//   - events             a click / change / typing in the DOM goes back to the app (mf_web_a11y_act)
//   - mf_js_a11y_*       what platform_web.cpp calls
//
// The canvas is invisible to screen readers. This layer mirrors the current screen as plain HTML
// with native controls, built from the same record the app makes of every frame (src/app/a11y.cpp),
// so it always shows what the canvas shows and every new screen is mirrored without code here.
// Nodes are kept by stable id between updates, so focus and a screen reader's place survive.
//
// Seen and unseen: the layer is visually hidden (screen-reader only) while the focus is elsewhere,
// and becomes a visible, scrollable panel over the canvas while it has the focus (CSS :focus-within),
// so a sighted keyboard user always sees where the focus is (WCAG 2.4.7). Escape leaves it.

mergeInto(LibraryManager.library, {
  $MFA11Y__deps: ['malloc', 'free'],
  $MFA11Y: {
    root: null,       // <div id="mf-a11y">: everything of the layer
    main: null,       // <main>: the screen
    dialog: null,     // <div role="dialog">: the open modal's items
    live: null,       // polite live region: notices that appear
    skip: null,       // the skip link
    nodes: null,      // Map key -> node (kept between updates)
    counter: 0,
    view: null,       // the app's view key of the last update
    lang: 'da',
    noticesSeen: null, // notice texts of the last update (a new one is announced)
    liveSaid: [],      // what the live region says now (emptied when none of it is on screen)
    returnFocus: null, // key of the node focused before a dialog opened
    dialogKeys: { def: '', esc: '' }, // the open dialog's buttons for Enter and Escape (item ids)

    // The layer's own words (skip link, its name, the leave hint, a select's placeholder) in the
    // language shown: they come with every update from the app's text table (app_a11y_json "texts").
    text: { skip: '', name: '', leave: '', choose: '', statement: '', statementUrl: '' },

    init: function () {
      if (MFA11Y.root) return;
      MFA11Y.nodes = new Map();
      MFA11Y.noticesSeen = new Set();
      var skip = document.createElement('a');
      skip.id = 'mf-skip';
      skip.href = '#mf-a11y-main';
      skip.addEventListener('click', function (e) {
        e.preventDefault();
        MFA11Y.focusScreen();
      });
      document.body.insertBefore(skip, document.body.firstChild);
      MFA11Y.skip = skip;

      var root = document.createElement('div');
      root.id = 'mf-a11y';
      var col = document.createElement('div');
      col.className = 'mf-col';
      var main = document.createElement('main');
      main.id = 'mf-a11y-main';
      main.tabIndex = -1;
      var footer = document.createElement('footer'); // a landmark of its own: every text is in one
      var hint = document.createElement('p');
      hint.className = 'muted';
      hint.id = 'mf-a11y-leave';
      var statement = document.createElement('a'); // the accessibility statement, on every screen
      statement.id = 'mf-a11y-statement';
      statement.target = '_blank';
      statement.rel = 'noopener';
      footer.appendChild(hint);
      footer.appendChild(statement);
      var live = document.createElement('div');
      live.className = 'sr-only';
      live.setAttribute('aria-live', 'polite');
      live.setAttribute('role', 'status');
      col.appendChild(main);
      col.appendChild(footer);
      col.appendChild(live);
      root.appendChild(col);
      var canvas = document.getElementById('canvas');
      if (canvas) {
        canvas.setAttribute('aria-hidden', 'true'); // the layer is what assistive technology reads
        canvas.parentNode.insertBefore(root, canvas.nextSibling);
      } else {
        document.body.appendChild(root);
      }
      MFA11Y.root = root;
      MFA11Y.main = main;
      MFA11Y.col = col;
      MFA11Y.live = live;
      MFA11Y.leaveHint = hint;
      MFA11Y.statementLink = statement;

      root.addEventListener('click', MFA11Y.onClick);
      root.addEventListener('change', MFA11Y.onChange);
      root.addEventListener('input', MFA11Y.onInput);
      root.addEventListener('focusout', MFA11Y.onFocusOut);
      root.addEventListener('keydown', function (e) {
        if (e.key === 'Escape' && !MFA11Y.dialog) {
          e.preventDefault();
          document.activeElement.blur(); // back to the canvas: the layer hides again
        } else if (MFA11Y.dialog && e.key === 'Escape' && MFA11Y.dialogKeys.esc) {
          e.preventDefault(); // a dialog: Escape is its cancel button, as in the drawn view
          MFA11Y.act(MFA11Y.dialogKeys.esc, 'press');
        } else if (MFA11Y.dialog && e.key === 'Enter' && MFA11Y.dialogKeys.def &&
                   !(e.target.closest && e.target.closest('button, textarea, select'))) {
          e.preventDefault(); // Enter on anything but a button of its own: the default button
          MFA11Y.act(MFA11Y.dialogKeys.def, 'press');
        }
      });
      // A press on the canvas means the user works there: the layer lets go of the focus.
      if (canvas) canvas.addEventListener('mousedown', function () {
        if (root.contains(document.activeElement)) document.activeElement.blur();
      }, true);
    },

    // --- DOM -> app -------------------------------------------------------------------------
    act: function (id, action, value) {
      if (MFA11Y.updating) return; // a node removed while updating lost the focus: not the user's doing
      var args = [id, action, value || ''];
      var ptrs = args.map(function (s) {
        var len = lengthBytesUTF8(s) + 1;
        var p = _malloc(len);
        stringToUTF8(s, p, len);
        return p;
      });
      _mf_web_a11y_act(ptrs[0], ptrs[1], ptrs[2]);
      ptrs.forEach(function (p) { _free(p); });
    },
    itemId: function (el) {
      var n = el && el.closest ? el.closest('[data-mf-id]') : null;
      return n ? n.getAttribute('data-mf-id') : null;
    },
    onClick: function (e) {
      var b = e.target.closest('button');
      if (!b || !MFA11Y.root.contains(b) || b.disabled) return;
      MFA11Y.act(b.getAttribute('data-mf-id'), 'press');
    },
    onChange: function (e) {
      var el = e.target;
      var id = el.getAttribute('data-mf-id');
      if (!id) return;
      if (el.type === 'radio' || el.type === 'checkbox') MFA11Y.act(id, 'press');
      else if (el.tagName === 'SELECT' || el.type === 'date') MFA11Y.act(id, 'set', el.value);
    },
    onInput: function (e) {
      var el = e.target;
      var id = el.getAttribute('data-mf-id');
      if (id && (el.tagName === 'TEXTAREA' || el.type === 'text')) MFA11Y.act(id, 'set', el.value);
    },
    onFocusOut: function (e) {
      var el = e.target;
      var id = el.getAttribute && el.getAttribute('data-mf-id');
      if (id && (el.tagName === 'TEXTAREA' || el.type === 'text' || el.type === 'date' || el.tagName === 'SELECT')) MFA11Y.act(id, 'leave');
    },

    // --- app -> DOM -------------------------------------------------------------------------
    newId: function () { return 'mfa-' + (++MFA11Y.counter); },

    // The node for `key`, made by `make` the first time (and again when its tag must change).
    node: function (key, tag, make) {
      var n = MFA11Y.nodes.get(key);
      if (n && n.getAttribute('data-mf-tag') === tag) return n;
      n = make();
      n.setAttribute('data-mf-tag', tag);
      if (!n.id) n.id = MFA11Y.newId();
      MFA11Y.nodes.set(key, n);
      return n;
    },
    setText: function (el, text) { if (el.textContent !== text) el.textContent = text; },
    setAttr: function (el, name, value) {
      if (value === null || value === undefined || value === false) {
        if (el.hasAttribute(name)) el.removeAttribute(name);
      } else if (el.getAttribute(name) !== String(value)) {
        el.setAttribute(name, String(value));
      }
    },

    // A node for one item (or null for kinds the layer does not show).
    build: function (it, key, inDialog) {
      var t = MFA11Y.text;
      var k = it.k;
      if (k === 'heading') {
        var level = Math.min(6, (it.lv || 1) + (inDialog ? 1 : 0));
        var h = MFA11Y.node(key, 'h' + level, function () {
          var e = document.createElement('h' + level);
          e.tabIndex = -1; // focus lands here when the screen changes
          return e;
        });
        MFA11Y.setText(h, it.l);
        return h;
      }
      if (k === 'text' || k === 'muted' || k === 'strong' || k === 'bar' || k === 'bullet') {
        var p = MFA11Y.node(key, k, function () {
          var e = document.createElement(k === 'bullet' ? 'li' : 'p');
          if (k === 'muted') e.className = 'muted';
          return e;
        });
        var text = k === 'bar' ? it.l + ': ' + (it.v || '–') : it.l;
        if (k === 'strong') {
          if (!p.firstChild || p.firstChild.tagName !== 'STRONG') { p.textContent = ''; p.appendChild(document.createElement('strong')); }
          MFA11Y.setText(p.firstChild, text);
        } else {
          MFA11Y.setText(p, text);
        }
        return p;
      }
      if (k === 'notice') {
        var n = MFA11Y.node(key, 'notice', function () { return document.createElement('p'); });
        n.className = 'notice ' + (it.tone || 'info');
        MFA11Y.setText(n, it.l);
        return n;
      }
      if (k === 'progress') {
        var pr = MFA11Y.node(key, 'progress', function () {
          var e = document.createElement('progress');
          e.max = 100;
          return e;
        });
        pr.value = Number(it.v || 0);
        MFA11Y.setAttr(pr, 'aria-label', it.l);
        MFA11Y.setText(pr, (it.v || 0) + ' %');
        return pr;
      }
      if (k === 'chart') {
        var c = MFA11Y.node(key, 'chart', function () {
          var e = document.createElement('div');
          e.setAttribute('role', 'img');
          return e;
        });
        MFA11Y.setAttr(c, 'aria-label', it.l);
        return c;
      }
      if (k === 'table') return MFA11Y.table(it, key);
      if (k === 'button' || k === 'disclosure') {
        var b = MFA11Y.node(key, 'button', function () {
          var e = document.createElement('button');
          e.type = 'button';
          return e;
        });
        b.setAttribute('data-mf-id', it.id);
        MFA11Y.setText(b, it.l);
        b.disabled = !!it.off;
        // The language buttons are toggles; the steps and other "current" buttons mark where you are.
        if (k === 'disclosure') MFA11Y.setAttr(b, 'aria-expanded', it.c ? 'true' : 'false');
        else if (/^lang-/.test(it.id)) MFA11Y.setAttr(b, 'aria-pressed', it.c ? 'true' : 'false');
        else MFA11Y.setAttr(b, 'aria-current', it.c ? (/^step-/.test(it.id) ? 'step' : 'true') : null);
        return b;
      }
      if (k === 'radio' || k === 'checkbox') {
        var row = MFA11Y.node(key, k, function () {
          var e = document.createElement('div');
          e.className = 'choice';
          var input = document.createElement('input');
          input.type = k;
          input.id = MFA11Y.newId();
          var label = document.createElement('label');
          label.htmlFor = input.id;
          e.appendChild(input);
          e.appendChild(label);
          return e;
        });
        var inp = row.firstChild;
        inp.setAttribute('data-mf-id', it.id);
        inp.name = MFA11Y.groupOf(it.id);
        if (inp.checked !== !!it.c) inp.checked = !!it.c;
        MFA11Y.setText(row.lastChild, it.l);
        return row;
      }
      if (k === 'input' || k === 'combo' || k === 'date') {
        // A date is the browser's own date field (its calendar, keyboard use and format included);
        // its value is the ISO date the app holds.
        var tag = k === 'combo' ? 'select' : it.ml ? 'textarea' : k === 'date' ? 'input-date' : 'input';
        var f = MFA11Y.node(key, 'field-' + tag, function () {
          var e = document.createElement('div');
          e.className = 'field';
          var label = document.createElement('label');
          var hint = document.createElement('p');
          hint.className = 'muted';
          hint.id = MFA11Y.newId();
          var ctl = document.createElement(tag === 'input-date' ? 'input' : tag);
          if (tag === 'input') { ctl.type = 'text'; ctl.autocomplete = 'off'; }
          if (tag === 'input-date') ctl.type = 'date';
          if (tag === 'textarea') ctl.rows = 3;
          ctl.id = MFA11Y.newId();
          label.htmlFor = ctl.id;
          var err = document.createElement('p');
          err.className = 'error';
          err.id = MFA11Y.newId();
          e.appendChild(label);
          e.appendChild(hint);
          e.appendChild(ctl);
          e.appendChild(err);
          return e;
        });
        var lab = f.childNodes[0], hintEl = f.childNodes[1], ctl = f.childNodes[2], errEl = f.childNodes[3];
        ctl.setAttribute('data-mf-id', it.id);
        MFA11Y.setText(lab, it.l);
        MFA11Y.setText(hintEl, it.hint || '');
        hintEl.hidden = !it.hint;
        MFA11Y.setText(errEl, it.msg || '');
        errEl.hidden = !it.msg;
        var described = [];
        if (it.hint) described.push(hintEl.id);
        if (it.msg) described.push(errEl.id);
        MFA11Y.setAttr(ctl, 'aria-describedby', described.length ? described.join(' ') : null);
        MFA11Y.setAttr(ctl, 'aria-invalid', it.msg ? 'true' : null);
        if (k === 'combo') {
          var opts = (it.v ? [] : [['', it.placeholder || t.choose]]).concat(it.opts || []);
          var sig = JSON.stringify(opts);
          if (ctl.getAttribute('data-mf-opts') !== sig) {
            ctl.textContent = '';
            opts.forEach(function (o) {
              var op = document.createElement('option');
              op.value = o[0];
              op.textContent = o[1];
              ctl.appendChild(op);
            });
            ctl.setAttribute('data-mf-opts', sig);
          }
          if (ctl.value !== (it.v || '')) ctl.value = it.v || '';
        } else if (ctl.value !== (it.v || '') && document.activeElement !== ctl) {
          ctl.value = it.v || ''; // never under the caret of someone typing
        }
        return f;
      }
      return null; // 'option' and unknown kinds
    },

    // A recorded table (it.cols: column headers; it.rows: rows of [text, id] cells, the row header
    // first). The table, its caption and head are kept; rows and cells are reused by position and
    // only their text is changed, so a screen reader's place in the table survives an update (the
    // figures change while files arrive). A cell with an id carries it as data-mf-cell.
    table: function (it, key) {
      var tb = MFA11Y.node(key, 'table', function () {
        var e = document.createElement('table');
        e.appendChild(document.createElement('caption'));
        e.appendChild(document.createElement('thead')).appendChild(document.createElement('tr'));
        e.appendChild(document.createElement('tbody'));
        return e;
      });
      MFA11Y.setText(tb.caption, it.l);
      MFA11Y.cells(tb.tHead.rows[0], (it.cols || []).map(function (c) { return [c, '']; }), 'col');
      var body = tb.tBodies[0], rows = it.rows || [];
      while (body.rows.length > rows.length) body.deleteRow(-1);
      rows.forEach(function (r, i) {
        MFA11Y.cells(i < body.rows.length ? body.rows[i] : body.insertRow(-1), r, 'row');
      });
      return tb;
    },
    // The cells of one table row: headers (th with `scope`) for a head row or a row's first cell.
    cells: function (tr, cells, scope) {
      while (tr.cells.length > cells.length) tr.deleteCell(-1);
      cells.forEach(function (c, i) {
        var tag = scope === 'col' || i === 0 ? 'TH' : 'TD';
        var cell = tr.cells[i];
        if (!cell || cell.tagName !== tag) {
          var made = document.createElement(tag);
          if (tag === 'TH') made.scope = scope;
          if (cell) tr.replaceChild(made, cell);
          else tr.appendChild(made);
          cell = made;
        }
        MFA11Y.setText(cell, c[0]);
        MFA11Y.setAttr(cell, 'data-mf-cell', c[1] || null);
      });
    },

    // Radios and checkboxes of one question share the id up to the last ':' ("q:job_ads:often").
    groupOf: function (id) {
      var i = id.lastIndexOf(':');
      return i > 0 ? id.slice(0, i) : id;
    },

    // Puts `children` into `parent` in this order, moving as few nodes as possible (a moved node
    // loses the focus) and removing the rest.
    place: function (parent, children) {
      var want = new Set(children);
      for (var c = parent.firstChild; c;) {
        var next = c.nextSibling;
        if (!want.has(c)) parent.removeChild(c);
        c = next;
      }
      var cur = parent.firstChild;
      children.forEach(function (ch) {
        if (cur === ch) { cur = cur.nextSibling; return; }
        parent.insertBefore(ch, cur);
      });
    },

    // The items of one container (the screen or a dialog) as nodes: radios and checkboxes of a
    // question in a fieldset named by the question, list lines in a list.
    buildList: function (items, prefix, used, inDialog) {
      var out = [];
      var count = {};
      var lastLabel = null; // the last bold text or heading: names the next group of choices
      for (var i = 0; i < items.length; i++) {
        var it = items[i];
        if (it.k === 'radio' || it.k === 'checkbox') {
          var group = MFA11Y.groupOf(it.id);
          var fs = MFA11Y.node(prefix + 'g:' + group, 'fieldset', function () {
            var e = document.createElement('fieldset');
            e.appendChild(document.createElement('legend'));
            return e;
          });
          var members = [];
          while (i < items.length && (items[i].k === 'radio' || items[i].k === 'checkbox') && MFA11Y.groupOf(items[i].id) === group) {
            var m = MFA11Y.build(items[i], prefix + 'c:' + items[i].id, inDialog);
            used.add(prefix + 'c:' + items[i].id);
            members.push(m);
            i++;
          }
          i--;
          used.add(prefix + 'g:' + group);
          // The question's text names the group (its legend); what was drawn between the text and
          // the choices (help, "clear answer") goes into the group after it.
          var legend = fs.firstChild;
          var between = [];
          if (lastLabel && out[lastLabel.index] === lastLabel.node) {
            between = out.splice(lastLabel.index).slice(1);
            MFA11Y.setText(legend, lastLabel.text);
          } else {
            MFA11Y.setText(legend, '');
          }
          legend.hidden = !legend.textContent;
          MFA11Y.place(fs, [legend].concat(between, members));
          out.push(fs);
          lastLabel = null;
          continue;
        }
        if (it.k === 'bullet') {
          var listKey = prefix + 'ul:' + i;
          var list = MFA11Y.node(listKey, 'ul', function () { return document.createElement('ul'); });
          var lines = [];
          while (i < items.length && items[i].k === 'bullet') {
            var lk = prefix + 'li:' + items[i].l;
            count[lk] = (count[lk] || 0) + 1;
            lk += '#' + count[lk];
            lines.push(MFA11Y.build(items[i], lk, inDialog));
            used.add(lk);
            i++;
          }
          i--;
          used.add(listKey);
          MFA11Y.place(list, lines);
          out.push(list);
          lastLabel = null;
          continue;
        }
        var key;
        if (it.id) key = prefix + 'c:' + it.id;
        else {
          key = prefix + 't:' + it.k + ':' + it.l;
          count[key] = (count[key] || 0) + 1;
          key += '#' + count[key];
        }
        var node = MFA11Y.build(it, key, inDialog);
        if (!node) continue;
        used.add(key);
        // A screen's title (h1) stays a heading: the focus lands on it when the screen changes.
        if (it.k === 'strong' || (it.k === 'heading' && (it.lv || 1) > 1)) lastLabel = { node: node, index: out.length, text: it.l };
        else if (it.k !== 'button' && it.k !== 'notice') lastLabel = null; // help and "clear" may sit between
        out.push(node);
      }
      return out;
    },

    update: function (state) {
      MFA11Y.init();
      MFA11Y.updating = true;
      try {
        MFA11Y.apply(state);
      } finally {
        MFA11Y.updating = false;
      }
    },

    apply: function (state) {
      var root = MFA11Y.root;
      var active = document.activeElement;
      var hadFocus = root.contains(active);
      var focusedKey = null;
      if (hadFocus) MFA11Y.nodes.forEach(function (n, key) { if (!focusedKey && n.contains(active)) focusedKey = key; });

      var lang = state.lang === 'en' ? 'en' : 'da';
      MFA11Y.lang = lang;
      var t = state.texts || MFA11Y.text;
      MFA11Y.text = t;
      document.documentElement.lang = lang;
      MFA11Y.setText(MFA11Y.skip, t.skip);
      MFA11Y.setAttr(MFA11Y.main, 'aria-label', t.name);
      MFA11Y.setText(MFA11Y.leaveHint, t.leave);
      MFA11Y.setText(MFA11Y.statementLink, t.statement);
      MFA11Y.setAttr(MFA11Y.statementLink, 'href', t.statementUrl);
      root.style.fontSize = (18 * (state.scale || 1)) + 'px';

      // The screen and the modal (drawn on top of it) are separate containers.
      var screenItems = [], dialogItems = [], dialogName = '';
      MFA11Y.dialogKeys = { def: '', esc: '' };
      state.items.forEach(function (it) {
        if (it.dlg) { dialogItems.push(it); dialogName = it.dlg; }
        else screenItems.push(it);
        if (it.dlg && it.def) MFA11Y.dialogKeys.def = it.id;
        if (it.dlg && it.esc) MFA11Y.dialogKeys.esc = it.id;
      });
      var used = new Set();
      MFA11Y.place(MFA11Y.main, MFA11Y.buildList(screenItems, '', used, false));

      var wasDialog = MFA11Y.dialog ? MFA11Y.dialog.getAttribute('data-mf-dialog') : '';
      if (dialogItems.length) {
        var d = MFA11Y.node('dialog:' + dialogName, 'dialog', function () {
          var e = document.createElement('div');
          e.setAttribute('role', 'dialog');
          e.setAttribute('aria-modal', 'true');
          e.setAttribute('data-mf-dialog', dialogName);
          return e;
        });
        used.add('dialog:' + dialogName);
        var dl = MFA11Y.buildList(dialogItems, 'dialog:' + dialogName + ':', used, true);
        MFA11Y.place(d, dl);
        var heading = d.querySelector('h1, h2, h3');
        MFA11Y.setAttr(d, 'aria-labelledby', heading ? heading.id : null);
        if (d.parentNode !== MFA11Y.col) MFA11Y.col.insertBefore(d, MFA11Y.main); // read (and seen) first
        MFA11Y.dialog = d;
      } else if (MFA11Y.dialog) {
        MFA11Y.dialog.remove();
        MFA11Y.dialog = null;
      }
      // While a modal is open, the screen under it can be neither read nor used (as in the canvas).
      MFA11Y.main.inert = !!MFA11Y.dialog;
      MFA11Y.nodes.forEach(function (n, key) { if (!used.has(key)) MFA11Y.nodes.delete(key); });

      // The screen under a dialog: "theme:2|import-error" is still "theme:2" once the dialog closes.
      var screenOf = function (v) { return v === null ? null : String(v).split('|')[0]; };
      var sameScreen = MFA11Y.view !== null && screenOf(MFA11Y.view) === screenOf(state.view);

      // The live region (there from the start, so readers notice it) says the app's status line (the
      // notice "notice": "Indlæst: …", "Gemt …") whenever it is new, and a boxed message that appears
      // on the same screen; on a new screen the focus is on its heading and the boxes are read in
      // order. Each is said once; when nothing it said is on screen any more, the region is emptied,
      // so nobody meets an old status ("Rapporten er åbnet i en ny fane …") later.
      var seen = new Set();
      var fresh = [];
      state.items.forEach(function (it) {
        if (it.k !== 'notice') return;
        seen.add(it.l);
        if (!MFA11Y.noticesSeen.has(it.l) && (it.id === 'notice' || sameScreen)) fresh.push(it.l);
      });
      MFA11Y.noticesSeen = seen;
      if (fresh.length && MFA11Y.view !== null) {
        MFA11Y.live.textContent = fresh.join(' ');
        MFA11Y.liveSaid = fresh;
      } else if (MFA11Y.live.textContent && !MFA11Y.liveSaid.some(function (x) { return seen.has(x); })) {
        MFA11Y.live.textContent = '';
        MFA11Y.liveSaid = [];
      }

      var viewChanged = MFA11Y.view !== null && MFA11Y.view !== state.view;
      var screenChanged = MFA11Y.view !== null && screenOf(MFA11Y.view) !== screenOf(state.view);
      MFA11Y.view = state.view;
      var nowDialog = MFA11Y.dialog ? dialogName : '';
      var heading1 = MFA11Y.main.querySelector('h1');
      if (heading1) document.title = heading1.textContent + ' – Mangfoldighedstjek';

      if (!hadFocus) return;
      if (nowDialog && nowDialog !== wasDialog) {
        MFA11Y.returnFocus = focusedKey;
        var first = MFA11Y.dialog.querySelector('h1, h2, h3') || MFA11Y.dialog.querySelector('button');
        if (first) first.focus();
      } else if (!nowDialog && wasDialog) {
        var back = MFA11Y.returnFocus && MFA11Y.nodes.get(MFA11Y.returnFocus);
        MFA11Y.returnFocus = null;
        if (back && back.isConnected && !screenChanged) MFA11Y.focusNode(back);
        else MFA11Y.focusScreen();
      } else if (viewChanged) {
        MFA11Y.focusScreen();
      } else if (!root.contains(document.activeElement)) {
        MFA11Y.focusScreen(); // the focused item went away (an answer cleared, a field removed)
      }
    },

    focusNode: function (n) {
      var target = n.matches('button, input, select, textarea, h1, h2, h3, h4') ? n : n.querySelector('input, select, textarea, button');
      (target || MFA11Y.main).focus();
    },
    // Focus on the screen's first heading (a screen reader reads it; Tab goes on from there).
    focusScreen: function () {
      var container = MFA11Y.dialog || MFA11Y.main;
      var h = container.querySelector('h1') || container.querySelector('h2, h3');
      (h || container).focus();
    },
  },

  mf_js_a11y_update__deps: ['$MFA11Y'],
  mf_js_a11y_update: function (ptr) {
    var json = UTF8ToString(ptr);
    // The first build of the layer waits until the first frame is on screen (start-up time);
    // later updates are immediate (the focus and the user's gesture depend on it).
    if (!MFA11Y.root) {
      var first = MFA11Y.firstJson === undefined;
      MFA11Y.firstJson = json;
      if (first) setTimeout(function () { MFA11Y.update(JSON.parse(MFA11Y.firstJson)); }, 0);
      return;
    }
    MFA11Y.update(JSON.parse(json));
  },

  // 1 when a key belongs to the page rather than to the canvas: the focus is in the layer or on the
  // skip link. 2 when it is a Tab while the canvas is not in use (`canvasInUse` 0: a fresh page, or
  // after Escape): the skip link, the page's first Tab stop, takes the focus from wherever it was (the
  // canvas, the hidden text field, the page itself), and the key is done.
  mf_js_a11y_owns_key__deps: ['$MFA11Y'],
  mf_js_a11y_owns_key: function (isTab, canvasInUse) {
    var a = document.activeElement;
    var onPage = a && a !== document.body && a.id !== 'canvas' && a.id !== 'mf-text-input';
    if (onPage) return 1;
    if (!isTab || canvasInUse) return 0;
    if (MFA11Y.skip) MFA11Y.skip.focus();
    return 2;
  },

  // The keyboard went past the drawn view's last item (or before its first): the page's Tab order
  // goes on at the skip link, so the keyboard is never kept in the canvas.
  mf_js_a11y_focus_skip_link__deps: ['$MFA11Y'],
  mf_js_a11y_focus_skip_link: function () {
    if (MFA11Y.skip) MFA11Y.skip.focus();
  },
});
