package gazetteer

import (
	"testing"
)

func TestLookup(t *testing.T) {
	g := Default()
	tests := []struct {
		name                   string
		province, city, county string
		level                  string
	}{
		{"山东省", "山东省", "", "", LevelProvince},
		{"山东", "山东省", "", "", LevelProvince},
		{"内蒙古", "内蒙古自治区", "", "", LevelProvince},
		{"广西", "广西壮族自治区", "", "", LevelProvince},
		{"宁夏", "宁夏回族自治区", "", "", LevelProvince},
		{"新疆", "新疆维吾尔自治区", "", "", LevelProvince},
		{"西藏", "西藏自治区", "", "", LevelProvince},
		{"香港", "香港特别行政区", "", "", LevelProvince},
		{"澳门", "澳门特别行政区", "", "", LevelProvince},
		{"台湾", "台湾省", "", "", LevelProvince},
		{"北京市", "北京市", "", "", LevelProvince},
		{"北京", "北京市", "", "", LevelProvince},
		{"重庆", "重庆市", "", "", LevelProvince},
		{"滨州市", "山东省", "滨州市", "", LevelCity},
		{"滨州", "山东省", "滨州市", "", LevelCity},
		{"博兴县", "山东省", "滨州市", "博兴县", LevelCounty},
		{"博兴", "山东省", "滨州市", "博兴县", LevelCounty},
		{"化州市", "广东省", "茂名市", "化州市", LevelCounty},
		{"黎平县", "贵州省", "黔东南苗族侗族自治州", "黎平县", LevelCounty},
		{"黔东南苗族侗族自治州", "贵州省", "黔东南苗族侗族自治州", "", LevelCity},
		{"黔东南州", "贵州省", "黔东南苗族侗族自治州", "", LevelCity},
		{"黔东南", "贵州省", "黔东南苗族侗族自治州", "", LevelCity},
		{"伊犁州", "新疆维吾尔自治区", "伊犁哈萨克自治州", "", LevelCity},
		{"克孜勒苏州", "新疆维吾尔自治区", "克孜勒苏柯尔克孜自治州", "", LevelCity},
		{"锡林郭勒", "内蒙古自治区", "锡林郭勒盟", "", LevelCity},
		{"阿里", "西藏自治区", "阿里地区", "", LevelCity},
		{"东城区", "北京市", "北京市", "东城区", LevelCounty},
		{"仙桃市", "湖北省", "", "仙桃市", LevelCounty},
		{"长阳", "湖北省", "宜昌市", "长阳土家族自治县", LevelCounty},
		{"长阳县", "湖北省", "宜昌市", "长阳土家族自治县", LevelCounty},
		{"海南", "海南省", "", "", LevelProvince},
		{"海南州", "青海省", "海南藏族自治州", "", LevelCity},
		{"吉林", "吉林省", "", "", LevelProvince},
		{"油尖旺区", "香港特别行政区", "九龙", "油尖旺区", LevelCounty},
	}
	for _, tt := range tests {
		cs := g.Lookup(tt.name)
		if len(cs) == 0 {
			t.Errorf("Lookup(%q): nothing", tt.name)
			continue
		}
		p := cs[0].Place
		if p.Province != tt.province || p.City != tt.city || p.County != tt.county || p.Level != tt.level {
			t.Errorf("Lookup(%q)[0] = %+v, want %s/%s/%s %s", tt.name, p, tt.province, tt.city, tt.county, tt.level)
		}
	}
}

func TestLookupAmbiguous(t *testing.T) {
	g := Default()
	cs := g.Lookup("朝阳区")
	provs := map[string]bool{}
	for _, c := range cs {
		provs[c.Province] = true
	}
	if !provs["北京市"] || !provs["吉林省"] {
		t.Errorf("朝阳区 should be in 北京市 and 吉林省 (长春), got %+v", cs)
	}
	if len(g.Lookup("吉林")) < 2 {
		t.Errorf("吉林 names both the province and 吉林市")
	}
	for _, bad := range []string{"", "省", "市辖区", "县", "省直辖县级行政区划"} {
		if cs := g.Lookup(bad); len(cs) != 0 {
			t.Errorf("Lookup(%q) = %+v, want nothing", bad, cs)
		}
	}
}

func TestProvinces(t *testing.T) {
	ps := Default().Provinces()
	if len(ps) != 34 {
		t.Errorf("want 34 provincial-level units, got %d", len(ps))
	}
	p, ok := Default().Province("内蒙古")
	if !ok || p.Province != "内蒙古自治区" {
		t.Errorf("Province(内蒙古) = %+v %v", p, ok)
	}
	if _, ok := Default().Province("滨州"); ok {
		t.Error("滨州 is not a province")
	}
}

func TestScan(t *testing.T) {
	g := Default()
	text := "近日，山东省通信管理局在滨州市博兴县召开会议，黔东南州和内蒙古自治区代表参加。"
	var names []string
	for _, m := range g.Scan(text) {
		if text[m.Start:m.End] != m.Name {
			t.Errorf("offsets %d:%d do not give %q", m.Start, m.End, m.Name)
		}
		names = append(names, m.Name)
	}
	want := []string{"山东省", "滨州市", "博兴县", "黔东南州", "内蒙古自治区"}
	if len(names) != len(want) {
		t.Fatalf("Scan = %q, want %q", names, want)
	}
	for i := range want {
		if names[i] != want[i] {
			t.Errorf("Scan[%d] = %q, want %q", i, names[i], want[i])
		}
	}
}

func TestScanPrefersStrongNames(t *testing.T) {
	// 立山 (short for 立山区) must not hide 山东省.
	ms := Default().Scan("成立山东省互联网行业党委")
	if len(ms) != 1 || ms[0].Name != "山东省" {
		t.Errorf("Scan = %+v, want 山东省", ms)
	}
}

func BenchmarkScan(b *testing.B) {
	g := Default()
	text := "会议指出，2024年，全局上下深入落实党中央决策部署和省部工作安排，青岛进入全国10个“5G+工业互联网”融合应用试点城市行列，济南、青岛入选工信部16个5G应用“扬帆”行动重点城市。"
	b.SetBytes(int64(len(text)))
	for i := 0; i < b.N; i++ {
		g.Scan(text)
	}
}

func BenchmarkBuild(b *testing.B) {
	for i := 0; i < b.N; i++ {
		build(divisionsTSV)
	}
}
