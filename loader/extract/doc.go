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
//	figure    = [prefix] number [余|多] [magnitude] [余|多] [" "] unit [suffix]
//	          | [prefix] number [%] range-sep number … unit      (50%~70%, 2-3万个)
//	          | 从 figure [change-verb] (至|到|为) figure            (从9%提升至84%)
//	          | 百分之 number | 千分之 number | 百分之百 | 半数         (percent, per mille)
//	          | number / number | 中文number 分之 中文number          (fractions: 1/9, 三分之一)
//	          | 翻 [一|两|三|四] 番                                    (multiples: 2^n 倍)
//	          | number 成                                             (tenths: 九成 → 90 %)
//	          | 第 number (位|名)  |  (居|列|排名…) … 第 number          (ranks, unit 位次)
//	number    = arabic | chinese
//	arabic    = digits with optional thousands separators (1,650) and decimals,
//	            ASCII or full width (２．８)
//	chinese   = 零〇一二两三四五六七八九 with 十百千 and 万亿 (二百三十亿, 万亿),
//	            decimals digit by digit (八十六点五亿, 九十八点五)
//	magnitude = 万 | 亿 | 千 | 百 and their products (万亿 = 1e12)
//	prefix    = 超过 超 突破 逾 高于 多于 (over) | 约 近 接近 将近 大约 (approx)
//	          | 不少于 不低于 至少 (at_least) | 不超过 不到 不足 低于 (at_most)
//	suffix    = (及)以上 (at_least) | (及)以下 以内 (at_most) | 左右 (approx)
//	          | 余 多 + (over: 1600余个, 万余个, 300+个)
//	negative  = 增长-3.5%: a minus after a growth word is a fall
//	unit      = a closed list: % ％ 个百分点 ‰ 倍 元 美元 个 家 户 人 人次 名 项 件
//	            场 次 期 款 套 台 … 公里 平方米 吨 EFLOPS PFLOPS Gbps Mbps TB …
//	            (Latin units keep their usual spelling: Mbps, not MBPS; Mbit/s is Mbps),
//	            and prices 元/GB, 元每月; a one-character unit that begins a
//	            word is none (10部门, 3号台风, 14亿人民, 100场景)
//
// The value is normalised (24.2万 → 242000, 1.28余万 → 12800, 突破万亿元 →
// 1e12); the magnitude of a range's upper end applies to a bare lower end
// (2-3万个 → 20000~30000). A figure needs a unit: a number with none is a
// name, a code or a date, except a 万/亿 figure closing its clause
// (用户达6500万，) whose unit is left empty.
//
// # What is never a figure
//
//   - Numbers followed by 年, 月, 日, 周年, 号, 届 (no such unit exists):
//     dates, years, anniversaries (建党100周年), durations (三年行动),
//     document, address and licence numbers (〔2022〕133号, 399号).
//   - Ordinals after 第, unless they are ranks (第七届, 连续第二年, 第一方阵).
//   - Numbers glued to Latin letters or after @ / _ - . between letters or
//     digits: technology names (5G, 10G PON, 2.6G, 700M, NR900, IPv6),
//     e-mail addresses, file names, version strings. An acronym of three or
//     more capitals before a counted figure is a noun (检测APP3.4万款).
//   - Runs of more than 15 digits (identity and account numbers) and values
//     that overflow.
//   - Numbers inside paired quotes or title brackets: slogans and names
//     (“两个维护”, “1﹢3﹢9”, 断卡行动2.0 in quotes, 《规划(2020-2035)》).
//   - A number right after a label colon (浏览量:656 次) and every number of a
//     sentence that text.IsChrome calls page furniture (Document skips them).
//   - Chinese numerals below two (一个, 一场 are articles), bare magnitudes
//     without a qualifier (千家万户, 千行百业, 万兆), invalid runs (十四五),
//     vague amounts (数十个, 几百家), and small Chinese numbers that precede
//     their noun (及三个运营商的) unless they open their clause (七个项目入围),
//     carry a qualifier (逾五个项目) or a verb introduces them as a count of
//     events (开展三次).
//   - Figures in sentences about who attended a meeting (出席, 参加会议,
//     分会场), the few operators a notice brings in as actors
//     (组织3家基础电信企业), and altitudes (海拔5200米).
//   - A 以上/以下 figure running straight into the noun it restricts, with
//     another figure later in its clause: 20户以上自然村4G网络覆盖率达到95%,
//     1000Mbps及以上接入速率的用户为126万户.
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
// events, and for figures about others (全国10个, 工信部16个, a clause
// opening with 全国 or 我国); achievement inside 在……的基础上, the base a
// plan builds on; target when
// the sentence carries a planning cue before the figure (力争, 争取, 预计,
// 确保, 将 + verb, 到2027年, 2025年底前), when a target is quoted
// (年度目标…, …的目标任务; but 完成年度目标的130% is a result), or when
// the sentence is in the plan part of the
// notice and nothing marks it as done (已, 截至, 目前); achievement
// otherwise.
//
// The year is the year named closest before the figure in its sentence
// (2021年，…; 到2027年; 截至2023年底; 十四五期间 → 2025; 2019年的1100亿元),
// ignoring years in quotes, "2021年以来" (since), comparison bases (较2020年,
// 是2020年的3倍) and years in an earlier clause that is more than a bare time
// adverbial (在2020年办理…的基础上，力争…). Otherwise a
// target refers to the plan year (a target quoted in a review to the
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
