package dedup

import (
	"crypto/sha256"
	"encoding/hex"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
)

const report = `山东省通信管理局召开2025年工作会议，回顾总结2024年工作情况，安排部署2025年重点任务。深入开展“信号升格”专项行动、持续推进“5G蓝海 宽带海疆”建设，开通5G基站24.2万个，提前完成省政府下达的年度任务。连续第二年在工信部移动网络质量评测中名列前茅。加快“5G+工业互联网”融合应用规模发展，新增5G虚拟专网1600余个，居全国第3位；新打造典型应用项目650余个，项目签约金额超过14亿元。助老助残服务不断完善，推动行业企业开展助老关爱活动2万余场，服务30余万人次。`

func TestNearCopies(t *testing.T) {
	a := Of(report)
	// Reprinted with other chrome and a small edit.
	bText := "首页 > 要闻\n" + strings.Replace(report, "2万余场", "两万余场", 1) + "\n责任编辑：王某 版权所有"
	b := Of(bText)
	// Another notice on the same subject.
	c := Of(`浙江省通信管理局召开2026年工作会议，总结2025年工作，分析面临的形势，部署2026年工作。全省电信业务总量和收入均居全国第三，“双万兆”网络加速布局，5G融合推广应用，助力全省数字经济核心制造业增长超11%。全省资费公示率达99.99%，全国首部反诈地方立法落地实施。`)
	if s := Similarity(&a, &b); s < Threshold {
		t.Errorf("near-copy similarity %.2f < %.2f", s, Threshold)
	}
	if s := Similarity(&a, &c); s > 0.3 {
		t.Errorf("different notices similarity %.2f", s)
	}
	x := NewIndex()
	x.Add(1, c, nil)
	x.Add(2, a, Numbers(report))
	if id, _, ok := x.Nearest(b, Numbers(bText)); !ok || id != 2 {
		t.Errorf("Nearest = %d, %v; want 2", id, ok)
	}
	// Next year's notice from the same boilerplate is not a copy.
	next := strings.NewReplacer("2025", "2026", "2024", "2025", "24.2", "26.8", "1600", "2100", "650", "720", "14", "19").Replace(report)
	if _, _, ok := x.Nearest(Of(next), Numbers(next)); ok {
		t.Error("a notice with other figures was taken for a copy")
	}
	x.Remove(2)
	if _, _, ok := x.Nearest(b, Numbers(bText)); ok {
		t.Error("removed document still found")
	}
	if got := Numbers("2024年开通5G基站24.2万个，2024年"); strings.Join(got, " ") != "2 2024 24 5" {
		t.Errorf("Numbers = %v", got)
	}
	if got, err := Decode(a.Bytes()); err != nil || got != a {
		t.Errorf("round trip: %v", err)
	}
	if _, err := Decode([]byte{1, 2}); err == nil {
		t.Error("short signature decoded")
	}
	_ = Of("") // no panic on empty text
}

// referenceOf is the signature as first defined, over a []rune of the
// letters and digits: signatures stored in databases must stay equal to it.
func referenceOf(text string) (string, Signature) {
	var runes []rune
	for _, r := range text {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			runes = append(runes, r)
		}
	}
	var sig Signature
	for i := range sig {
		sig[i] = math.MaxUint32
	}
	n := max(len(runes)-shingle+1, 1)
	for i := 0; i < n; i++ {
		var h uint64 = 14695981039346656037
		for j := i; j < i+shingle && j < len(runes); j++ {
			h ^= uint64(runes[j])
			h *= 1099511628211
		}
		for k := range sig {
			if v := uint32(mix(h ^ salts[k])); v < sig[k] {
				sig[k] = v
			}
		}
	}
	sum := sha256.Sum256([]byte(string(runes)))
	return hex.EncodeToString(sum[:]), sig
}

// TestFingerprintMatchesReference checks the one-pass fingerprint against
// the definition on short, long, empty and punctuation-only texts.
func TestFingerprintMatchesReference(t *testing.T) {
	for _, text := range []string{
		"", "，。", "a", "五个字以内", "五个字整好", "山东省通信管理局召开2025年工作会议。会议指出，2024年全省开通5G基站24.2万个。",
		strings.Repeat("信息通信业高质量发展，", 500), "a b c d e f g", "𠀀𠀁𠀂𠀃𠀄𠀅",
	} {
		wantHash, wantSig := referenceOf(text)
		sum, sig := Fingerprint(text)
		if hex.EncodeToString(sum[:]) != wantHash || sig != wantSig {
			t.Errorf("Fingerprint(%.20q) differs from the definition", text)
		}
	}
}

// TestHanUnifiedAreLetters holds isHanUnified to unicode.IsLetter, which
// Fingerprint would otherwise ask.
func TestHanUnifiedAreLetters(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if isHanUnified(r) && !unicode.IsLetter(r) {
			t.Fatalf("%U is no letter", r)
		}
	}
}

// BenchmarkFingerprint measures Fingerprint on the seed notices.
func BenchmarkFingerprint(b *testing.B) {
	names, _ := filepath.Glob("../../data/notices/*")
	var texts []string
	size := 0
	for _, n := range names {
		body, err := os.ReadFile(n)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(body))
		size += len(body)
	}
	if len(texts) == 0 {
		b.Skip("no seed notices")
	}
	b.SetBytes(int64(size))
	for b.Loop() {
		for _, t := range texts {
			Fingerprint(t)
		}
	}
}
