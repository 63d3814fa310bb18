// Package synth generates realistic synthetic telecom-policy notices with
// their true metadata and indicators, so that scale tests and benchmarks
// over thousands of notices also check correctness.
//
// A corpus is fixed by Options.Seed: notice i depends only on the seed, the
// year bounds and i (see At), so corpora of different sizes share their
// first notices and any notice can be regenerated alone. Generation streams
// (Each, WriteCorpus), so 10,000 notices need little memory.
//
// Each notice is one of five document types, issued at one of three levels:
//
//   - 工作会议: a provincial communications administration (or a city bureau)
//     召开Y年工作会议, reviewing Y-1 (会议指出) and planning Y (会议强调/要求);
//   - 工作要点: Y年工作要点, a short review of Y-1 and the year's targets;
//   - 巡察整改通报: a county bureau's report on rectification progress
//     (整改进展情况, 今后整改工作打算), reviewing the publication year;
//   - 署名文章: a signed article by an administration's head, reviewing Y-1
//     and usually setting out Y;
//   - 新闻: progress figures 截至Y年M月底, meetings and contests.
//
// All 31 provincial-level units appear; city and county notices use a short
// embedded list of real prefecture/county pairs (博兴县 → 滨州市 → 山东省).
// Files are .txt (with or without 发布时间 lines and page chrome), .md with
// YAML front matter, and .html pages with navigation and footer chrome.
//
// Indicators come from about sixty templates (templates.go), each with
// several phrasings for achievements, targets and quoted past targets.
// Figures are written as a notice would write them — 24.2万个, 1600余个,
// 30余万人次, 95%以上, 约85%, 50%~70%, 2-3万个, 两场, 三十余个, full-width
// digits, thousands separators — and recorded normalised as the gold README
// prescribes (24.2万 → 242000, 14亿元 → 1400000000 元, 两场 → 2 场). Every
// truth surface is a substring of the notice text and lies inside one
// sentence. Numbers that are not indicators (dates, 第七届, 建党100周年,
// “两个维护”, 三年行动, 5G, 10G PON, IPv6, NR900, 〔2022〕133号, phone
// numbers, ICP numbers, 浏览量) are mixed in so that precision is tested
// too.
//
// The truth files follow ../shared/gold: documents.csv has the columns of
// seed_documents.csv plus doc_type and format; indicators.csv has the
// columns of seed_indicators.csv. The doc column is the notice's path
// relative to the notices dir.
package synth
