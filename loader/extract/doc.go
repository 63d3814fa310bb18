// Package extract finds numeric indicators in the sentences of a notice —
// 开通5G基站24.2万个, 建成5G基站超31万个 — and says what each counts, in what
// unit, with what qualifier, whether it is an achievement or a target, and
// for which year.
//
// # The number grammar
//
// Numbers are found on the raw characters of a sentence by a hand scanner
// (one pass, no regular expressions), after mapping traditional characters
// and full-width ASCII to their simplified and ASCII forms rune for rune, so
// that every offset still points into the original sentence.
//
//	figure    = [prefix] [sign] number [余|多] [" "] unit [suffix]
//	          | [prefix] number [%] range-sep number … unit      (50%~70%, 2-3万个)
//	          | 从 figure [change-verb] (至|到|为) figure            (从9%提升至84%)
//	          | (百|千|万|百万…)分之 number | 百分之百 | 半数         (%, ‰, ‱; 百万分之一 → 0.0001 %)
//	          | [whole 又] number 分之 number | number / number   (fractions: 三分之一, 一又二分之一, 1/9)
//	          | 翻 [一|两|三|四] 番                                    (multiples: 2^n 倍)
//	          | number 成 [半 | digit] | 半成                          (tenths: 九成 → 90 %, 三成半 → 35 %)
//	          | symbol number                                         ($20, ￥300)
//	          | 第 number (位|名)  |  (居|列|排名…) … 第 number          (ranks, unit 位次)
//	number    = one numeral read whole, or nothing:
//	arabic    = digits with thousands separators (1,650; ４，５６５ between
//	            full-width digits only) and decimals, ASCII or full width
//	            (２．８), or a leading point (.5)
//	chinese   = digits 零〇一二两三四五六七八九 and financial 壹贰叁肆伍陆柒捌玖
//	            with 十百千 (拾佰仟) and 万亿, magnitudes in any order the
//	            language allows (一万五千亿, 四万万, 四亿五千万), 零 before a
//	            lower place (一千零五, 一千零十二), the colloquial tail after a
//	            unit (一万三 → 13000, 九十二万四 → 924000, 三百五 → 350), and
//	            decimals after 点 (八十六点五亿, 两千万点五五四四)
//	mixed     = arabic groups with magnitudes (3万4000, 5万4千6百, 2千零30万)
//	approx    = 几 for an unknown last digit, 余/多 before a magnitude:
//	            二十几万, 十几万, 五百余万, 500多亿 (qualifier over)
//	magnitude = 万 | 亿 | 千 | 百 and their products (万亿 = 1e12); a magnitude
//	            that begins a unit is the unit's (一百千瓦, 2.3千克, 1.5百分点);
//	            兆 is never 10^12 (in telecom text it is mega: 500兆, 2.5万兆)
//	spaces    = up to four inside a figure: between Chinese numerals (一 百 五 十),
//	            before a magnitude (24.2 万, 7万 5千) and before the unit
//	sign      = 负, or a minus not after a digit, letter or dash (负3.9%,
//	            -22.2%, 同比增长-3.5%); a signed range is refused
//	prefix    = 超过 超 突破 逾 高于 多于 (over) | 约 近 接近 将近 大约 (approx)
//	          | 不少于 不低于 至少 (at_least) | 不超过 不到 不足 低于 (at_most)
//	suffix    = (及)以上 (at_least) | (及)以下 以内 (at_most) | 左右 (approx)
//	          | 余 多 + (over: 1600余个, 万余个, 300+个)
//	unit      = the unit catalogue, data/units.yaml: each unit's spellings,
//	            normalised form (个, 元, %, G …), kind (count, share, multiple,
//	            money, measure), what it measures and words that begin with
//	            it but are no unit (10部门, 3号台风, 14亿人民); prices 元/GB,
//	            元每月; a count or measure per people, households or months
//	            after a slash (122.6部/百人, 19G/户/月), and a count in a
//	            clause counting per so many people (每万人拥有5G基站数18个 →
//	            个/万人), from the catalogue's per and per_capita lists;
//	            bandwidth letters (G, T, M, 兆) only in a clause about
//	            bandwidth or after 万/亿 (出口带宽达9.6万G), else they name a
//	            technology (5G, 700M)
//
// A numeral is read whole or not at all: a run that is not one
// well-formed number (十四五, 二〇二四, 两百点两, 3万4, 五兆六十二亿) yields
// nothing, and scanning resumes after the whole run, so no tail of it is
// read as a number of its own; a bare magnitude (万, 千) is a figure only
// after a qualifier or before 余/多 (突破万亿元, 近千个, 万余个).
//
// Values are exact. The reader builds each number as a decimal — an
// integer mantissa and a power of ten — adds places and scales by
// magnitudes exactly, and converts once, at the end, to the double closest
// to the decimal written (11.64万 → 116400, never 116399.99999999999). A
// fraction with a unit after it is its quotient (五分之一个 → 0.2); a
// fraction of a whole without one is a percentage to two decimals (1/8 →
// 12.5, 三分之一 → 33.33). The magnitude of a range's upper end applies to
// a bare lower end (2-3万个 → 20000~30000; 2至3万亿元 → 2e12~3e12).
//
// A figure needs a unit: a number with none is a name, a code or a date,
// except a 万/亿 figure closing its clause (用户达6500万，) or running into
// its noun (63.5万老年用户), whose unit the noun implies (户, 人: the
// catalogue's implied list), and a plain number of an index measured
// without a unit (PUE降低到1.3以下, the catalogue's unitless list).
//
// # What is never a figure
//
//   - Numbers followed by 年, 月, 日, 周年, 号, 届 (no such unit exists):
//     dates, years, anniversaries (建党100周年), durations (三年行动),
//     document, address and licence numbers (〔2022〕133号, 399号).
//   - Ordinals after 第, unless they are ranks (第七届, 连续第二年, 第一方阵).
//   - Numbers glued to Latin letters or after @ / _ # ^ = % & - . between
//     letters or digits: technology names (5G, 10G PON, 2.6G, 700M, NR900,
//     IPv6), e-mail addresses, file names, version strings, exponents
//     (2^5, 2e5), and anything inside a web address (http://…, www.…). An acronym of three or
//     more capitals before a counted figure is a noun (检测APP3.4万款).
//   - Runs of more than 15 digits (identity and account numbers) and values
//     that overflow.
//   - Numbers inside paired quotes or title brackets: slogans and names
//     (“两个维护”, “1﹢3﹢9”, 断卡行动2.0 in quotes, 《规划(2020-2035)》).
//   - A number right after a label colon (浏览量:656 次) and every number of a
//     sentence that text.IsChrome calls page furniture (Document skips them).
//   - Chinese numerals for one before a measure word (一个, 一场 are
//     articles; 一吨, 一美元 are amounts), bare magnitudes without a
//     qualifier (千家万户, 千行百业, 万兆), invalid runs (十四五), vague
//     amounts (数十个, 几百家), financial numerals that are part of a word
//     (队伍, 陆地, 收拾), and small Chinese numbers that precede
//     their noun (及三个运营商的) unless they open their clause (七个项目入围),
//     carry a qualifier (逾五个项目) or a verb introduces them as a count of
//     events (开展三次).
//   - Figures in sentences about who attended a meeting (出席, 参加会议,
//     分会场), the few operators a notice brings in as actors
//     (组织3家基础电信企业), and altitudes (海拔5200米).
//   - A 以上/以下 figure running straight into the noun it restricts, with
//     another figure later in its clause: 20户以上自然村4G网络覆盖率达到95%,
//     1000Mbps及以上接入速率的用户为126万户.
//   - A count of the notice's own parts (《实施方案》明确了7项重点任务,
//     …等4个方面, 四项重点目标：): a structure noun right after the figure
//     in a clause that says what a document sets out, or in a heading
//     ending on a colon (lexicon: structure_nouns, structure_verbs).
//
// A prefix qualifier before a 分别 list holds for every figure in it
// (同比下降分别超过20%和30%).
//
// # Metric, measure, kind and year
//
// The metric is the clause before the figure with scope words, verbs and
// links trimmed (开通5G基站24.2万个 → 5G基站), or the noun after it when the
// figure comes first (2个项目获奖). The catalogue (data/metrics.yaml) names
// the canonical metric: the longest synonym inside the phrase whose entry
// admits the figure's unit.
//
// The measure comes from cues in the clause (新建, 新增, 净增 → increment;
// 增长, 同比, 下降 before a percentage → growth, unless 至/到/达 make it a
// level), else the catalogue's usual measure, else the unit (% → rate,
// events → count, others → total). Ranks are rank.
//
// The kind is other for ranks, for counts of meetings, trainings and other
// events (batches, 批 and 批次, wherever they stand), and for figures
// about others (全国10个, 工信部16个, a clause
// opening with 全国 or 我国); achievement inside 在……的基础上, the base a
// plan builds on; target when
// the sentence carries a planning cue before the figure (力争, 争取, 预计,
// 确保, 将 + verb, 到2027年, 2025年底前), when a target is quoted
// (年度目标…, …的目标任务; but 完成年度目标的130% is a result), or when
// an earlier sentence of its paragraph that ends on a full stop plans
// (提出江苏将建成…。行政村5G通达率大于90%) and none since reports something
// done, or when the sentence is in the plan part of the notice and
// nothing marks it as done (已, 截至, 目前, 1至9月); achievement otherwise.
// A quoted target is a past one, for the year it was set for, unless a
// modal puts it ahead (预计完成…的建设目标).
//
// The year is the year named closest before the figure in its sentence
// (2021年，…; 到2027年; 截至2023年底; 十四五期间 → 2025; 2019年的1100亿元),
// ignoring years in quotes, "2021年以来" (since), comparison bases (较2020年,
// 是2020年的3倍) and years in an earlier clause that is more than a bare time
// adverbial (在2020年办理…的基础上，力争…). Otherwise a target takes
// the deadline its sentence names after it (将建设1462个4G基站，…，预计今年
// 8月竣工), else it refers to the plan year (a target quoted in a review to the
// reviewed year), and an achievement to the reviewed year — or to the
// publication year when the notice came out after the first quarter of a
// later year and its review is not anchored to the reviewed year (会议指出,
// 一年来, 总结2023年工作, 2023年以来), since a mid-year article that looks
// back over 近年来 reports totals as of its date. A past year a sentence
// opens with as a bare adverbial (截至2020年底，…; 2020年，…; “十三五”时期，…)
// dates the undated achievements after it in its paragraph, across ； and
// full stops, unless they speak of now (目前, 今年). An undated target in a
// notice that plans no year is for the year after the reviewed one — or,
// in a report on this year's progress published by September, for this
// year.
package extract
