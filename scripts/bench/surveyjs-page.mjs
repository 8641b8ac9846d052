// surveyjs-page.mjs - the SurveyJS side of scripts/bench-web.mjs: converts one of our questionnaire
// files (docs/questionnaire-format.md) into a SurveyJS JSON model and writes a self-contained page
// that renders it with survey-core + survey-js-ui from node_modules (no CDN: nothing leaves localhost).
//
//   import { buildSurveyPage } from './bench/surveyjs-page.mjs';
//   const { dir, model, skipped } = buildSurveyPage({ questionnaire, lang: 'da', nodeModules });
//
// Mapping: profile -> first page, one page per theme; single -> radiogroup; yesno -> radiogroup
// yes/no/don't know; multiple -> checkbox; number -> text inputType number (min/max); text ->
// comment. visibleIf becomes a SurveyJS expression (every shape of our conditions has one). Not
// carried over: an "exclusive" option stays a plain checkbox choice (listed in `skipped`); scoring,
// recommendations and the action plan have no counterpart, so the SurveyJS page does less work.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const DONT_KNOW = { da: 'Ved ikke', en: "Don't know" };
const YES = { da: 'Ja', en: 'Yes' };
const NO = { da: 'Nej', en: 'No' };

// Our condition tree -> SurveyJS expression. Unanswered compares false except '!=' (true), which is
// also SurveyJS's behaviour for empty values; 'answered' is 'notempty'.
export function toExpression(c) {
  if (c.all) return c.all.map((x) => `(${toExpression(x)})`).join(' and ');
  if (c.any) return c.any.map((x) => `(${toExpression(x)})`).join(' or ');
  if (c.not) return `!(${toExpression(c.not)})`;
  const q = `{${c.question}}`;
  if (c.op === 'answered') return `${q} notempty`;
  const v = typeof c.value === 'number' ? String(c.value) : `'${c.value}'`;
  if (c.op === 'includes') return `${q} contains ${v}`;
  return `${q} ${c.op} ${v}`;
}

function convertQuestion(q, lang, skipped) {
  const t = (x) => (x ? x[lang] ?? Object.values(x)[0] : undefined);
  const base = { name: q.id, title: t(q.text) };
  if (q.help) base.description = t(q.help);
  if (q.required) base.isRequired = true;
  if (q.visibleIf) base.visibleIf = toExpression(q.visibleIf);
  switch (q.type) {
    case 'single':
      return { ...base, type: 'radiogroup', choices: q.options.map((o) => ({ value: o.id, text: t(o.text) })) };
    case 'yesno':
      return { ...base, type: 'radiogroup', choices: [
        { value: 'yes', text: YES[lang] }, { value: 'no', text: NO[lang] }, { value: 'dont_know', text: DONT_KNOW[lang] }] };
    case 'multiple':
      if (q.options.some((o) => o.exclusive)) skipped.push(`${q.id}: "exclusive" option is a plain checkbox`);
      return { ...base, type: 'checkbox', choices: q.options.map((o) => ({ value: o.id, text: t(o.text) })) };
    case 'number': {
      const r = { ...base, type: 'text', inputType: 'number' };
      if (q.min !== undefined) r.min = q.min;
      if (q.max !== undefined) r.max = q.max;
      return r;
    }
    case 'text':
      return { ...base, type: 'comment' };
    default:
      throw new Error(`question ${q.id}: unknown type "${q.type}"`);
  }
}

export function toSurveyModel(questionnaire, lang = 'da') {
  const skipped = [];
  const t = (x) => x[lang] ?? Object.values(x)[0];
  const pages = [{ name: 'profile', title: lang === 'da' ? 'Om jer' : 'About you',
    elements: questionnaire.profile.map((q) => convertQuestion(q, lang, skipped)) }];
  for (const theme of questionnaire.themes) {
    const page = { name: theme.id, title: t(theme.title), elements: theme.questions.map((q) => convertQuestion(q, lang, skipped)) };
    if (theme.intro) page.description = t(theme.intro);
    pages.push(page);
  }
  return {
    model: { title: t(questionnaire.title), description: questionnaire.intro ? t(questionnaire.intro) : undefined,
      locale: lang, showProgressBar: 'top', pages },
    skipped,
  };
}

// Writes index.html + the library files into a new temp folder; returns { dir, model, skipped }.
export function buildSurveyPage({ questionnaire, lang = 'da', nodeModules }) {
  const { model, skipped } = toSurveyModel(questionnaire, lang);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mf-bench-surveyjs-'));
  const files = [
    ['survey-core/survey-core.fontless.min.css', 'survey-core.fontless.min.css'],
    ['survey-core/survey.core.min.js', 'survey.core.min.js'],
    ['survey-core/i18n/danish.min.js', 'danish.min.js'],
    ['survey-js-ui/survey-js-ui.min.js', 'survey-js-ui.min.js'],
  ];
  for (const [from, to] of files) fs.copyFileSync(path.join(nodeModules, from), path.join(dir, to));
  fs.writeFileSync(path.join(dir, 'survey.json'), JSON.stringify(model));
  // The fontless stylesheet: the default one loads Open Sans from fonts.gstatic.com, and no request
  // may leave localhost (the page falls back to the system's sans-serif, as our app ships its own).
  // The model is inlined (as our app has its questionnaire compiled in), so both sides download
  // their content as part of the first load and neither needs an extra request for it.
  const html = `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${model.title.replace(/</g, '&lt;')}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="survey-core.fontless.min.css">
<script src="survey.core.min.js"></script>
<script src="danish.min.js"></script>
<script src="survey-js-ui.min.js"></script>
</head>
<body>
<div id="surveyElement"></div>
<script>
  window.benchStart = performance.now();
  var survey = new Survey.Model(${JSON.stringify(model).replace(/</g, '\\u003c')});
  survey.render(document.getElementById('surveyElement'));
</script>
</body>
</html>
`;
  fs.writeFileSync(path.join(dir, 'index.html'), html);
  return { dir, model, skipped };
}
