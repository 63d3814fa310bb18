// Package meta infers a notice's metadata — title, document type, place,
// issuer, publication date, the year it reviews and the year it plans for —
// the way an analyst reading it would, and records where each field came
// from (Metadata.Sources).
//
// The words it reads a notice with — organisation words, the words by which
// a text speaks for its own unit, the words around dates and years — are
// data (data/meta_lexicon.yaml, parsed once into a Lexicon); the grammar
// around them (where a year stands, what opens a sentence) is Go. The
// regular expressions with words inside them (a lead's 回顾2023年 or
// 部署2024年, a title's 2024年工作要点, a task for this year or the next,
// 今年力争…, an annual report of a year, a page's 发布日期：, a bulletin's
// title) are built from their lists when the lexicon is parsed: each word
// quoted, the words of a list joined as alternatives in the file's order,
// the grammar between them (the year's digits, 年, how far apart the
// words stand, punctuation) written in Go. What stays in Go is grammar:
// the parts of a year (上半年, 1—9月), the five-year period names'
// pattern (十[一二三四五]五), the sentence openers, and the expressions the
// scanners of yearscan.go mirror (their words are lists already).
//
// Overrides come first: YAML front matter and a sidecar file (see package
// source) set any field (title, date, province, city, county, level, issuer,
// doc_type, reviewed_year, plan_year; a few aliases such as published or
// 发布时间 are accepted). The sidecar wins over front matter.
//
// Otherwise:
//
//   - Issuer: the organisation the title names (a gazetteer place followed
//     by an organisation word: 山东省通信管理局, 山东管局 → 山东省通信管理局,
//     博兴县工业和信息化局党组 → 博兴县工业和信息化局); else the signature
//     under the text (中共博兴县工业和信息化局党组); else the first
//     organisation of the opening paragraphs (a signed article's author is
//     "山东省委书记" → 山东省委); else one the text names at least twice;
//     else the publisher of the 来源 line or the front matter's source
//     (来源:江西省通信管理局), when it is an organisation of a place; else
//     a department named by its level word alone (信息来源：区经济信息委,
//     会议由省通信管理局主办), placed in the province the text (and its
//     dateline: 来源：湖北日报) names most, or the first city or
//     county-level unit it names. A signed article's or a speech's issuer
//     is the office its author credit names (甘肃省通信管理局党组书记、局长
//     马文涛 → 甘肃省通信管理局). Short department names are spelled out
//     (经信局 → 经济和信息化局, 工信局 → 工业和信息化局).
//   - Place: the issuer decides it, not the first place name mentioned.
//     Names shared by several units (朝阳区) are resolved by the other places
//     the text names. Without an issuer, the province the text names most.
//     Fields that stay unknown are "unknown" with a warning.
//   - Published: the 发布时间/来源 dateline, a signature date (at the end,
//     or an organisation with a date under it higher up, as a forwarding
//     notice signs above its attachment), a date in the page URL (a saved
//     page's "saved from url" too) or the file name, then the opening
//     clause or a later sentence of the opening paragraph that opens on a
//     date (2022年1月20日, or 1月22日 with the year the text implies: the
//     conference it reports, its latest 截至 date, a part of a year it
//     reports, the annual report it quotes — a report on 2024 comes out in
//     2025 —, a year it reports as a whole in the first half of the next,
//     the one year its title or opening paragraph names).
//   - Document type from the title and opening: 工作会议, 工作要点,
//     巡察整改通报, 署名文章, 工作报告, 政策文件, 情况通报, else 新闻. A
//     signed article shows itself by a 署名文章 mention in the opening or
//     the dateline, or by an author credit naming an office holder: an
//     author line under the dateline or a （作者系…） credit (package source
//     moves both into Document.Byline). A reporter's credit does not count.
//   - Years: see years.go — a work conference for year Y plans Y and reviews
//     Y-1 (without a year, Y is the year it is held, or the next one in
//     November and December); explicit 总结/部署 phrases win; key points
//     review Y-1 only when they give an account of it (2022年，全区…); a
//     rectification report reviews the year of its inspection and plans
//     none; other notices review the year they report on (截至2024年6月底,
//     今年以来, the year before when they talk about it) and plan the year
//     they set out tasks for (2023年，全市将…, 会议要求，2022年全市…,
//     今年力争…, 下半年…要, 确保全年…, 力争2022年底… for this year or the
//     next, 部署2024年…, 2023年主要目标, a month still to come named as a
//     deadline, else the last deadline of the plan it relays: 到2025年…).
//     A notice of the first months reporting last year in full, or the
//     plan period just ended, reviews it; an undated one that says how far
//     the present has come and names one year names the present. Only
//     signed articles and reports plan their publication year on a closing
//     that looks ahead without naming a year; a news item's vague
//     下一步…将 sets out no year's tasks. Study sessions and party meetings
//     (理论学习中心组集体学习会) review no year unless they name one.
//   - Where no date decides it (the year of a month and day, the year a
//     dated or undated news item reviews), the rules above are cues weighed
//     together in a scored table (timeline.go; the timeline section of
//     data/meta_lexicon.yaml); a year below the table's threshold, or
//     tied, stays unknown, and the cues are recorded under the source
//     field "timeline".
package meta
