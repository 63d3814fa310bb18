// Package meta infers a notice's metadata — title, document type, place,
// issuer, publication date, the year it reviews and the year it plans for —
// the way an analyst reading it would, and records where each field came
// from (Metadata.Sources).
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
//     "山东省委书记" → 山东省委); else one the text names at least twice.
//   - Place: the issuer decides it, not the first place name mentioned.
//     Names shared by several units (朝阳区) are resolved by the other places
//     the text names. Without an issuer, the province the text names most.
//     Fields that stay unknown are "unknown" with a warning.
//   - Published: the 发布时间/来源 dateline, a signature date, a date in the
//     page URL or the file name, then the opening clause (2022年1月20日, or
//     1月22日 with the year of the conference the notice reports).
//   - Document type from the title and opening: 工作会议, 工作要点,
//     巡察整改通报, 署名文章, 工作报告, 政策文件, 情况通报, else 新闻.
//   - Years: see years.go — a work conference for year Y plans Y and reviews
//     Y-1 (without a year, Y is the year it is held, or the next one in
//     November and December); explicit 总结/部署 phrases win; a
//     rectification report reviews the year of its inspection and plans
//     none; other notices review the year before when they talk about it and
//     plan their publication year.
package meta
