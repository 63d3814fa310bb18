package segment

import (
	"unicode"
	"unicode/utf8"
	_ "unsafe" // go:linkname, for gse's HMM model

	"github.com/go-ego/gse/hmm"
)

// The runs of single characters the dictionary leaves are cut by gse's HMM
// (jieba's four-state model: a character Begins, is in the Middle of or
// Ends a word, or is a Single-character word). gse's hmm.Cut finds the Han
// runs with a regular expression, converts each to runes and runs Viterbi
// over maps of maps, allocating a map and a path copy per character and
// state, and sorting two candidates with sort.Sort: in a load it cost as
// much as the dictionary walk. hmmCutter runs the same model and the same
// arithmetic, in the same order, over arrays: the same tokens
// (TestHMMMatchesGse compares the two directly, TestCutMatchesGse through
// the whole cut).

// gseProbEmit is gse's emission model, which it keeps unexported: the
// alternative is a copy of jieba's 35,000-line table. It is read once,
// when a segmenter is built (under loadMu, after gse has loaded it).
//
//go:linkname gseProbEmit github.com/go-ego/gse/hmm.probEmit
var gseProbEmit map[byte]map[rune]float64

// The states, in the order gse's Viterbi visits them ('B', 'M', 'E', 'S').
const (
	stB = iota
	stM
	stE
	stS
	nStates
)

// stateByte is each state's letter: gse breaks ties between equally
// probable states in favour of the greater letter.
var stateByte = [nStates]byte{'B', 'M', 'E', 'S'}

// minFloat is gse's log probability of what the model has never seen.
const minFloat = -3.14e100

// hmmStart, hmmPrev and hmmTrans are gse's (hmm/viterbi.go,
// hmm/prob_trans.go): the start probabilities, the states each state can
// follow (in gse's order), and the transition probabilities from them.
var (
	hmmStart = [nStates]float64{stB: -0.26268660809250016, stM: -3.14e+100, stE: -3.14e+100, stS: -1.4652633398537678}
	hmmPrev  = [nStates][2]int{stB: {stE, stS}, stM: {stM, stB}, stS: {stS, stE}, stE: {stB, stM}}
	hmmTrans = [nStates][nStates]float64{
		stB: {stE: -0.510825623765990, stM: -0.916290731874155},
		stE: {stB: -0.5897149736854513, stS: -0.8085250474669937},
		stM: {stE: -0.33344856811948514, stM: -1.2603623820268226},
		stS: {stB: -0.7211965654669841, stS: -0.6658631448798212},
	}
)

// hmmModel is the emission model by rune: each state's log probability of
// emitting it, minFloat where the model has none.
type hmmModel struct {
	bmp  [][nStates]float64 // by rune below 0x10000
	high map[rune][nStates]float64
}

// newHMMModel copies gse's loaded emission model.
func newHMMModel() *hmmModel {
	m := &hmmModel{bmp: make([][nStates]float64, 0x10000), high: map[rune][nStates]float64{}}
	for i := range m.bmp {
		m.bmp[i] = [nStates]float64{minFloat, minFloat, minFloat, minFloat}
	}
	for st, b := range stateByte {
		for r, p := range gseProbEmit[b] {
			switch {
			case r >= 0 && r < 0x10000:
				m.bmp[r][st] = p
			default:
				e, ok := m.high[r]
				if !ok {
					e = [nStates]float64{minFloat, minFloat, minFloat, minFloat}
				}
				e[st] = p
				m.high[r] = e
			}
		}
	}
	return m
}

func (m *hmmModel) emit(r rune) [nStates]float64 {
	if r >= 0 && r < 0x10000 {
		return m.bmp[r]
	}
	if e, ok := m.high[r]; ok {
		return e
	}
	return [nStates]float64{minFloat, minFloat, minFloat, minFloat}
}

// hmmCutter holds the Viterbi buffers of one cut.
type hmmCutter struct {
	runes  []rune
	offs   []int
	prob   [][nStates]float64
	back   [][nStates]int8
	states []int8
}

// better reports whether (p, a) beats (q, b) as gse's sort picks: the
// greater probability, and on a tie the greater state letter.
func better(p float64, a int, q float64, b int) bool {
	return p > q || p == q && stateByte[a] > stateByte[b]
}

// viterbi labels the runes of h.runes with their most probable states,
// into states.
func (m *hmmModel) viterbi(h *hmmCutter, states []int8) {
	n := len(h.runes)
	if cap(h.prob) < n {
		h.prob = make([][nStates]float64, n)
		h.back = make([][nStates]int8, n)
	}
	prob, back := h.prob[:n], h.back[:n]
	e := m.emit(h.runes[0])
	for y := range nStates {
		prob[0][y] = e[y] + hmmStart[y]
	}
	for t := 1; t < n; t++ {
		e := m.emit(h.runes[t])
		for y := range nStates {
			a, b := hmmPrev[y][0], hmmPrev[y][1]
			pa := prob[t-1][a] + hmmTrans[a][y] + e[y]
			pb := prob[t-1][b] + hmmTrans[b][y] + e[y]
			if better(pb, b, pa, a) {
				prob[t][y], back[t][y] = pb, int8(b)
			} else {
				prob[t][y], back[t][y] = pa, int8(a)
			}
		}
	}
	last := stE
	if better(prob[n-1][stS], stS, prob[n-1][stE], stE) {
		last = stS
	}
	for t := n - 1; t >= 0; t-- {
		states[t] = int8(last)
		last = int(back[t][last])
	}
}

// cut splits text as gse's hmm.Cut(text) does: runs of Han characters by
// the model, runs of ASCII letters and digits (and decimals, 24.2) whole,
// and whatever lies between as it comes.
func (m *hmmModel) cut(h *hmmCutter, text string, emit func(string)) {
	for len(text) > 0 {
		han := hanRun(text)
		if han[0] == 0 && han[1] > 0 {
			m.cutHan(h, text[:han[1]], emit)
			text = text[han[1]:]
			continue
		}
		skip := skipRun(text)
		if skip[0] == 0 && skip[1] > 0 {
			emit(text[:skip[1]])
			text = text[skip[1]:]
			continue
		}
		// The text up to the nearer of the two runs (both start later).
		next := len(text)
		if han[1] > 0 {
			next = han[0]
		}
		if skip[1] > 0 && skip[0] < next {
			next = skip[0]
		}
		emit(text[:next])
		text = text[next:]
	}
}

// hanRun is where the first run of Han characters in s starts and ends
// (\p{Han}+), {0, 0} when there is none.
func hanRun(s string) [2]int {
	start := -1
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.Is(unicode.Han, r) {
			if start < 0 {
				start = i
			}
		} else if start >= 0 {
			return [2]int{start, i}
		}
		i += size
	}
	if start < 0 {
		return [2]int{}
	}
	return [2]int{start, len(s)}
}

// skipRun is where gse's (\d+\.\d+|[a-zA-Z0-9]+) first matches in s,
// {0, 0} when it does not.
func skipRun(s string) [2]int {
	alnum := func(b byte) bool { return b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' }
	digits := func(i int) int {
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		return i
	}
	for i := 0; i < len(s); i++ {
		if !alnum(s[i]) {
			continue
		}
		if d := digits(i); d > i && d+1 < len(s) && s[d] == '.' && s[d+1] >= '0' && s[d+1] <= '9' {
			return [2]int{i, digits(d + 1)}
		}
		j := i
		for j < len(s) && alnum(s[j]) {
			j++
		}
		return [2]int{i, j}
	}
	return [2]int{}
}

// cutHan cuts a run of Han characters by its Viterbi states: a word runs
// from a B to its E, an S stands alone, and an unfinished word at the end
// is one token.
func (m *hmmModel) cutHan(h *hmmCutter, run string, emit func(string)) {
	h.runes, h.offs = splitRunes(run, h.runes, h.offs)
	n := len(h.runes)
	if cap(h.states) < n {
		h.states = make([]int8, n)
	}
	states := h.states[:n]
	m.viterbi(h, states)
	begin, next := 0, 0
	for i, st := range states {
		switch st {
		case stB:
			begin = i
		case stE:
			emit(run[h.offs[begin]:h.offs[i+1]])
			next = i + 1
		case stS:
			emit(run[h.offs[i]:h.offs[i+1]])
			next = i + 1
		}
	}
	if next < n {
		emit(run[h.offs[next]:])
	}
}

// hmmLoaded makes sure gse's model is loaded before it is copied.
func hmmLoaded() {
	if len(gseProbEmit['B']) == 0 {
		hmm.LoadModel()
	}
}
