package meta

import (
	"fmt"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/policylens/policylens/loader/gazetteer"
	"github.com/policylens/policylens/loader/source"
)

// Unknown is the value of a text field that could not be inferred.
const Unknown = "unknown"

// Sources of a field, recorded in Metadata.Sources.
const (
	SrcFrontMatter = "front_matter"
	SrcSidecar     = "sidecar"
	SrcDateline    = "发布时间"   // the 来源/发布时间 line under the title
	SrcByline      = "byline" // a signed article's author credit
	SrcTitle       = "title"
	SrcIssuer      = "issuer"
	SrcSignature   = "signature"
	SrcURL         = "url"
	SrcFileName    = "file_name"
	SrcBody        = "body"
	SrcDefault     = "default"
	SrcPublished   = "published" // a year derived from the publication date
	// A month and day from the opening (6月23日电) with the year the text
	// implies: after its latest 截至 date, the year after the one it
	// reviews in spring, or the year it calls the present (2026年是…).
	SrcMonthDayAsOf    = "month_day+as_of"
	SrcMonthDayReview  = "month_day+review"
	SrcMonthDayPresent = "month_day+present"
	SrcMonthDayTitle   = "month_day+title_year"
	// A month and day in the year of the page's address (…/2024-09/18/…).
	SrcMonthDayURL    = "month_day+url"
	SrcMonthDayReport = "month_day+report_year"
	// The year after the last one a text reports in full, when it also
	// reports on 今年 (今年一季度…).
	SrcThisYearAfter = "this_year_after_last_reported"
	// The year an annual report covers (《2024年…发展报告》): the notice
	// reviews it, or the year after when it reports progress past it.
	SrcReportYear = "report_year"
	// The year of an event held at the time of writing (举行的2020…大会).
	SrcEventYear      = "event_year"
	SrcMonthDayPeriod = "month_day+plan_period"
	// A month and day dated by the earliest year the text allows (textNow).
	SrcMonthDayTextYears = "month_day+text_years"
	// A month and day in the year of the event the opening names with its
	// year (来自2023重庆市…推进会的消息).
	SrcMonthDayEvent = "month_day+event_year"
	// The last year of a span of years ahead the text sets out tasks for
	// (三年内新建…, 未来两年, 今后五年), counted from the publication date.
	SrcHorizon = "horizon"
	// The end of a plan over several years the notice is about (“十四五”
	// 规划, 三年行动方案(2022—2024年)), and the period before it reviews.
	SrcPlanPeriod = "plan_period"
	// The earliest year a dateless notice can stand in, from the years its
	// text names as past (textNow): its latest year of account, the year
	// after its latest comparison base (比2018年 → 2019), or the first year
	// of a plan period it relays as this year's (今年…(2020—2022年) → 2020).
	SrcTextYears = "text_years"
	// A news item on a plan just issued that gives no account of work done
	// (印发了《…行动计划》…到2023年…): it reviews no year.
	SrcPlanRelay = "plan_relay"
	// Where the notice's address (field "url") came from: a manifest in
	// the data folder, the saved page's own link, an address line of the
	// text (source.Document.AddressFrom).
	SrcManifest    = "sources.csv"
	SrcPageLink    = "page_link"
	SrcAddressLine = "address_line"
)

// Document types.
const (
	TypeConference    = "工作会议"
	TypeKeyPoints     = "工作要点"
	TypeRectification = "巡察整改通报"
	TypeSigned        = "署名文章"
	TypeReport        = "工作报告"
	TypePolicy        = "政策文件"
	TypeBulletin      = "情况通报"
	TypeNews          = "新闻"
)

// Metadata is what Infer finds out about one notice.
type Metadata struct {
	Title, DocType, Province, City, County, Level, Issuer string            // Unknown when not inferred (City/County "" when the notice is not local)
	Published                                             time.Time         // zero when unknown
	ReviewedYear, PlanYear                                int               // 0 when unknown / none
	Sources                                               map[string]string // field -> where it came from (Src* constants)
	Warnings                                              []string          // e.g. "province unknown"
}

// Infer works out the metadata of doc with the built-in lexicon. relPath is
// the notice's path relative to the data dir (its file name and folders are
// evidence too). g is the gazetteer; nil means gazetteer.Default().
func Infer(doc *source.Document, relPath string, g *gazetteer.Gazetteer) Metadata {
	return DefaultLexicon().Infer(doc, relPath, g)
}

// Infer works out the metadata of doc reading it with the word lists of lx
// (see the package function Infer).
func (lx *Lexicon) Infer(doc *source.Document, relPath string, g *gazetteer.Gazetteer) Metadata {
	if g == nil {
		g = gazetteer.Default()
	}
	if doc == nil {
		doc = &source.Document{}
	}
	in := newInference(lx, doc, relPath, g)
	in.title()
	in.docType()
	in.issuerAndPlace()
	in.address()
	in.published()
	in.years()
	in.finish()
	return in.m
}

// fieldAliases are other names users give override fields in front matter
// and sidecars. ("type" is not one: Hugo uses it for the page layout.)
var fieldAliases = map[string]string{
	"published": "date", "publish_date": "date", "pubdate": "date", "发布时间": "date", "发布日期": "date", "日期": "date",
	"doctype": "doc_type", "类型": "doc_type", "文档类型": "doc_type",
	"reviewed": "reviewed_year", "review_year": "reviewed_year",
	"plan": "plan_year", "planned_year": "plan_year",
	"标题": "title", "省份": "province", "城市": "city", "区县": "county", "发布机关": "issuer", "发文机关": "issuer",
}

type inference struct {
	lx       *Lexicon
	doc      *source.Document
	rel      string
	g        *gazetteer.Gazetteer
	m        Metadata
	paras    []string // body paragraphs
	lead     string   // title + first paragraphs: where the notice says what it is
	signed   bool     // a leader's signed article
	override map[string]string
	overSrc  map[string]string
}

func newInference(lx *Lexicon, doc *source.Document, rel string, g *gazetteer.Gazetteer) *inference {
	in := &inference{lx: lx, doc: doc, rel: rel, g: g, m: Metadata{Sources: map[string]string{}}}
	in.paras = strings.Split(doc.Text, "\n")
	in.override = map[string]string{}
	in.overSrc = map[string]string{}
	// Front matter first, then the sidecar over it; within each, a field's
	// own name beats its aliases.
	apply := func(fields map[string]string, skip map[string]string, src string) {
		keys := make([]string, 0, len(fields))
		for k := range fields {
			if _, ok := skip[k]; !ok {
				keys = append(keys, k)
			}
		}
		sort.Slice(keys, func(i, j int) bool {
			_, ai := fieldAliases[keys[i]]
			_, aj := fieldAliases[keys[j]]
			if ai != aj {
				return ai // aliases first, so that canonical names overwrite them
			}
			return keys[i] < keys[j]
		})
		for _, k := range keys {
			v := strings.TrimSpace(fields[k])
			if v == "" {
				continue
			}
			if a, ok := fieldAliases[k]; ok {
				k = a
			}
			in.override[k] = v
			in.overSrc[k] = src
		}
	}
	apply(doc.Front, doc.Sidecar, SrcFrontMatter)
	apply(doc.Sidecar, nil, SrcSidecar)
	return in
}

func (in *inference) set(field, source string) { in.m.Sources[field] = source }

func (in *inference) over(field string) (string, string, bool) {
	v, ok := in.override[field]
	return v, in.overSrc[field], ok
}

func (in *inference) warn(format string, args ...any) {
	in.m.Warnings = append(in.m.Warnings, fmt.Sprintf(format, args...))
}

// --- title ---------------------------------------------------------------

func (in *inference) title() {
	if v, src, ok := in.over("title"); ok {
		in.m.Title = v
		in.set("title", src)
	} else if in.doc.Title != "" {
		in.m.Title = in.doc.Title
		in.set("title", SrcTitle)
	} else if stem := fileStem(in.rel); stem != "" {
		in.m.Title = stem
		in.set("title", SrcFileName)
		in.warn("title taken from the file name")
	} else {
		in.m.Title = Unknown
		in.set("title", SrcDefault)
		in.warn("title unknown")
	}
	var b strings.Builder
	b.WriteString(in.m.Title)
	for i, p := range in.paras {
		if i >= 2 || b.Len() > 1200 {
			break
		}
		b.WriteString("\n")
		b.WriteString(p)
	}
	in.lead = b.String()
}

func fileStem(rel string) string {
	base := path.Base(strings.ReplaceAll(rel, "\\", "/"))
	if base == "." || base == "/" {
		return ""
	}
	stem := strings.TrimSuffix(base, path.Ext(base))
	// Drop machine prefixes like 003_57a8f9312ba44ad7.
	if ok, _ := regexp.MatchString(`^[\w-]+$`, stem); ok {
		return ""
	}
	return stem
}

// --- document type -------------------------------------------------------

var (
	personColon = regexp.MustCompile(`^\p{Han}{2,4}\s*[:：]`)
	// authorCreditRe is the credit line under a signed article.
	authorCreditRe = regexp.MustCompile(`^[(（]\s*作者(系|为|是)`)
)

// authorLine returns the line that credits a signed article to an office
// holder: a byline, or a （作者系…） line among the last paragraphs; "" if
// none.
func (in *inference) authorLine() string {
	lx := in.lx
	for _, l := range in.doc.Byline {
		if (authorCreditRe.MatchString(l) || !containsAny(l, lx.NotAuthorWords)) && lx.authorRe.MatchString(l) {
			return l
		}
	}
	for i := len(in.paras) - 1; i >= 0 && i >= len(in.paras)-3; i-- {
		if l := strings.TrimSpace(in.paras[i]); authorCreditRe.MatchString(l) && utf8.RuneCountInString(l) <= 60 {
			return l
		}
	}
	return ""
}

func (in *inference) docType() {
	lx := in.lx
	if v, src, ok := in.over("doc_type"); ok {
		in.m.DocType = v
		in.set("doc_type", src)
		in.signed = v == TypeSigned
		return
	}
	t := in.m.Title
	first := ""
	if len(in.paras) > 0 {
		first = in.paras[0]
	}
	switch {
	case lx.rectifyRe.MatchString(t):
		in.m.DocType, in.m.Sources["doc_type"] = TypeRectification, SrcTitle
	case containsAny(t, lx.KeyPointsWords):
		in.m.DocType, in.m.Sources["doc_type"] = TypeKeyPoints, SrcTitle
	case lx.conferenceRe.MatchString(t), lx.conferenceTitleRe.MatchString(t):
		in.m.DocType, in.m.Sources["doc_type"] = TypeConference, SrcTitle
	case containsAny(in.lead, lx.SignedWords) || (personColon.MatchString(t) && containsAny(in.doc.Text, lx.SignedWords)):
		in.m.DocType, in.m.Sources["doc_type"] = TypeSigned, SrcBody
		in.signed = true
	case containsAny(t, lx.ReportTitleWords):
		in.m.DocType, in.m.Sources["doc_type"] = TypeReport, SrcTitle
	case lx.policyRe.MatchString(t):
		in.m.DocType, in.m.Sources["doc_type"] = TypePolicy, SrcTitle
	case lx.bulletinRe.MatchString(t):
		in.m.DocType, in.m.Sources["doc_type"] = TypeBulletin, SrcTitle
	// An author credit, after the title's own word for the type: a 工作报告
	// given by a 县长 is a report, not a signed article.
	case in.authorLine() != "" || containsAny(strings.Join(in.doc.Byline, "\n"), lx.SignedWords):
		in.m.DocType, in.m.Sources["doc_type"] = TypeSigned, SrcByline
		in.signed = true
	case lx.rectifyRe.MatchString(first):
		in.m.DocType, in.m.Sources["doc_type"] = TypeRectification, SrcBody
	case lx.conferenceRe.MatchString(first) && strings.Contains(first, "召开"):
		in.m.DocType, in.m.Sources["doc_type"] = TypeConference, SrcBody
	default:
		in.m.DocType, in.m.Sources["doc_type"] = TypeNews, SrcDefault
	}
}

// --- issuer and place ----------------------------------------------------

func (in *inference) issuerAndPlace() {
	lx := in.lx
	var issuer org
	found := false
	if v, src, ok := in.over("issuer"); ok {
		in.m.Issuer = v
		in.set("issuer", src)
		if o, ok := in.orgIn(v); ok {
			issuer, found = o, true
		}
	} else {
		issuer, found = in.findIssuer()
		if found {
			in.m.Issuer = issuer.Name
		} else {
			in.m.Issuer = Unknown
			in.set("issuer", SrcDefault)
			in.warn("issuer unknown")
		}
	}

	// Place: overrides first, then the issuer, then the places the text
	// names most.
	place, placeSrc := gazetteer.Place{}, ""
	finer := "" // source of city/county when an override names only the province
	if p, src, ok := in.placeOverride(); ok {
		place, placeSrc = p, src
		// "province: 山东" with an issuer in 博兴县 keeps the county.
		if found && p.City == "" && p.County == "" {
			if ip := in.disambiguate(issuer); ip.Province == p.Province && ip.Level != gazetteer.LevelProvince {
				place, finer = ip, SrcIssuer
			}
		}
	} else if found {
		place, placeSrc = in.disambiguate(issuer), SrcIssuer
		// An issuer found only somewhere in the body (南郑区政府 作了交流
		// 发言, 深圳市工业和信息化局 quoted for comparison) yields to the
		// place the opening is about when the text's own scope words
		// confirm it (全区 for 龙岗区, 全市 for 汉中市): a city or a
		// county-level unit, not a province its title names.
		if in.m.Sources["issuer"] == SrcBody && lx.scopeOf(in.doc.Text).other(place) {
			if p, rank := in.subjectPlaceRank(); (rank == 2 || rank == 3) && p != place {
				place, placeSrc = p, SrcBody
			}
		}
	} else if p, ok := in.subjectPlace(); ok {
		place, placeSrc = p, SrcBody
	} else if p, ok := in.dominantPlace(); ok {
		place, placeSrc = p, SrcBody
	}
	if place.Province == "" {
		in.m.Province, in.m.Level = Unknown, Unknown
		in.set("province", SrcDefault)
		in.set("level", SrcDefault)
		in.warn("province unknown")
	} else {
		in.m.Province, in.m.City, in.m.County, in.m.Level = place.Province, place.City, place.County, place.Level
		if place.Level == gazetteer.LevelCity && place.City == place.Province {
			in.m.City, in.m.Level = "", gazetteer.LevelProvince
		}
		in.set("province", placeSrc)
		if finer == "" {
			finer = placeSrc
		}
		if in.m.City != "" {
			in.set("city", finer)
		}
		if in.m.County != "" {
			in.set("county", finer)
		}
		in.set("level", finer)
	}
	if v, src, ok := in.over("level"); ok {
		in.m.Level = v
		in.set("level", src)
	}
}

// orgIn reads an issuer name given by the user.
func (in *inference) orgIn(name string) (org, bool) {
	lx := in.lx
	n := strings.TrimPrefix(strings.TrimPrefix(name, "中共"), "中国共产党")
	orgs := lx.findOrgs(n, in.g)
	if len(orgs) > 0 {
		return orgs[0], true
	}
	// A bare place name as issuer.
	if ms := in.g.Scan(n); len(ms) > 0 && ms[0].Start == 0 {
		if cs := usableCandidates(ms[0].Candidates); len(cs) > 0 {
			return org{Name: name, Place: cs[0].Place, Cands: cs}, true
		}
	}
	return org{}, false
}

// findIssuer picks the issuing organisation: the organisation the title
// names (for a signed article, the office its author credit names), else
// the signature under the text, else the first one the opening paragraphs
// name (the subject of a news report, the office of a signed article's
// author), else the one the whole text names most, else the publisher its
// 来源 line names.
func (in *inference) findIssuer() (org, bool) {
	lx := in.lx
	if orgs := lx.findOrgs(in.m.Title, in.g); len(orgs) > 0 && !in.signed {
		in.set("issuer", SrcTitle)
		return orgs[0], true
	}
	{
		// The office of the author the byline or credit names: a signed
		// article's, or a speech's (在…工作会议上的讲话 under 局长 王某).
		if orgs := lx.findOrgs(in.authorLine(), in.g); len(orgs) > 0 {
			in.set("issuer", SrcByline)
			return orgs[0], true
		}
	}
	for i := len(in.paras) - 1; i >= 0 && i >= len(in.paras)-4; i-- {
		if o, ok := lx.orgOfLine(in.paras[i], in.g); ok {
			in.set("issuer", SrcSignature)
			return o, true
		}
	}
	lead := strings.Join(in.paras[:min(2, len(in.paras))], "\n")
	if orgs := lx.findOrgs(lead, in.g); len(orgs) > 0 {
		in.set("issuer", SrcBody)
		return orgs[0], true
	}
	if orgs := lx.findOrgs(in.m.Title, in.g); len(orgs) > 0 {
		in.set("issuer", SrcTitle)
		return orgs[0], true
	}
	counts := map[string]int{}
	var best org
	for _, o := range lx.findOrgs(in.doc.Text, in.g) {
		counts[o.Name]++
		if counts[o.Name] > counts[best.Name] {
			best = o
		}
	}
	if counts[best.Name] >= 2 {
		in.set("issuer", SrcBody)
		return best, true
	}
	// Last, the publisher the 来源 line or the front matter names
	// (来源:江西省通信管理局), when it is an organisation of a place rather
	// than a newspaper.
	for _, s := range in.sourceNames() {
		if o, ok := lx.orgOfLine(s, in.g); ok {
			in.set("issuer", SrcDateline)
			return o, true
		}
	}
	// A department named by its level alone (信息来源：区经济信息委; 会议由
	// 省通信管理局主办): the place of that level the notice is about.
	for _, src := range []struct{ text, from string }{
		{strings.Join(in.sourceNames(), "\n"), SrcDateline},
		{lead, SrcBody},
	} {
		for _, m := range lx.levelOrgRe.FindAllStringSubmatch(src.text, -1) {
			if o, ok := in.levelOrg(m[1], m[2]); ok {
				in.set("issuer", src.from)
				return o, true
			}
		}
	}
	return org{}, false
}

// levelOrg names a department written with a bare level word: 省 takes the
// province the notice names most, 市/州/盟 the first city in the title or
// text, 县/区 the first county-level unit.
func (in *inference) levelOrg(level, suffix string) (org, bool) {
	lx := in.lx
	if full, ok := lx.OrgAbbreviations[suffix]; ok {
		suffix = full
	}
	if level == "省" {
		p, ok := in.dominantPlace()
		if !ok {
			return org{}, false
		}
		return org{Name: p.Province + suffix, Place: p}, true
	}
	want := gazetteer.LevelCounty
	if level == "市" || level == "州" || level == "盟" {
		want = gazetteer.LevelCity
	}
	for _, m := range in.g.Scan(in.m.Title + "\n" + in.doc.Text) {
		cs := usableCandidates(m.Candidates)
		if len(cs) == 0 || lx.genericPlace[m.Name] {
			continue
		}
		// 市 is a prefecture or a county-level city (溧阳市工信局 is a 市局).
		if cs[0].Level != want && !(level == "市" && cs[0].Level == gazetteer.LevelCounty && strings.HasSuffix(cs[0].County, "市")) {
			continue
		}
		o := org{Name: cs[0].Name() + suffix, Place: cs[0].Place, Cands: cs}
		o.Place = in.disambiguate(o)
		o.Name = o.Place.Name() + suffix
		return o, true
	}
	return org{}, false
}

// sourceNames lists the publishers the page names: the 来源 fields of its
// datelines and the source field of its front matter.
func (in *inference) sourceNames() []string {
	lx := in.lx
	var out []string
	for _, l := range in.doc.Byline {
		for _, m := range lx.sourceFieldRe.FindAllStringSubmatch(l, -1) {
			out = append(out, strings.Trim(m[1], "()（）《》"))
		}
	}
	for _, k := range []string{"source", "来源", "author", "作者"} {
		if v := strings.TrimSpace(in.doc.Front[k]); v != "" {
			out = append(out, v)
		}
	}
	return out
}

// disambiguate chooses among places sharing the issuer's name (朝阳区 in
// 北京 and 长春) by the provinces and cities the text names elsewhere.
func (in *inference) disambiguate(o org) gazetteer.Place {
	if len(o.Cands) <= 1 {
		return o.Place
	}
	score := in.placeEvidence()
	best, bestScore := o.Cands[0].Place, -1
	for _, c := range o.Cands {
		if c.Short && !o.Cands[0].Short {
			continue
		}
		s := score[c.Province]*2 + score[c.City]*3
		if s > bestScore {
			best, bestScore = c.Place, s
		}
	}
	return best
}

// placeEvidence counts unambiguous mentions of provinces and cities in the
// title and text.
func (in *inference) placeEvidence() map[string]int {
	score := map[string]int{}
	// The dateline counts too: 来源：湖北日报 says whose paper ran it.
	for _, m := range in.g.Scan(in.m.Title + "\n" + in.doc.Text + "\n" + strings.Join(in.doc.Byline, "\n")) {
		cs := usableCandidates(m.Candidates)
		if len(cs) == 0 {
			continue
		}
		// Count a name only when all its readings agree on the province.
		prov := cs[0].Province
		agree := true
		for _, c := range cs[1:] {
			if c.Province != prov {
				agree = false
			}
		}
		if !agree {
			continue
		}
		score[prov]++
		if cs[0].City != "" && len(cs) == 1 {
			score[cs[0].City]++
		}
	}
	return score
}

// subjectPlace is the most specific division a notice without a named
// issuer is about (黔东南新闻网讯 近年来，黎平县全力推进…; 镇安县第十七届
// 人民代表大会…): a county or city named in its opening (title, dateline and
// first paragraphs) whose level the text's own scope words confirm (全县,
// 我县 for a county; 全区 for a district; 全市, 我市 for a city or a
// county-level city). Its city and province come from the gazetteer.
func (in *inference) subjectPlace() (gazetteer.Place, bool) {
	p, rank := in.subjectPlaceRank()
	return p, rank > 0
}

// subjectPlaceRank is subjectPlace with the strength of its evidence: 3 a
// county-level unit its scope words confirm, 2 a city, 1 a province the
// opening alone names, 4 a province the title names; 0 when none.
func (in *inference) subjectPlaceRank() (gazetteer.Place, int) {
	lx := in.lx
	var b strings.Builder
	b.WriteString(in.m.Title)
	for _, l := range in.doc.Byline {
		b.WriteString("\n")
		b.WriteString(l)
	}
	for i, p := range in.paras {
		if i >= 3 {
			break
		}
		b.WriteString("\n")
		b.WriteString(p)
	}
	lead := b.String()
	text := in.doc.Text
	sc := lx.scopeOf(text)
	countyWords, provinceWords, districtWords, cityWords := sc.county, sc.province, sc.district, sc.city
	// How often the text names each unit (full or short name, outside
	// quotes): the one it names most is what it is about.
	mentions := map[string]int{}
	whole := in.m.Title + "\n" + text
	for _, m := range in.g.Scan(whole) {
		if lx.genericPlace[m.Name] {
			continue
		}
		for _, c := range m.Candidates {
			// A county's short name is too often a word (新建 for 新建区):
			// it counts only before an operator or office (化州移动).
			if c.Short && c.Level == gazetteer.LevelCounty && !startsWithAny(whole[m.End:], lx.OperatorAfter) {
				continue
			}
			mentions[c.Name()]++
		}
	}
	score := in.placeEvidence()
	// The provinces the opening names, for a province as the subject.
	provinces := map[string]int{}
	for _, m := range in.g.Scan(lead) {
		if cs := usableCandidates(m.Candidates); len(cs) > 0 && cs[0].Level == gazetteer.LevelProvince {
			provinces[cs[0].Province] = 1
		}
	}
	if len(provinces) > 1 {
		provinces = nil
	}
	var best gazetteer.Place
	bestRank := 0
	for _, m := range in.g.Scan(lead) {
		if lx.genericPlace[m.Name] {
			continue
		}
		cs := usableCandidates(m.Candidates)
		// A county's short name (化州 for 化州市) counts when the text
		// names it again and again (化州移动、化州电信、化州联通).
		if len(cs) == 0 {
			for _, c := range m.Candidates {
				if c.Level == gazetteer.LevelCounty && mentions[c.Name()] >= 3 {
					cs = append(cs, c)
				}
			}
		}
		if len(cs) == 0 {
			continue
		}
		// Of several units sharing the name, the one whose province the
		// text names most.
		c, cScore := cs[0], -1
		for _, x := range cs {
			if s := score[x.Province]*2 + score[x.City]*3; s > cScore {
				c, cScore = x, s
			}
		}
		rank := 0
		switch c.Level {
		case gazetteer.LevelCounty:
			name := c.County
			switch {
			case strings.HasSuffix(name, "县") || strings.HasSuffix(name, "旗"):
				if countyWords {
					rank = 3
				}
			case strings.HasSuffix(name, "区"):
				if districtWords {
					rank = 3
				}
			case strings.HasSuffix(name, "市"):
				if cityWords {
					rank = 3
				}
			}
			if rank == 0 && mentions[c.Name()] >= 3 {
				rank = 3
			}
		case gazetteer.LevelCity:
			// Named again and again, in a text that does not speak for a
			// whole province (全省, 我省).
			if cityWords || (mentions[c.Name()] >= 2 && !provinceWords) {
				rank = 2
			}
		case gazetteer.LevelProvince:
			// A province named as the subject of the opening, when it is
			// the only one named there; first of all when the title names
			// it (廣東加快5G商用步伐, datelined 新华社广州…电).
			if provinces[c.Province] == 1 {
				rank = 1
				if m.Start < len(in.m.Title) {
					rank = 4
				}
			}
		}
		if rank > bestRank {
			best, bestRank = c.Place, rank
		}
	}
	if bestRank == 0 && cityWords {
		// 我市… and no city named in the opening: the city the text names
		// most, else the one whose counties it names (利辛, 涡阳, 蒙城 →
		// 亳州市).
		bestN := 0
		for _, m := range in.g.Scan(whole) {
			for _, c := range usableCandidates(m.Candidates) {
				if c.Level == gazetteer.LevelCity && mentions[c.Name()] > bestN {
					best, bestN = c.Place, mentions[c.Name()]
				}
			}
		}
		if bestN > 0 {
			return best, 2
		}
		if p, ok := in.parentOfCounties(whole); ok {
			return p, 2
		}
	}
	return best, bestRank
}

// scopeWords are the words by which a text speaks for its own unit: 全县
// for a county, 全区 for a district, 全市 for a city, 全省 for a province.
type scopeWords struct{ county, district, city, province bool }

func (lx *Lexicon) scopeOf(text string) scopeWords {
	return scopeWords{
		county:   containsAny(text, lx.ScopeWords.County),
		district: containsAny(text, lx.ScopeWords.District),
		city:     containsAny(text, lx.ScopeWords.City),
		province: containsAny(text, lx.ScopeWords.Province),
	}
}

// other reports scope words of a level other than p's: a text that speaks
// for a unit other than the place p its issuer gives.
func (w scopeWords) other(p gazetteer.Place) bool {
	switch p.Level {
	case gazetteer.LevelProvince:
		return w.county || w.district || w.city
	case gazetteer.LevelCity:
		return w.county || w.district
	}
	return w.city && !w.county && !w.district
}

// parentOfCounties is the city whose county-level units a text names (at
// least two of them, short names allowed), when they all share it.
func (in *inference) parentOfCounties(text string) (gazetteer.Place, bool) {
	lx := in.lx
	counties := map[string]gazetteer.Place{}
	for _, m := range in.g.Scan(text) {
		if lx.genericPlace[m.Name] {
			continue
		}
		for _, c := range m.Candidates {
			if c.Level == gazetteer.LevelCounty && c.City != "" {
				counties[c.County] = c.Place
			}
		}
	}
	parents := map[string]int{}
	for _, p := range counties {
		parents[p.Province+"/"+p.City]++
	}
	var best string
	tie := false
	for k, n := range parents {
		switch {
		case n < 2:
		case best == "" || n > parents[best]:
			best, tie = k, false
		case n == parents[best]:
			tie = true
		}
	}
	if best == "" || tie {
		return gazetteer.Place{}, false
	}
	prov, city, _ := strings.Cut(best, "/")
	for _, c := range in.g.Lookup(city) {
		if c.Level == gazetteer.LevelCity && c.Province == prov {
			return c.Place, true
		}
	}
	return gazetteer.Place{}, false
}

// dominantPlace is the province the text names most (at least twice, and
// clearly more than any other).
func (in *inference) dominantPlace() (gazetteer.Place, bool) {
	score := in.placeEvidence()
	var best, second string
	for p, n := range score {
		pl, ok := in.g.Province(p)
		if !ok || pl.Province != p {
			continue
		}
		if best == "" || n > score[best] || (n == score[best] && p < best) {
			best, second = p, best
		} else if second == "" || n > score[second] {
			second = p
		}
	}
	if best == "" || score[best] < 2 || (second != "" && score[second]*2 > score[best]) {
		return gazetteer.Place{}, false
	}
	p, _ := in.g.Province(best)
	return p, true
}

func (in *inference) placeOverride() (gazetteer.Place, string, bool) {
	var p gazetteer.Place
	src := ""
	for _, f := range []string{"county", "city", "province"} {
		v, s, ok := in.over(f)
		if !ok {
			continue
		}
		if src == "" {
			src = s
		}
		cands := in.g.Lookup(v)
		var pick *gazetteer.Candidate
		for i, c := range cands {
			if c.Level == f || (f == "city" && c.Level == gazetteer.LevelProvince) {
				if p.Province != "" && c.Province != p.Province {
					continue
				}
				pick = &cands[i]
				break
			}
		}
		if pick == nil {
			in.warn("%s %q not in the gazetteer", f, v)
			switch f {
			case "province":
				if p.Province == "" {
					p.Province = v
				}
			case "city":
				if p.City == "" {
					p.City = v
				}
			case "county":
				p.County = v
			}
			continue
		}
		switch f {
		case "county":
			p = pick.Place
		case "city":
			if p.County == "" {
				p = pick.Place
				if pick.Level == gazetteer.LevelProvince {
					p.City, p.Level = pick.Province, gazetteer.LevelCity
				}
			}
		case "province":
			if p.Province == "" {
				p = pick.Place
			}
		}
	}
	if src == "" {
		return p, "", false
	}
	if p.Level == "" {
		switch {
		case p.County != "":
			p.Level = gazetteer.LevelCounty
		case p.City != "":
			p.Level = gazetteer.LevelCity
		default:
			p.Level = gazetteer.LevelProvince
		}
	}
	return p, src, true
}

// --- publication date ----------------------------------------------------

func (in *inference) published() {
	lx := in.lx
	if v, src, ok := in.over("date"); ok {
		if t, ok := ParseDate(v); ok {
			in.m.Published = t
			in.set("published", src)
			return
		}
		in.warn("date %q in %s not understood", v, src)
	}
	// The dateline under the title: a 发布时间 field first, any date after.
	for _, l := range in.doc.Byline {
		if loc := lx.datelineRe.FindStringIndex(l); loc != nil {
			if t, ok := ParseDate(l[loc[1]:]); ok {
				in.m.Published = t
				in.set("published", SrcDateline)
				return
			}
		}
	}
	for _, l := range in.doc.Byline {
		if t, ok := ParseDate(l); ok {
			in.m.Published = t
			in.set("published", SrcDateline)
			return
		}
	}
	// A page's date line kept as its title or among its first lines
	// (- 时间:2024-07-08; Si Chuan Ri Bao·2025-09-21 00:28; 2023-08-27
	// 23:12:47 我苏客户端): a full date with little else on the line.
	for i, l := range append([]string{in.doc.Title}, in.paras...) {
		if i > 3 {
			break
		}
		if t, ok := lx.pageDateLine(l); ok {
			in.m.Published = t
			in.set("published", SrcDateline)
			return
		}
	}
	// A signature date: the last lines, a date alone.
	for i := len(in.paras) - 1; i >= 0 && i >= len(in.paras)-3; i-- {
		l := strings.TrimSpace(in.paras[i])
		if utf8.RuneCountInString(l) <= 16 {
			if t, ok := ParseDate(l); ok {
				in.m.Published = t
				in.set("published", SrcSignature)
				return
			}
		}
	}
	// A date field among the opening lines that the page kept in the text
	// (- 发布日期: 2025-10-30, 成文日期：2023年5月6日).
	for i, p := range in.paras {
		if i >= 8 {
			break
		}
		l := strings.TrimLeft(strings.TrimSpace(p), "-–—•·*＊● ")
		if loc := lx.dateFieldRe.FindStringIndex(l); loc != nil && utf8.RuneCountInString(l) <= 48 {
			if t, ok := ParseDate(l[loc[1]:]); ok {
				in.m.Published = t
				in.set("published", SrcDateline)
				return
			}
		}
	}
	// A signature higher up: an organisation's name with a date alone under
	// it, as a notice that forwards a document (关于印发…的通知) signs
	// above the attachment.
	for i := 1; i < len(in.paras); i++ {
		l := strings.TrimSpace(in.paras[i])
		if utf8.RuneCountInString(l) > 16 || strings.ContainsAny(l, "，。,；;") {
			continue
		}
		if t, ok := ParseDate(l); ok {
			if _, isOrg := lx.orgOfLine(in.paras[i-1], in.g); isOrg {
				in.m.Published = t
				in.set("published", SrcSignature)
				return
			}
		}
	}
	// A full date alone on its line anywhere else: the date a notice that
	// forwards a plan signs under its covering letter (…请认真贯彻落实。
	// 2020年7月31日), before the plan's own text.
	for i := 1; i < len(in.paras); i++ {
		l := strings.TrimSpace(in.paras[i])
		if utf8.RuneCountInString(l) > 16 || strings.ContainsAny(l, "，。,；;") || !fullDateRe.MatchString(l) {
			continue
		}
		if t, ok := ParseDate(l); ok {
			in.m.Published = t
			in.set("published", SrcSignature)
			return
		}
	}
	// The links the saved page itself carries (<link rel=canonical>, a
	// bare address line): an address a manifest gives comes last (below).
	for _, u := range in.doc.URLs {
		if t, ok := dateInPath(u); ok {
			in.m.Published = t
			in.set("published", SrcURL)
			return
		}
	}
	if t, ok := dateInPath(path.Base(in.rel)); ok {
		in.m.Published = t
		in.set("published", SrcFileName)
		return
	}
	// The opening sentence: 2022年1月20日，…召开 or 1月22日下午 with the
	// year of the conference it reports.
	first := ""
	for i, p := range in.paras {
		// A credit line kept above the dateline (新华社, 岳德亮新华社 over
		// 新华社杭州7月5日电…) is not the opening.
		if i < 2 && i+1 < len(in.paras) && creditLine(p) {
			continue
		}
		first = p
		break
	}
	if head := firstClause(first); head != "" {
		if t, ok := ParseDate(head); ok {
			in.m.Published = t
			in.set("published", SrcBody)
			return
		}
		// 截至12月15日，全市已建成…: the day of a figure, not of the page.
		if m := monthDayRe.FindStringSubmatch(head); m != nil && !lx.asOfDay(head) {
			mo, _ := strconv.Atoi(m[1])
			d, _ := strconv.Atoi(m[2])
			y, src := in.leadYear(), SrcBody
			if y != 0 && mo >= 11 {
				y-- // 12月28日 a conference on next year's work
			}
			if y == 0 {
				y, src = in.yearOfMonthDay(mo, d)
			}
			if y != 0 {
				if t, ok := mkDateInt(y, mo, d); ok {
					in.m.Published = t
					in.set("published", src)
					return
				}
			}
		}
	}
	// A later sentence of the opening paragraph that opens on a date
	// (鄉村振興…。2021年4月19日，從河南省通信管理局獲悉，…; 三年内…。4月4日，
	// 湖北信息通信业启动…), a month and day dated as above.
	for _, sent := range openingSentences(first) {
		head := firstClause(strings.TrimLeft(sent, " 　“”\""))
		if loc := fullDateRe.FindStringIndex(head); loc != nil && loc[0] == 0 {
			if t, ok := ParseDate(head); ok {
				in.m.Published = t
				in.set("published", SrcBody)
				return
			}
		}
		if m := leadMonthDayRe.FindStringSubmatch(head); m != nil {
			mo, _ := strconv.Atoi(m[1])
			d, _ := strconv.Atoi(m[2])
			if y, src := in.yearOfMonthDay(mo, d); y != 0 {
				if t, ok := mkDateInt(y, mo, d); ok {
					in.m.Published = t
					in.set("published", src)
					return
				}
			}
		}
	}
	// The page's address (/2019-11/11/content_…, /t20191111_…): the date the
	// page went up, where the text dates itself nowhere. A date in the text
	// comes first: the address of a reprint dates the reprint.
	if a, ok := in.addressDate(); ok && a.day != 0 && lx.timeline.weights["url_date"] > 0 {
		if t, ok := mkDateInt(a.year, a.month, a.day); ok {
			in.m.Published = t
			in.set("published", SrcURL)
			return
		}
	}
	in.set("published", SrcDefault)
	in.warn("publication date unknown")
}

// address records where the notice's address came from (field "url").
func (in *inference) address() {
	if in.doc.Address == "" {
		return
	}
	switch in.doc.AddressFrom {
	case "manifest":
		in.set("url", SrcManifest)
	case "page":
		in.set("url", SrcPageLink)
	default:
		in.set("url", SrcAddressLine)
	}
}

// addressDate is the date the notice's address gives (dateOfAddress), if
// it has an address.
func (in *inference) addressDate() (addressDate, bool) {
	if in.doc.Address == "" {
		return addressDate{}, false
	}
	return dateOfAddress(in.doc.Address, time.Now())
}

// openingSentences are the sentences of a paragraph after its first: the
// text after each full stop or ellipsis.
func openingSentences(p string) []string {
	var out []string
	for i := 0; i < len(p); {
		k := strings.IndexAny(p[i:], "。…")
		if k < 0 {
			break
		}
		i += k
		for strings.HasPrefix(p[i:], "。") || strings.HasPrefix(p[i:], "…") {
			i += len("。")
		}
		if i < len(p) {
			out = append(out, p[i:])
		}
	}
	return out
}

// asOfDay reports a clause opening on the day a figure is given as of
// (截至12月15日, 截止到5月底): the page is dated later, by how much it does
// not say.
func (lx *Lexicon) asOfDay(clause string) bool {
	return startsWithAny(strings.TrimLeft(clause, " 　"), lx.AsOfOpeners)
}

// leadMonthDayRe is a clause that is a date and nothing more (4月4日,
// 10月31日上午): a sentence opening on the day of what it reports.
var leadMonthDayRe = regexp.MustCompile(`^(\d{1,2})月(\d{1,2})日(?:上午|下午|晚|晚间|早上)?$`)

// yearOfMonthDay is the year of a notice dated only by month and day in its
// opening (新华社拉萨6月23日电, 3月2日上午): the first such day after the
// latest 截至 date the text gives; else, in the first months of a year, the
// year after the one it reviews (回顾2015年, 2015年工作回顾); else the year
// it calls the present (2026年是…之年). 0 when the text says none of these:
// the date stays unknown rather than guessed.
func (in *inference) yearOfMonthDay(mo, d int) (int, string) {
	dec := in.lx.timeline.weigh(in.monthDayRules(mo, d))
	in.noteTimeline("month_day", dec)
	return dec.year, dec.src
}

// monthDayRules are the evidence for the year of a month and day
// (yearOfMonthDay weighs it): each rule names a year, none decides alone.
func (in *inference) monthDayRules(mo, d int) []rule {
	lx := in.lx
	text := in.doc.Text
	titled := in.m.Title + "\n" + text
	return []rule{
		// The page's address dates the page: the day falls on or before it.
		year("url", func() int {
			if a, ok := in.addressDate(); ok {
				return a.yearOf(mo, d)
			}
			return 0
		}),
		// The first such day after the latest 截至 date the text gives.
		year("as_of", func() int {
			asY, asM := lx.latestAsOf(text)
			if asY != 0 && mo <= asM {
				asY++
			}
			return asY
		}),
		// 新华社杭州7月5日电 …近日印发《…“十四五”规划》; 11月21日，…印发的
		// 《…行动方案(2024—2027年)》: a plan over several years that the
		// opening relays as just issued came out in its first year.
		year("plan_start", func() int { return lx.justIssuedPlanStart(text) }),
		// 7月20日…2023年上半年，全省…: a part of a year ended before the day
		// is reported in that year.
		year("part_of_year", func() int {
			if y, end := lx.latestPartOfYear(text); mo > end {
				return y
			}
			return 0
		}),
		// 5月15日…发布了《2024年河北省信息通信行业发展报告》: a year's
		// report comes out in the year after.
		year("report_year", func() int { return next(lx.reportYear(titled)) }),
		// 1月24日电 …介绍，2021年，西藏全区…: a year the text gives an
		// account of as a whole, in the first half of the next.
		year("full_year_review", func() int {
			if mo > 6 {
				return 0
			}
			return next(lx.latestFullYearStatement(titled))
		}),
		year("review_phrase", func() int {
			if mo > 4 {
				return 0
			}
			for _, re := range []*regexp.Regexp{lx.reviewPhraseRe, lx.titleReviewRe} {
				if m := re.FindStringSubmatch(titled); m != nil {
					y, _ := strconv.Atoi(m[1])
					return y + 1
				}
			}
			return 0
		}),
		year("present", func() int {
			if m := openYearRe.FindStringSubmatch(titled); m != nil {
				y, _ := strconv.Atoi(m[1])
				return y
			}
			return 0
		}),
		// 5月17日…发布我省信息通信业去年“成绩单”。至去年底…比2019年同期
		// 提升8.5%: an account of last year compared with the year before
		// it, named, and no later year named: last year is the year after
		// the base.
		year("last_year_base", func() int {
			if !lastYearAccount(text) {
				return 0
			}
			base := 0
			for y := range lx.baseYears(text) {
				base = max(base, y)
			}
			if base == 0 {
				return 0
			}
			for _, y := range lx.namedYears(text) {
				if y > base {
					return 0
				}
			}
			return base + 2
		}),
		// The one year the title or the opening paragraph names for the
		// event it reports (召开2025年电信普遍服务项目申报专题办公会 on
		// 8月16日): the notice's year, when the day is after the first
		// months, which may still report on the year before; a year the
		// opening reports as done (4月23日…获悉，2020年，省经信厅…), in the
		// first half of the next.
		{names: []string{"title_review", "title_year"}, eval: func() (cue, bool) {
			if mo < 3 {
				return cue{}, false
			}
			head := in.m.Title + "\n" + firstLine(text)
			ys := lx.titleYears(head)
			if len(ys) != 1 {
				return cue{}, false
			}
			if mo <= 6 && lx.latestFullYearStatement(head) == ys[0] {
				return cue{"title_review", ys[0] + 1}, true
			}
			return cue{"title_year", ys[0]}, true
		}},
		// 9月27日，来自2023重庆市数字乡村…推进会的消息: the event the opening
		// reports, named with its year, is held in it.
		year("event_year", func() int {
			if mo < 3 {
				return 0
			}
			return lx.openingEventYear(in.m.Title + "\n" + firstSentence(text))
		}),
		// A plan period's totals reported in its last months (12月4日，…
		// “十四五”期间，全市…): the period's last year.
		year("period_end", func() int {
			if mo < 9 {
				return 0
			}
			if m := periodSpanRe.FindStringSubmatch(firstSentence(text)); m != nil {
				return lx.PlanPeriods[m[1]]
			}
			return 0
		}),
		// The earliest year the text allows by the years it names as past
		// (textNow): its latest account, the year after a comparison base,
		// the first year of a plan period relayed as this year's (新华社
		// 郑州10月19日电 …今年5月，河南省下发《…(2020—2022年)》 → 2020).
		// Only in the second half of a year: in its first months a notice
		// mostly reports the year before. A notice that relays a plan names
		// the plan's years, not its own.
		year("text_years", func() int {
			if mo < 7 || in.relaysPlanOnly() {
				return 0
			}
			return lx.textNow(titled)
		}),
	}
}

// latestAsOf is the latest 截至 date text gives with a year (截至2024年10月底
// → 2024, 10; 截至2018年底 → 2018, 12), leaving out deadlines (至2020年年底
// 上海将累计建成…, 力争至2023年底…); 0, 0 when there is none.
func (lx *Lexicon) latestAsOf(text string) (asY, asM int) {
	for _, loc := range lx.asOfDateRe.FindAllStringSubmatchIndex(text, -1) {
		if strings.HasPrefix(text[loc[0]:], "至") && (lx.aheadRe.MatchString(firstClause(text[loc[1]:min(len(text), loc[1]+60)])) || lx.deadlineBefore(text[:loc[0]])) {
			continue
		}
		y, _ := strconv.Atoi(text[loc[2]:loc[3]])
		month := 12
		if loc[4] >= 0 {
			month, _ = strconv.Atoi(text[loc[4]:loc[5]])
		}
		if y > asY || (y == asY && month > asM) {
			asY, asM = y, month
		}
	}
	return asY, asM
}

// next is the year after y, 0 when y is 0 (unknown).
func next(y int) int {
	if y == 0 {
		return 0
	}
	return y + 1
}

// creditLine reports a short line of a name or an agency alone, with no
// digit and no punctuation (新华社, 岳德亮新华社).
func creditLine(p string) bool {
	p = strings.TrimSpace(p)
	n := utf8.RuneCountInString(p)
	return n > 0 && n <= 10 && !strings.ContainsAny(p, "0123456789，。,.：:；;、！？!?（）()")
}

// justIssuedPlanStart is the first year of a plan over several years
// (《…(2024—2027年)》, 《…“十四五”规划》) whose issue the first three
// paragraphs of text report as the news itself: in the opening sentence,
// or dated recent (近日, 今年) in the clause before; 0 when none.
func (lx *Lexicon) justIssuedPlanStart(text string) int {
	paras := strings.SplitN(text, "\n", 4)
	if len(paras) > 3 {
		paras = paras[:3]
	}
	opening := firstSentence(text)
	for pi, p := range paras {
		for off := 0; ; {
			j := strings.Index(p[off:], "《")
			if j < 0 {
				break
			}
			open := off + j
			k := strings.Index(p[open:], "》")
			if k < 0 {
				break
			}
			name := p[open+len("《") : open+k]
			off = open + k
			before := lastRunes(p[:open], 24)
			if c := strings.LastIndexAny(before, "。；;"); c >= 0 {
				before = before[c+1:]
			}
			if !containsAny(lastRunes(before, 8), lx.RelayWords) || !containsAny(lastRunes(name, 14), lx.PlanNames) {
				continue
			}
			if !(pi == 0 && open < len(opening)) && !containsAny(before, lx.Recent) {
				continue
			}
			if m := periodRangeRe.FindStringSubmatch(name); m != nil {
				a, _ := strconv.Atoi(m[1])
				if b, _ := strconv.Atoi(m[2]); b > a {
					return a
				}
			}
			if m := namedPeriodRe.FindStringSubmatch(name); m != nil && lx.PlanPeriods[m[1]] > 0 {
				return lx.PlanPeriods[m[1]] - 4
			}
		}
	}
	return 0
}

// lastYearAccount reports an account of last year in text: 至去年底,
// 截至去年年底, 去年，全省…, 去年“成绩单”. It looks only around each 去年
// (a regular expression over the whole text cost a load more than the
// rest of the year rules).
func lastYearAccount(text string) bool {
	const w = "去年"
	for off := 0; ; {
		i := strings.Index(text[off:], w)
		if i < 0 {
			return false
		}
		i += off
		off = i + len(w)
		before := strings.TrimRight(text[:i], " ")
		after := strings.TrimLeft(text[off:], " ")
		switch {
		case (strings.HasSuffix(before, "至") || strings.HasSuffix(before, "截止")) &&
			(strings.HasPrefix(after, "底") || strings.HasPrefix(after, "末") || strings.HasPrefix(after, "年底") || strings.HasPrefix(after, "年末") ||
				strings.HasPrefix(after, "，") || strings.HasPrefix(after, ",")):
			return true // 至去年底, 截至去年年底, 截至去年，
		case strings.HasPrefix(after, "，") || strings.HasPrefix(after, ","):
			if before == "" || strings.HasSuffix(before, "。") || strings.HasSuffix(before, "；") ||
				strings.HasSuffix(before, ";") || strings.HasSuffix(before, "！") || strings.HasSuffix(before, "\n") {
				return true // 去年，全省…
			}
		case strings.HasPrefix(after, "“成绩单") || strings.HasPrefix(after, "\"成绩单"):
			return true
		}
	}
}

// deadlineBefore reports text ending with a word that makes the date after
// it a deadline (力争至2023年底, 确保至…).
func (lx *Lexicon) deadlineBefore(before string) bool {
	for _, w := range lx.DeadlineModals {
		if strings.HasSuffix(before, w) {
			return true
		}
	}
	return false
}

// latestFullYearStatement is the latest year a sentence of text opens on
// to give an account of it as a whole (2023年，我市电信业务总量达…), not of
// a part of it (2023年1-4月) and not of the work ahead; 0 when none.
func (lx *Lexicon) latestFullYearStatement(text string) int {
	best := 0
	for _, st := range lx.yearStatements(text) {
		if !st.ahead && !st.since && !st.part && st.year > best {
			best = st.year
		}
	}
	return best
}

// pastYearStatement reports text opening a sentence on year y to give an
// account of it (2020年，省经济和信息化厅认真履行…), not the work ahead.
func (lx *Lexicon) pastYearStatement(text string, y int) bool {
	for _, st := range lx.yearStatements(text) {
		if st.year == y && !st.ahead && !st.since {
			return true
		}
	}
	return false
}

// periodSpanRe is a plan period used as a time adverbial: “十四五”期间.
var periodSpanRe = regexp.MustCompile(`[“"]?(十[一二三四五]五)[”"]?(?:期间|时期|以来)`)

// firstLine is text up to its first line break: the opening paragraph.
func firstLine(text string) string {
	if i := strings.IndexByte(text, '\n'); i >= 0 {
		return text[:i]
	}
	return text
}

// firstSentence is text up to its first full stop.
func firstSentence(text string) string {
	if i := strings.IndexAny(text, "。\n"); i >= 0 {
		return text[:i]
	}
	return text
}

// distinctYears lists the years written in s (2025年), in order, once each;
// the years that open a span (2021—2023年) are skipped, and with noBases
// the bases of a comparison (比2019年同期提升8.5%), which date no event.
func (lx *Lexicon) distinctYears(s string, noBases bool) []int {
	var out []int
	seen := map[int]bool{}
	forEachYear(s, func(y, start, _ int) {
		if seen[y] || lx.endsRange(s[:start]) || noBases && lx.endsBase(s[:start]) {
			return
		}
		seen[y] = true
		out = append(out, y)
	})
	sort.Ints(out)
	return out
}

// endsBase reports text ending with the word that makes the year after it
// the base of a comparison: 比, 较, 同比, 相比, 与.
func (lx *Lexicon) endsBase(before string) bool {
	before = strings.TrimRight(before, " ")
	for _, w := range lx.YearBases {
		if strings.HasSuffix(before, w) {
			return true
		}
	}
	return false
}

// firstClause is the opening of a paragraph up to its first comma: where a
// news report puts its date.
func firstClause(p string) string {
	if i := strings.IndexAny(p, ",，。"); i >= 0 {
		return p[:i]
	}
	if len(p) > 60 {
		return p[:60]
	}
	return p
}

// leadYear is the year of the conference or key points the title or
// opening names (召开2025年工作会议 happens in 2025).
func (in *inference) leadYear() int {
	if m := in.lx.conferenceYear.FindStringSubmatch(in.lead); m != nil {
		y, _ := strconv.Atoi(m[1])
		return y
	}
	return 0
}
