// Package text splits a notice body into sentences and tells which part of
// the notice each sentence sits in: the review of the past year, the plan
// for the coming year, or other matter (boilerplate, page chrome, the list
// of those attending).
//
// Offsets are counted in runes of the body, zero-based, end exclusive, so
// that []rune(body)[s.Start:s.End] == s.Text for every sentence.
package text

import "unicode"

// Part says which part of a notice a sentence belongs to.
type Part string

// The parts of a notice.
const (
	// Review is the account of the past (reviewed) year's work.
	Review Part = "review"
	// Plan is the work set out for the coming (plan) year.
	Plan Part = "plan"
	// Other is everything else: headers, chrome, attendance, closing words.
	Other Part = "other"
)

// Sentence is one sentence of a body with its position.
type Sentence struct {
	// No is the 0-based position of the sentence in the document.
	No int
	// Start and End are rune offsets in the body, end exclusive.
	Start, End int
	// Text is the sentence, trimmed of surrounding spaces.
	Text string
	// Part is the part of the notice the sentence sits in.
	Part Part
	// Para is the 0-based paragraph (line) the sentence starts in.
	Para int
}

// Years are the years a notice reviews and plans for; 0 means unknown.
type Years struct {
	Reviewed, Plan int
}

// terminators end a sentence.
func isTerminator(r rune) bool {
	switch r {
	case '。', '！', '？', '；', '!', '?', ';', '｡':
		return true
	}
	return false
}

// isCloser reports runes that stay with the sentence they close: closing
// quotes and brackets, and further terminators (……, ？！).
func isCloser(r rune) bool {
	switch r {
	case '”', '’', '」', '』', '）', ')', '】', '》', '〕', ']', '…':
		return true
	}
	return isTerminator(r)
}

func isLineBreak(r rune) bool {
	return r == '\n' || r == '\r' || r == '\u2028' || r == '\u2029' || r == '\v' || r == '\f'
}

func isSpace(r rune) bool {
	return unicode.IsSpace(r) || r == '\u3000' || r == '\u00a0' || r == '\ufeff' || r == '\u200b'
}

// Split cuts body into sentences on 。！？；!?; and line breaks, keeping
// closing quotes and brackets with the sentence they end, trimming spaces
// (with exact offsets) and dropping empty sentences. Each sentence is given
// the part of the notice it sits in (parts.go).
func Split(body string, y Years) []Sentence {
	rs := []rune(body)
	var out []Sentence
	para := 0
	start := 0
	sentPara := 0
	emit := func(end int) {
		s, e := start, end
		for s < e && isSpace(rs[s]) {
			s++
		}
		for e > s && isSpace(rs[e-1]) {
			e--
		}
		if e > s {
			out = append(out, Sentence{No: len(out), Start: s, End: e, Text: string(rs[s:e]), Para: sentPara})
		}
	}
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch {
		case isLineBreak(r):
			emit(i)
			start = i + 1
			// \r\n and blank lines count as one paragraph break each line.
			if !(r == '\r' && i+1 < len(rs) && rs[i+1] == '\n') {
				para++
			}
			sentPara = para
		case isTerminator(r):
			j := i + 1
			for j < len(rs) && isCloser(rs[j]) {
				j++
			}
			emit(j)
			start = j
			sentPara = para
			i = j - 1
		}
	}
	emit(len(rs))
	classify(out, y)
	return out
}
